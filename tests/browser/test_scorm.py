"""The SCORM packages in an LMS: each lesson launched in a frame under a page exposing the API, run with
scorm-again and with our strict runtime (tests/browser/lms), SCORM 1.2 and 2004. What the tests read is
what the LMS's runtime received and recorded."""

import json
import re
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest
from playwright.sync_api import expect

from build_steps.scorm import PACKAGES
from build_steps.offline import site_files
from build_steps.version import build_version
from dlviz.course import available_lessons

from .lms import CHOICE, LMS, answer, start_lms_server

LESSON = "2-fundamentals-of-learning"
LINKING_LESSON = "6-ethics"  # its text links to LESSON
NS = {
    "1.2": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"},
    "2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3"},
}
SCO_TYPE = {"1.2": "scormtype", "2004": "scormType"}
ELEMENT = {  # the ideas the tests read, in each version's words
    "1.2": {"score": "cmi.core.score.raw", "status": "cmi.core.lesson_status", "exit": "cmi.core.exit",
            "time": "cmi.core.session_time", "location": "cmi.core.lesson_location", "commit": "LMSCommit",
            "set": "LMSSetValue", "initialize": "LMSInitialize"},
    "2004": {"score": "cmi.score.raw", "status": "cmi.completion_status", "exit": "cmi.exit",
             "time": "cmi.session_time", "location": "cmi.location", "commit": "Commit",
             "set": "SetValue", "initialize": "Initialize"},
}
TIME = {"1.2": r"\d{2,4}:[0-5]\d:[0-5]\d\.\d\d", "2004": r"PT\d+H\d+M\d+(\.\d\d?)?S"}
NOT_RECORDING = "The LMS is not recording this lesson just now: your answers are kept in this browser only."
RUNS = [("1.2", "strict"), ("2004", "strict"), ("1.2", "scorm-again"), ("2004", "scorm-again")]


@pytest.fixture(scope="module")
def lms_server(built_site, tmp_path_factory):
    server, url, manifests = start_lms_server(built_site, tmp_path_factory.mktemp("lms"))
    yield url, manifests
    server.shutdown()


@pytest.fixture(params=RUNS, ids=[f"{version}-{runtime}" for version, runtime in RUNS])
def lms(request, lms_server):
    """A fresh LMS (no records yet) of each version, with each runtime."""
    return LMS(*lms_server, *request.param)


@pytest.fixture(params=["1.2", "2004"])
def strict_lms(request, lms_server):
    return LMS(*lms_server, request.param, "strict")


def words(lms):
    return ELEMENT[lms.version]


def answers_in(record):
    """The answers the LMS holds, from its suspend data: {question number: [first, correct, shown, value]}."""
    data = record.get("cmi.suspend_data")
    return json.loads(data)["q"] if data else {}


def assert_strict_runtime_rejected_nothing(session):
    if session.lms.runtime == "strict":
        assert session.rejected() == []


# ------------------------------------------------------------ the packages


@pytest.mark.parametrize("version", PACKAGES)
def test_each_package_has_one_sco_per_lesson_the_builds_version_and_the_service_workers_files(built_site, version):
    with zipfile.ZipFile(built_site / PACKAGES[version]) as archive:
        manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))
        packed = set(archive.namelist()) - {"imsmanifest.xml"}
    ns = NS[version]
    assert manifest.find("cp:metadata/cp:schemaversion", ns).text == {"1.2": "1.2", "2004": "2004 4th Edition"}[version]
    assert manifest.get("version") == build_version()
    assert build_version() in [element.text for element in manifest.find("cp:metadata", ns).iter()]
    scos = [r for r in manifest.iter(f"{{{ns['cp']}}}resource") if r.get(f"{{{ns['adlcp']}}}{SCO_TYPE[version]}") == "sco"]
    lessons = sorted(f"{lesson.slug}.html" for lesson in available_lessons())
    assert sorted(sco.get("href") for sco in scos) == lessons
    items = manifest.findall("cp:organizations/cp:organization/cp:item", ns)
    assert {item.get("identifierref") for item in items} == {sco.get("identifier") for sco in scos}
    assert {item.get("parameters") for item in items} == {f"?scorm={version}"}
    listed = {file.get("href") for file in manifest.iter(f"{{{ns['cp']}}}file")}
    served = set(site_files(built_site)) - set(PACKAGES.values())
    assert packed == listed == served, "the package holds exactly the files the service worker keeps"


