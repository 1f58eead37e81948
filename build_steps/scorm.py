"""The build's `package_scorm` step: the whole site as a SCORM 1.2 package an LMS imports.

Each lesson is one SCO (a page the LMS launches and tracks). In an LMS the
pages find the LMS's SCORM API (site/static/scorm.js) and report the lesson as completed
once every question is answered, with the share of right answers as the score.
"""

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from dlviz.course import TITLE, available_lessons

PACKAGE_NAME = "deep-learning-visually-scorm12.zip"


def manifest(lessons, files):
    """imsmanifest.xml: one organisation, one item and one SCO resource per lesson."""
    items = "\n".join(
        f'      <item identifier="item-{number}" identifierref="sco-{number}" isvisible="true">\n'
        f"        <title>{escape(f'{number}. {lesson.title}')}</title>\n"
        f"      </item>"
        for number, lesson in enumerate(lessons, start=1)
    )
    shared = "\n".join(f'      <file href="{escape(name)}"/>' for name in files)
    resources = "\n".join(
        f'    <resource identifier="sco-{number}" type="webcontent" adlcp:scormtype="sco" href="{lesson.slug}.html">\n'
        f'      <file href="{lesson.slug}.html"/>\n'
        f'      <dependency identifierref="course-files"/>\n'
        f"    </resource>"
        for number, lesson in enumerate(lessons, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="deep-learning-visually" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>{escape(TITLE)}</title>
{items}
    </organization>
  </organizations>
  <resources>
{resources}
    <resource identifier="course-files" type="webcontent" adlcp:scormtype="asset">
{shared}
    </resource>
  </resources>
</manifest>
"""


def package_scorm(out, **_):
    """Zip every file of the site with its imsmanifest.xml into out/PACKAGE_NAME."""
    out = Path(out)
    lessons = [lesson for lesson in available_lessons() if (out / f"{lesson.slug}.html").exists()]
    files = sorted(
        path.relative_to(out).as_posix() for path in out.rglob("*")
        if path.is_file() and path.name != PACKAGE_NAME
    )
    package = out / PACKAGE_NAME
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest(lessons, files))
        for name in files:
            archive.write(out / name, name)
    return [package]
