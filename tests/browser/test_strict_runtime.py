"""The strict SCORM runtime the LMS tests use (tests/browser/lms/strict-runtime.js) refuses what the SCORM 1.2
and 2004 run-time specifications forbid, with their error codes, and fails calls when told to: so a test
that finds it refused nothing has shown the lesson's calls keep to the specifications."""

import pytest

from .lms import HERE

LONG = "x" * 64001
# [call, *arguments, expected result, expected error code], run in order on one runtime, after Initialize.
CASES = {
    "1.2": [
        ["LMSGetValue", "cmi.core.student_id", "ada", "0"],
        ["LMSSetValue", "cmi.core.lesson_status", "done", "false", "405"],
        ["LMSSetValue", "cmi.core.lesson_status", "not attempted", "false", "405"],
        ["LMSSetValue", "cmi.core.lesson_status", "completed", "true", "0"],
        ["LMSSetValue", "cmi.core.session_time", "1:00:00", "false", "405"],
        ["LMSSetValue", "cmi.core.session_time", "00:60:00", "false", "405"],
        ["LMSSetValue", "cmi.core.session_time", "00:00:01.234", "false", "405"],
        ["LMSSetValue", "cmi.core.session_time", "PT1M", "false", "405"],
        ["LMSSetValue", "cmi.core.session_time", "0000:01:05.5", "true", "0"],
        ["LMSSetValue", "cmi.core.exit", "normal", "false", "405"],
        ["LMSSetValue", "cmi.suspend_data", LONG[:4097], "false", "405"],
        ["LMSSetValue", "cmi.suspend_data", LONG[:4096], "true", "0"],
        ["LMSSetValue", "cmi.core.lesson_location", LONG[:256], "false", "405"],
        ["LMSSetValue", "cmi.core.score.raw", "101", "false", "405"],
        ["LMSSetValue", "cmi.core.score.raw", "seventy", "false", "405"],
        ["LMSSetValue", "cmi.core.score.raw", 75, "false", "405"],
        ["LMSSetValue", "cmi.core.score.raw", "75.5", "true", "0"],
        ["LMSSetValue", "cmi.core.student_id", "eve", "false", "403"],
        ["LMSSetValue", "cmi.core._children", "x", "false", "402"],
        ["LMSGetValue", "cmi.core.exit", "", "404"],
        ["LMSGetValue", "cmi.core.favourite_colour", "", "201"],
        ["LMSGetValue", "cmi.learner_id", "", "201"],
        ["LMSGetValue", "cmi.interactions._count", "", "401"],
        ["LMSCommit", "now", "false", "201"],
        ["LMSInitialize", "", "false", "101"],
        ["LMSFinish", "", "true", "0"],
        ["LMSSetValue", "cmi.suspend_data", "x", "false", "301"],
    ],
    "2004": [
        ["GetValue", "cmi.learner_id", "ada", "0"],
        ["GetValue", "cmi.location", "", "403"],
        ["GetValue", "", "", "301"],
        ["SetValue", "cmi.completion_status", "done", "false", "406"],
        ["SetValue", "cmi.success_status", "completed", "false", "406"],
        ["SetValue", "cmi.score.scaled", "1.5", "false", "407"],
        ["SetValue", "cmi.score.scaled", "half", "false", "406"],
        ["SetValue", "cmi.score.scaled", "0.5", "true", "0"],
        ["SetValue", "cmi.session_time", "PT", "false", "406"],
        ["SetValue", "cmi.session_time", "P1H", "false", "406"],
        ["SetValue", "cmi.session_time", "PT1.234S", "false", "406"],
        ["SetValue", "cmi.session_time", "0000:00:01.00", "false", "406"],
        ["SetValue", "cmi.session_time", "PT1H2M3.45S", "true", "0"],
        ["SetValue", "cmi.exit", "finished", "false", "406"],
        ["SetValue", "cmi.suspend_data", LONG, "false", "407"],
        ["SetValue", "cmi.suspend_data", LONG[:64000], "true", "0"],
        ["SetValue", "cmi.learner_id", "eve", "false", "404"],
        ["SetValue", "cmi.core.lesson_status", "completed", "false", "401"],
        ["GetValue", "cmi.session_time", "", "405"],
        ["GetValue", "cmi.interactions._count", "", "402"],
        ["Initialize", "", "false", "103"],
        ["Terminate", "", "true", "0"],
        ["SetValue", "cmi.location", "x", "false", "133"],
        ["GetValue", "cmi.location", "", "123"],
        ["Commit", "", "false", "143"],
        ["Initialize", "", "false", "104"],
    ],
}
# Calls before Initialize, and calls the runtime was told to fail: [options, call, *arguments, result, error].
BEFORE_AND_FAILING = {
    "1.2": [
        [{}, "LMSSetValue", "cmi.suspend_data", "x", "false", "301"],
        [{"fail": ["LMSCommit"]}, "LMSCommit", "", "false", "101"],
    ],
    "2004": [
        [{}, "GetValue", "cmi.location", "", "122"],
        [{}, "Commit", "", "false", "142"],
        [{}, "Terminate", "", "false", "112"],
        [{"fail": ["SetValue"]}, "SetValue", "cmi.location", "x", "false", "351"],
        [{"fail": ["Initialize"]}, "Initialize", "", "false", "102"],
    ],
}
RUN = """([version, cases, options, initialize]) => {
  const runtime = new StrictRuntime(version, options);
  const api = runtime.api;
  const lastError = version === "1.2" ? "LMSGetLastError" : "GetLastError";
  if (initialize) api[version === "1.2" ? "LMSInitialize" : "Initialize"]("");
  return cases.map(([call, ...args]) => [api[call](...args.slice(0, -2)), api[lastError]()]);
}"""


@pytest.fixture
def runtime_page(visit):
    page = visit().page
    page.goto("about:blank")
    page.add_script_tag(path=str(HERE / "strict-runtime.js"))
    return page


@pytest.mark.parametrize("version", CASES)
def test_the_strict_runtime_refuses_what_the_specification_forbids(runtime_page, version):
    cases = CASES[version]
    results = runtime_page.evaluate(RUN, [version, cases, {"data": {"cmi.core.student_id" if version == "1.2" else "cmi.learner_id": "ada"}}, True])
    assert len(results) == len(cases)
    for case, result in zip(cases, results):
        assert result == case[-2:], case[:3]


@pytest.mark.parametrize("version", BEFORE_AND_FAILING)
def test_the_strict_runtime_refuses_calls_out_of_turn_and_fails_on_request(runtime_page, version):
    for options, *case in BEFORE_AND_FAILING[version]:
        initialize = case[0] not in ("LMSInitialize", "Initialize") and bool(options)
        [result] = runtime_page.evaluate(RUN, [version, [case], options, initialize])
        assert result == case[-2:], case[:2]
