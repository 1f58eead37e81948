"""An LMS for the browser tests: the built SCORM packages unpacked on a server of their own, each
lesson launched as its manifest says, in a frame under a page that exposes the SCORM API (host.html),
as an LMS does. The API is scorm-again's or our strict runtime's (strict-runtime.js, never shipped).
Like Moodle, the server sends every file type an LMS may not know as application/octet-stream.

The LMS keeps each learner's record of each lesson between launches, and gives a suspended attempt
back to its learner at the next launch (entry "resume", with its status, score, location and
suspend data), whichever browser profile they come back in.
"""

import json
import shutil
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path
from urllib.parse import quote

from build_steps.runtime import ROOT
from build_steps.scorm import PACKAGES
from dev import serve

HERE = Path(__file__).parent
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
WORKER = "**/static/worker.js"

# Per version: the learner's id, the exit element, and what the LMS keeps of a suspended attempt.
ELEMENTS = {
    "1.2": {
        "learner": "cmi.core.student_id",
        "exit": "cmi.core.exit",
        "entry": "cmi.core.entry",
        "kept": ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max",
                 "cmi.core.lesson_location", "cmi.suspend_data"],
    },
    "2004": {
        "learner": "cmi.learner_id",
        "exit": "cmi.exit",
        "entry": "cmi.entry",
        "kept": ["cmi.completion_status", "cmi.success_status", "cmi.score.scaled", "cmi.score.raw", "cmi.score.min",
                 "cmi.score.max", "cmi.location", "cmi.suspend_data"],
    },
}


def unpack_lms(built_site, folder):
    """The packages, the host page, the strict runtime and scorm-again in `folder`; {version: manifest root}."""
    manifests = {}
    for version, name in PACKAGES.items():
        with zipfile.ZipFile(built_site / name) as archive:
            archive.extractall(folder / f"package-{version}")
            manifests[version] = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    shutil.copy(HERE / "host.html", folder)
    shutil.copy(HERE / "strict-runtime.js", folder)
    (folder / "scorm-again").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(SCORM_AGAIN / name, folder / "scorm-again")
    return manifests


def launch_url(manifest, lesson):
    """The lesson's SCO as its manifest launches it: the resource's href plus the item's parameters."""
    namespace = manifest.tag.split("}")[0] + "}"
    resource = next(r for r in manifest.iter(f"{namespace}resource") if r.get("href") == f"{lesson}.html")
    item = next(i for i in manifest.iter(f"{namespace}item") if i.get("identifierref") == resource.get("identifier"))
    return resource.get("href") + (item.get("parameters") or "")


class LMS:
    """One LMS: a SCORM version, a runtime ("strict" or "scorm-again"), and its learners' records."""

    def __init__(self, server_url, manifests, version, runtime):
        self.server_url, self.manifests, self.version, self.runtime = server_url, manifests, version, runtime
        self.elements = ELEMENTS[version]
        self.records = {}  # (learner, lesson) -> {element: value}, as of the last session's commit

    def launch(self, visit, lesson, learner="ada", fail=(), data=None, live=False):
        """Open `lesson` for `learner` in `visit`'s page; `fail`: API calls the strict runtime fails;
        `data`: elements the LMS holds besides its record (a passing score, say). Unless `live`, the
        lesson's Python is not started: these tests read the record, and the figures would only
        compete for the machine (test_file_types and one test here make them live)."""
        record = self.records.get((learner, lesson), {})
        given = {self.elements["learner"]: learner, **(data or {})}
        if record.get(self.elements["exit"]) == "suspend":
            given[self.elements["entry"]] = "resume"
            given.update({element: record[element] for element in self.elements["kept"] if record.get(element)})
        launch = {
            "runtime": self.runtime, "version": self.version, "data": given, "fail": list(fail),
            "launch": f"package-{self.version}/{launch_url(self.manifests[self.version], lesson)}",
        }
        if live:
            visit.context.unroute(WORKER)
        else:
            visit.context.route(WORKER, lambda route: route.abort())
        visit.page.goto("about:blank")  # a new launch is a new page, even if only the hash differs
        visit.page.goto(f"{self.server_url}host.html#{quote(json.dumps(launch))}")
        return Session(self, visit, learner, lesson)


class Session:
    """A lesson open in the LMS's frame."""

    def __init__(self, lms, visit, learner, lesson):
        self.lms, self.visit, self.learner, self.lesson = lms, visit, learner, lesson
        self.page = visit.page
        self.frame = self.page.frame_locator("#sco")
        self.wait_until_open()

    def wait_until_open(self):
        """Until the lesson in the frame has opened (its scripts have run on DOMContentLoaded)."""
        self.frame.locator("form.quiz").first.wait_for()
        self.frame.locator("body").evaluate(
            "() => new Promise((done) => document.readyState === 'loading' ? addEventListener('DOMContentLoaded', done) : done())"
        )

    def committed(self):
        """What the LMS has recorded of this session so far: {element: value}, {} before a commit."""
        return self.page.evaluate("window.lms.committed()") or {}

    def calls(self):
        """The strict runtime's log of API calls: [{call, args, result, error}]."""
        return self.page.evaluate("window.lms.calls")

    def rejected(self):
        """The calls the strict runtime refused (a 2004 read of an element with no value yet is not a refusal)."""
        return [
            call for call in self.calls()
            if call["error"] != "0" and not (call["call"] == "GetValue" and call["error"] == "403")
        ]

    def close(self):
        """The learner leaves: the frame moves on (the lesson's page hides), and the LMS keeps the record."""
        self.page.evaluate("document.getElementById('sco').src = 'about:blank'")
        self.page.wait_for_function("document.getElementById('sco').contentWindow.location.href === 'about:blank'")
        record = self.committed()
        self.lms.records[(self.learner, self.lesson)] = record
        return record


CHOICE = "form.quiz:has(input[data-correct])"  # questions with choices (others read a figure or take a number)


def answer(quiz, right):
    """Answer a question (a locator of its form) rightly or wrongly, as a learner does, and check it.

    A question that reads a figure (lesson 2's: a degree) is answered before Python, from the
    figure's precomputed states: rightly with its slider moved by keys to the accepted value, wrongly
    at the figure's default, which the question refuses."""
    task = quiz.locator(".quiz-figure-task")
    if task.count():
        if right:
            (rule,) = json.loads(task.get_attribute("data-accept"))
            handle = quiz.element_handle().owner_frame().locator(f"#figure-{task.get_attribute('data-figure')} .noUi-handle").first
            handle.focus()
            steps = int(rule["texts"][0]) - int(float(handle.get_attribute("aria-valuenow")))
            for _ in range(abs(steps)):
                handle.press("ArrowRight" if steps > 0 else "ArrowLeft")
        quiz.locator("button[type=submit]").click()
        return
    number = quiz.locator("input[data-value]")
    if number.count():
        number.fill(number.get_attribute("data-value") if right else "123456")
    else:
        quiz.locator(f"input[data-correct={str(right).lower()}]").first.check()
    quiz.locator("button[type=submit]").click()


def start_lms_server(built_site, folder):
    """Unpack the LMS into `folder` and serve it as an LMS would (generic file types): (server, url, manifests)."""
    manifests = unpack_lms(built_site, folder)
    server = serve.start(folder, generic_types=True)
    return server, f"http://127.0.0.1:{server.server_port}/", manifests