# ------------------------------------------------------------ one learner, one lesson


def test_a_lesson_keeps_its_record_in_the_lms(lms, visit):
    session = lms.launch(visit(), LESSON)
    element = words(lms)
    launched = session.committed()
    assert launched[element["status"]] == "incomplete" and launched[element["exit"]] == "suspend"
    assert not launched.get(element["score"]) and not launched.get("cmi.suspend_data"), "no score before an answer"
    assert session.frame.locator(".site-header").is_hidden(), "in an LMS the lesson shows no site navigation"
    quizzes = session.frame.locator("form.quiz")
    count = quizzes.count()
    answer(quizzes.first, right=False)
    answer(quizzes.first, right=True)
    for index in range(1, count):
        answer(quizzes.nth(index), right=True)
    record = session.committed()
    assert record[element["score"]] == str(round(100 * (count - 1) / count)), "the first attempt counts"
    assert record[element["status"]] == "completed"
    assert answers_in(record)["1"][:3] == [0, 1, 0] and len(answers_in(record)) == count
    assert re.fullmatch(TIME[lms.version], record[element["time"]])
    if lms.version == "2004":
        assert record["cmi.score.scaled"] == str(round((count - 1) / count, 4))
    headings = session.frame.locator("main h2[id], main h3[id]").evaluate_all("(all) => all.map((h) => h.id)")
    record = session.close()
    assert record[element["exit"]] == "suspend"
    assert record[element["location"]] in ["", *headings]
    assert_strict_runtime_rejected_nothing(session)


def test_in_an_lms_serving_generic_file_types_the_figures_go_live(lms_server, visit):
    session = LMS(*lms_server, "1.2", "scorm-again").launch(visit(), LESSON, live=True)
    session.frame.locator("body.figures-live").wait_for(state="attached", timeout=120_000)


def test_the_lesson_commits_when_hidden_and_finishes_when_it_closes(strict_lms, visit):
    element = words(strict_lms)
    session = strict_lms.launch(visit(), LESSON)
    answer(session.frame.locator("form.quiz").first, right=True)
    before = len(session.calls())
    session.frame.locator("body").evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    hidden = session.calls()[before:]
    assert hidden[-1]["call"] == element["commit"] and hidden[-1]["result"] == "true"
    assert element["time"] in [call["args"][0] for call in hidden if call["call"] == element["set"]]
    session.close()
    finish = {"1.2": "LMSFinish", "2004": "Terminate"}[strict_lms.version]
    assert session.calls()[-1] == {"call": finish, "args": [""], "result": "true", "error": "0"}
    assert_strict_runtime_rejected_nothing(session)


def test_the_learner_resumes_where_they_were(strict_lms, visit):
    heading = "key-takeaways"
    session = strict_lms.launch(visit(), LESSON, data={ELEMENT[strict_lms.version]["location"]: heading})
    session.frame.locator("body.figures-drawn").wait_for(state="attached")  # the pictures above it are drawn
    top = session.frame.locator(f"#{heading}").evaluate("(e) => e.getBoundingClientRect().top")
    assert 0 <= top < 200, "the lesson opens at the learner's last section"
    last = session.frame.locator("form.quiz").last
    last.evaluate("(e) => e.scrollIntoView({block: 'start'})")
    answer(last, right=True)
    assert session.committed()[ELEMENT[strict_lms.version]["location"]] == "example"
    assert_strict_runtime_rejected_nothing(session)


def test_with_a_passing_score_scorm_2004_reports_success(lms_server, visit):
    lms = LMS(*lms_server, "2004", "strict")
    session = lms.launch(visit(), LESSON, data={"cmi.scaled_passing_score": "0.8"})
    quizzes = session.frame.locator("form.quiz")
    answer(quizzes.first, right=False)
    assert session.committed()["cmi.success_status"] == "unknown", "no verdict before every question is answered"
    for index in range(1, quizzes.count()):
        answer(quizzes.nth(index), right=True)
    assert session.committed()["cmi.success_status"] == "failed"
    assert_strict_runtime_rejected_nothing(session)


