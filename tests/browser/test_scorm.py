"""The SCORM 1.2 package in a real SCORM runtime (scorm-again) playing the LMS's part."""

import shutil
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest

from tests.conftest import ROOT
from dev import serve
from build_steps.scorm import PACKAGE_NAME

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
LESSON = "2-fundamentals-of-learning"

HOST_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>window.API = new Scorm12API({autocommit: false, logLevel: 5});</script>
</head><body><iframe id="sco" style="width:1000px;height:800px" src="package/LAUNCH"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def lms(built_site, tmp_path_factory):
    """An 'LMS' on localhost: scorm-again's SCORM 1.2 API in the host page, the unpacked package in a frame."""
    folder = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(built_site / PACKAGE_NAME) as archive:
        archive.extractall(folder / "package")
        manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    shutil.copy(ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js", folder)
    server = serve.start(folder)
    yield folder, manifest, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_manifest_names_one_sco_per_lesson_and_every_file_exists(lms, built_site):
    folder, manifest, _ = lms
    assert manifest.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
    scos = manifest.findall("cp:resources/cp:resource[@adlcp:scormtype='sco']", {**NS})
    lessons = sorted(path.name for path in built_site.glob("*.html") if path.name != "index.html")
    assert sorted(sco.get("href") for sco in scos) == lessons
    items = manifest.findall("cp:organizations/cp:organization/cp:item", NS)
    assert {item.get("identifierref") for item in items} == {sco.get("identifier") for sco in scos}
    for file in manifest.iter(f"{{{NS['cp']}}}file"):
        assert (folder / "package" / file.get("href")).is_file(), file.get("href")


def test_a_lesson_reports_completion_and_score_to_the_lms(lms, visit):
    folder, _, base = lms
    (folder / "host.html").write_text(HOST_PAGE.replace("LAUNCH", f"{LESSON}.html"))
    browser = visit()
    page = browser.page
    page.goto(base + "host.html")
    frame = page.frame_locator("#sco")
    frame.locator("form.quiz").first.wait_for()
    page.wait_for_function("window.API.isInitialized()")
    assert page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"
    assert frame.locator(".site-header").is_hidden(), "in an LMS the lesson shows no site navigation"
    quizzes = frame.locator("form.quiz")
    count = quizzes.count()
    for index in range(count):
        quiz = quizzes.nth(index)
        if index == 0 and count > 1:
            choice = quiz.locator("input[data-correct=false]")
            if choice.count():
                choice.first.check()
            else:
                quiz.locator("input[data-value]").fill("123456")
        elif quiz.locator("input[data-value]").count():
            value = quiz.locator("input[data-value]").get_attribute("data-value")
            quiz.locator("input[data-value]").fill(value)
        else:
            quiz.locator("input[data-correct=true]").first.check()
        quiz.locator("button[type=submit]").click()
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    expected = round(100 * (count - 1) / count) if count > 1 else 100
    assert page.evaluate("window.API.cmi.core.score.raw") == str(expected)
    assert page.evaluate("window.API.cmi.core.score.max") == "100"
