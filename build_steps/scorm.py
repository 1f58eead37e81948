"""The build's `package_scorm` step: the site as SCORM packages an LMS imports, 1.2 and 2004 4th edition.

Each lesson is one SCO (a page the LMS launches and tracks), launched with ?scorm=<version>
so the page (site/static/scorm.js) talks to that version's API. Both packages hold the
files the service worker keeps (build_steps.offline.site_files, made by the step before),
and their manifests carry the build's version.
"""

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from build_steps.offline import site_files
from dlviz.course import TITLE, available_lessons

PACKAGES = {"1.2": "deep-learning-visually-scorm12.zip", "2004": "deep-learning-visually-scorm2004.zip"}
"""Each SCORM version's package, at the top of the site."""

IDENTIFIER = "deep-learning-visually"


def manifest_12(lessons, files, version):
    """SCORM 1.2's imsmanifest.xml: one organisation, one item and one SCO resource per lesson."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}" version="{escape(version)}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general><imsmd:title><imsmd:langstring xml:lang="en">{escape(TITLE)}</imsmd:langstring></imsmd:title></imsmd:general>
      <imsmd:lifecycle><imsmd:version><imsmd:langstring xml:lang="x-none">{escape(version)}</imsmd:langstring></imsmd:version></imsmd:lifecycle>
    </imsmd:lom>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{escape(TITLE)}</title>
{items(lessons, "1.2")}
    </organization>
  </organizations>
  <resources>
{resources(lessons, files, "adlcp:scormtype")}
  </resources>
</manifest>
"""


def manifest_2004(lessons, files, version):
    """SCORM 2004 4th edition's imsmanifest.xml: the same lessons, free to visit in any order."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}" version="{escape(version)}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom:lom>
      <lom:general><lom:title><lom:string language="en">{escape(TITLE)}</lom:string></lom:title></lom:general>
      <lom:lifeCycle><lom:version><lom:string language="x-none">{escape(version)}</lom:string></lom:version></lom:lifeCycle>
    </lom:lom>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{escape(TITLE)}</title>
{items(lessons, "2004")}
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>
{resources(lessons, files, "adlcp:scormType")}
  </resources>
</manifest>
"""


def items(lessons, scorm_version):
    """One item per lesson, launched with ?scorm=<version>."""
    return "\n".join(
        f'      <item identifier="item-{number}" identifierref="sco-{number}" isvisible="true" parameters="?scorm={scorm_version}">\n'
        f"        <title>{escape(f'{number}. {lesson.title}')}</title>\n"
        f"      </item>"
        for number, lesson in enumerate(lessons, start=1)
    )


def resources(lessons, files, scorm_type):
    """One SCO per lesson page, and one asset resource with every file of the site."""
    scos = "\n".join(
        f'    <resource identifier="sco-{number}" type="webcontent" {scorm_type}="sco" href="{lesson.slug}.html">\n'
        f'      <file href="{lesson.slug}.html"/>\n'
        f'      <dependency identifierref="course-files"/>\n'
        f"    </resource>"
        for number, lesson in enumerate(lessons, start=1)
    )
    shared = "\n".join(f'      <file href="{escape(name)}"/>' for name in files)
    return f'{scos}\n    <resource identifier="course-files" type="webcontent" {scorm_type}="asset">\n{shared}\n    </resource>'


MANIFESTS = {"1.2": manifest_12, "2004": manifest_2004}


def package_scorm(out, version="", **_):
    """Zip the site's files (the service worker's list) with each version's imsmanifest.xml into out/PACKAGES."""
    out = Path(out)
    lessons = [lesson for lesson in available_lessons() if (out / f"{lesson.slug}.html").exists()]
    files = site_files(out)
    packages = []
    for scorm_version, name in PACKAGES.items():
        package = out / name
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("imsmanifest.xml", MANIFESTS[scorm_version](lessons, files, version))
            for file in files:
                archive.write(out / file, file)
        packages.append(package)
    return packages