def test_in_review_mode_the_lesson_shows_the_record_and_changes_nothing(strict_lms, visit):
    mode = {"1.2": "cmi.core.lesson_mode", "2004": "cmi.mode"}[strict_lms.version]
    data = {"cmi.suspend_data": '{"v":1,"q":{"1":[1,1,0,"1"]}}', mode: "review"}
    session = strict_lms.launch(visit(), LESSON, data=data)
    assert session.frame.locator("form.quiz").first.locator("input[data-correct=true]").is_checked()
    answer(session.frame.locator(CHOICE).nth(1), right=False)
    assert [call for call in session.calls() if call["call"] in ("LMSSetValue", "SetValue", "LMSCommit", "Commit")] == []


# ------------------------------------------------------------ learners' records are their own


def test_two_learners_one_after_the_other_in_one_profile_each_see_and_report_only_their_own(lms, visit):
    element = words(lms)
    profile = visit()
    ada = lms.launch(profile, LESSON, learner="ada")
    count = ada.frame.locator("form.quiz").count()
    answer(ada.frame.locator("form.quiz").first, right=True)
    ada_record = ada.close()
    assert ada_record[element["score"]] == str(round(100 / count))

    bea = lms.launch(profile, LESSON, learner="bea")
    quizzes = bea.frame.locator("form.quiz")
    assert quizzes.locator("input:checked").count() == 0, "nothing of ada's shows"
    assert quizzes.first.locator(".quiz-feedback").inner_text() == ""
    assert not bea.committed().get(element["score"]), "and nothing of hers is reported"
    second_choice = bea.frame.locator(CHOICE).nth(1)
    number = second_choice.get_attribute("data-quiz").rsplit("-q", 1)[1]
    answer(second_choice, right=False)
    bea_record = bea.close()
    assert answers_in(bea_record).keys() == {number} and bea_record[element["score"]] == "0"
    assert_strict_runtime_rejected_nothing(bea)

    ada = lms.launch(profile, LESSON, learner="ada")
    quizzes = ada.frame.locator("form.quiz")
    assert quizzes.first.locator("input[data-correct=true]").is_checked()
    assert ada.frame.locator(CHOICE).nth(1).locator("input:checked").count() == 0


def test_a_learner_at_completed_100_reopens_in_a_fresh_profile_with_their_answers_and_score(lms, visit):
    element = words(lms)
    first = lms.launch(visit(), LESSON)
    quizzes = first.frame.locator("form.quiz")
    for index in range(quizzes.count()):
        answer(quizzes.nth(index), right=True)
    record = first.close()
    assert (record[element["score"]], record[element["status"]]) == ("100", "completed")

    again = lms.launch(visit(), LESSON)  # another browser: nothing of hers in its storage
    quizzes = again.frame.locator("form.quiz")
    for index in range(quizzes.count()):
        assert quizzes.nth(index).locator(".quiz-feedback").inner_text().startswith("Right.")
    assert quizzes.first.locator("input[data-correct=true]").is_checked()
    if lms.runtime == "strict":
        sets = [call["args"][0] for call in again.calls() if call["call"] == element["set"]]
        assert element["score"] not in sets, "opening the lesson sends no score"
    answer(quizzes.first, right=False)  # a later try changes no first attempt
    record = again.close()
    assert (record[element["score"]], record[element["status"]]) == ("100", "completed")
    assert_strict_runtime_rejected_nothing(again)


def test_a_score_the_lms_holds_is_never_lowered_even_when_it_lost_the_answers(strict_lms, visit):
    element = words(strict_lms)
    data = {element["score"]: "100", element["status"]: "completed"}  # an older package's record: no suspend data
    session = strict_lms.launch(visit(), LESSON, data=data)
    answer(session.frame.locator("form.quiz").first, right=False)
    record = session.committed()
    assert (record[element["score"]], record[element["status"]]) == ("100", "completed")
    assert answers_in(record) == {"1": [0, 0, 0, "0"]}, "the new answer is kept all the same"
    assert_strict_runtime_rejected_nothing(session)


# ------------------------------------------------------------ when the LMS is not recording


