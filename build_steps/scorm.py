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


# What the two versions' manifests differ in: namespaces, schema version, the metadata's form
# (IMS metadata 1.2.1 for SCORM 1.2, IEEE LOM for 2004), the SCO attribute's spelling, sequencing.
SCHEMAS = {
    "1.2": {
        "namespaces": '''xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"''',
        "schemaversion": "1.2",
        "metadata": """    <imsmd:lom>
      <imsmd:general><imsmd:title><imsmd:langstring xml:lang="en">{title}</imsmd:langstring></imsmd:title></imsmd:general>
      <imsmd:lifecycle><imsmd:version><imsmd:langstring xml:lang="x-none">{version}</imsmd:langstring></imsmd:version></imsmd:lifecycle>
    </imsmd:lom>""",
        "scorm_type": "adlcp:scormtype",
        "sequencing": "",
    },
    "2004": {
        "namespaces": '''xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:lom="http://ltsc.ieee.org/xsd/LOM"''',
        "schemaversion": "2004 4th Edition",
        "metadata": """    <lom:lom>
      <lom:general><lom:title><lom:string language="en">{title}</lom:string></lom:title></lom:general>
      <lom:lifeCycle><lom:version><lom:string language="x-none">{version}</lom:string></lom:version></lom:lifeCycle>
    </lom:lom>""",
        "scorm_type": "adlcp:scormType",
        "sequencing": '\n      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>',
    },
}


def manifest(scorm_version, lessons, files, version):
    """imsmanifest.xml: one organisation, one item and one SCO resource per lesson, the build's version in its metadata."""
    schema = SCHEMAS[scorm_version]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}" version="{escape(version)}"
    {schema["namespaces"]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{schema["schemaversion"]}</schemaversion>
{schema["metadata"].format(title=escape(TITLE), version=escape(version))}
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{escape(TITLE)}</title>
{items(lessons, scorm_version)}{schema["sequencing"]}
    </organization>
  </organizations>
  <resources>
{resources(lessons, files, schema["scorm_type"])}
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


def package_scorm(out, version="", **_):
    """Zip the site's files (the service worker's list) with each version's imsmanifest.xml into out/PACKAGES."""
    out = Path(out)
    lessons = [lesson for lesson in available_lessons() if (out / f"{lesson.slug}.html").exists()]
    files = site_files(out)
    packages = []
    for scorm_version, name in PACKAGES.items():
        package = out / name
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("imsmanifest.xml", manifest(scorm_version, lessons, files, version))
            for file in files:
                archive.write(out / file, file)
        packages.append(package)
    return packages