@pytest.mark.parametrize("failing", ["commit", "set"])
def test_when_the_lms_fails_calls_the_page_keeps_working_and_says_so(strict_lms, visit, failing):
    element = words(strict_lms)
    profile = visit()
    session = strict_lms.launch(profile, LESSON, fail=[element[failing]])
    line = session.frame.locator("#lms-status")
    assert line.inner_text() == NOT_RECORDING
    quiz = session.frame.locator("form.quiz").first
    answer(quiz, right=True)
    assert quiz.locator(".quiz-feedback").inner_text().startswith("Right.")
    assert line.is_visible() and line.inner_text() == NOT_RECORDING
    assert session.frame.locator(".lms-status").count() == 1, "one line, not one per failure"
    session.close()
    again = strict_lms.launch(profile, LESSON, fail=[element[failing]])
    assert again.frame.locator("form.quiz").first.locator("input[data-correct=true]").is_checked(), "kept in this browser"


def test_when_the_lms_cannot_start_a_session_the_answers_are_kept_for_this_tab(strict_lms, visit):
    session = strict_lms.launch(visit(), LESSON, fail=[words(strict_lms)["initialize"]])
    assert session.frame.locator("#lms-status").inner_text() == NOT_RECORDING
    quiz = session.frame.locator("form.quiz").first
    answer(quiz, right=True)
    session.frame.locator("body").evaluate("() => location.reload()")
    expect(session.frame.locator("form.quiz").first.locator("input[data-correct=true]")).to_be_checked()
    session.page.wait_for_function("window.lms.calls.length >= 2")  # the reloaded lesson tries again (the answer may be back first)
    assert [call["call"] for call in session.calls()] == [words(strict_lms)["initialize"]] * 2


@pytest.mark.parametrize("version", PACKAGES)
def test_a_package_opened_with_no_lms_api_says_it_is_not_recording(lms_server, visit, version):
    url, _ = lms_server
    browser = visit()
    browser.page.goto(f"{url}package-{version}/{LESSON}.html?scorm={version}")  # on its own, in no LMS's frame
    assert browser.page.locator("#lms-status").inner_text() == NOT_RECORDING
    assert browser.page.locator(".site-header").is_hidden()
    answer(browser.page.locator("form.quiz").first, right=True)
    assert browser.page.locator("form.quiz").first.locator(".quiz-feedback").inner_text().startswith("Right.")


def test_damaged_suspend_data_is_reported_kept_until_an_answer_and_never_fatal(strict_lms, visit):
    element = words(strict_lms)
    session = strict_lms.launch(visit(), LESSON, data={"cmi.suspend_data": '{"v":1,"q":{"1":[1,1'})
    assert "could not be read back from the LMS" in session.frame.locator("#lms-status").inner_text()
    assert [c for c in session.calls() if c["call"] == element["set"] and c["args"][0] == "cmi.suspend_data"] == []
    answer(session.frame.locator("form.quiz").first, right=True)
    assert answers_in(session.committed()) == {"1": [1, 1, 0, "1"]}
    assert_strict_runtime_rejected_nothing(session)


# ------------------------------------------------------------ a lesson never reports to another's record


def test_a_link_to_another_lesson_opens_outside_the_sco_and_leaves_the_first_lessons_record_alone(lms, visit):
    browser = visit()
    session = lms.launch(browser, LINKING_LESSON)
    answer(session.frame.locator("form.quiz").first, right=True)
    before = session.committed()
    link = session.frame.locator(f'main a[href="{LESSON}.html"]').first
    assert link.get_attribute("target") == "_blank" and link.get_attribute("data-lesson-link") is None
    with browser.context.expect_page() as opened:
        link.click()
    other = opened.value
    other.locator("form.quiz").first.wait_for()
    assert other.url.endswith(f"/{LESSON}.html"), "the standalone lesson, with no ?scorm"
    assert other.evaluate("window.opener") is None
    assert other.locator(".site-header").is_visible(), "outside the LMS: the site as it is anywhere"
    answer(other.locator("form.quiz").first, right=False)
    assert session.frame.locator("body").get_attribute("data-lesson") == LINKING_LESSON
    assert session.committed() == before, "the other lesson's answer reached nobody's record"
    record = session.close()
    assert answers_in(record).keys() == {"1"}
    assert_strict_runtime_rejected_nothing(session)
