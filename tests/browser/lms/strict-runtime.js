// A strict SCORM run-time, for the tests only (never shipped): SCORM 1.2 and SCORM 2004 4th
// edition, written from their run-time environment specifications (the API's calls, states and
// error codes; the data model's elements, access, vocabularies, types and sizes). It rejects what a
// lenient LMS lets pass: an element the data model does not define, a value outside its vocabulary
// or range, a badly formed time span or number, data longer than the element holds, a value that
// is not a string, a call before Initialize or after Finish/Terminate. It can be told to fail
// calls, as an LMS does when it has lost its server.
//
//   const runtime = new StrictRuntime(version, {data, fail})
//       version "1.2" or "2004"; data: {element: value} the LMS holds at launch (learner id,
//       status, suspend data...); fail: names of API calls that fail ("LMSCommit", "SetValue"...)
//   runtime.api         the API object, for window.API (1.2) or window.API_1484_11 (2004)
//   runtime.values      every element's value now
//   runtime.committed   the values as of the last successful commit (or finish), null before one
//   runtime.calls       [{call, args, result, error}] in order
"use strict";

(() => {
  // ------------------------------------------------------------ value checks: null, or what is wrong

  const isString = (value) => typeof value === "string";
  const text = (max) => (value) => (value.length <= max ? null : "too long");
  const vocabulary = (...words) => (value) => (words.includes(value) ? null : "vocabulary");
  const DECIMAL = /^-?\d+(\.\d+)?$/;
  const decimal = (min, max) => (value) => {
    if (!DECIMAL.test(value)) return "type";
    const number = Number(value);
    return (min !== null && number < min) || (max !== null && number > max) ? "range" : null;
  };
  // SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, hours 2 to 4 digits, at most 2 decimals of a second.
  const timespan = (value) => (/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value) ? null : "type");
  // SCORM 2004 timeinterval (second,10,2): ISO 8601 P[yY][mM][dD][T[hH][nM][s[.s]S]], at least one
  // part after P, T only before a time part, at most 2 decimals of a second.
  const duration = (value) => {
    const match = /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.exec(value);
    if (!match) return "type";
    const [, years, months, days, time, hours, minutes, seconds] = match;
    if (time && !(hours || minutes || seconds)) return "type";
    return years || months || days || time ? null : "type";
  };
  // SCORM 1.2 scores: CMIDecimal in 0..100, or blank.
  const score12 = (value) => (value === "" ? null : decimal(0, 100)(value));

  // ------------------------------------------------------------ the data models

  // element: [access ("r", "w" or "rw"), check (for writable ones), initial value (none: not set yet)]
  const MODELS = {
    "1.2": {
      "cmi.core._children": ["r", null, "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time"],
      "cmi.core.student_id": ["r", null, ""],
      "cmi.core.student_name": ["r", null, ""],
      "cmi.core.lesson_location": ["rw", text(255), ""],
      "cmi.core.credit": ["r", null, "credit"],
      "cmi.core.lesson_status": ["rw", vocabulary("passed", "completed", "failed", "incomplete", "browsed"), "not attempted"],
      "cmi.core.entry": ["r", null, "ab-initio"],
      "cmi.core.score._children": ["r", null, "raw,min,max"],
      "cmi.core.score.raw": ["rw", score12, ""],
      "cmi.core.score.min": ["rw", score12, ""],
      "cmi.core.score.max": ["rw", score12, ""],
      "cmi.core.total_time": ["r", null, "0000:00:00.00"],
      "cmi.core.lesson_mode": ["r", null, "normal"],
      "cmi.core.exit": ["w", vocabulary("time-out", "suspend", "logout", ""), ""],
      "cmi.core.session_time": ["w", timespan, "0000:00:00.00"],
      "cmi.suspend_data": ["rw", text(4096), ""],
      "cmi.launch_data": ["r", null, ""],
      "cmi.comments": ["rw", text(4096), ""],
      "cmi.comments_from_lms": ["r", null, ""],
      "cmi.student_data._children": ["r", null, "mastery_score,max_time_allowed,time_limit_action"],
      "cmi.student_data.mastery_score": ["r", null, ""],
      "cmi.student_data.max_time_allowed": ["r", null, ""],
      "cmi.student_data.time_limit_action": ["r", null, ""],
    },
    "2004": {
      "cmi._version": ["r", null, "1.0"],
      "cmi.learner_id": ["r", null, ""],
      "cmi.learner_name": ["r", null, ""],
      "cmi.location": ["rw", text(1000)],
      "cmi.completion_status": ["rw", vocabulary("completed", "incomplete", "not attempted", "unknown"), "unknown"],
      "cmi.success_status": ["rw", vocabulary("passed", "failed", "unknown"), "unknown"],
      "cmi.score._children": ["r", null, "scaled,raw,min,max"],
      "cmi.score.scaled": ["rw", decimal(-1, 1)],
      "cmi.score.raw": ["rw", decimal(null, null)],
      "cmi.score.min": ["rw", decimal(null, null)],
      "cmi.score.max": ["rw", decimal(null, null)],
      "cmi.session_time": ["w", duration],
      "cmi.total_time": ["r", null, "PT0H0M0S"],
      "cmi.exit": ["w", vocabulary("time-out", "suspend", "logout", "normal", "")],
      "cmi.entry": ["r", null, "ab-initio"],
      "cmi.suspend_data": ["rw", text(64000)],
      "cmi.launch_data": ["r", null],
      "cmi.credit": ["r", null, "credit"],
      "cmi.mode": ["r", null, "normal"],
      "cmi.scaled_passing_score": ["r", null],
      "cmi.completion_threshold": ["r", null],
      "cmi.progress_measure": ["rw", decimal(0, 1)],
      "cmi.max_time_allowed": ["r", null],
      "cmi.time_limit_action": ["r", null, "continue,no message"],
    },
  };
  // Parts of each data model this runtime leaves out, as an LMS may: "not implemented", not "unknown".
  const NOT_IMPLEMENTED = {
    "1.2": ["cmi.objectives", "cmi.interactions", "cmi.student_preference"],
    "2004": ["cmi.objectives", "cmi.interactions", "cmi.comments_from_learner", "cmi.comments_from_lms", "cmi.learner_preference", "adl.nav"],
  };

  // ------------------------------------------------------------ the API: calls, states, error codes

  const VERSIONS = {
    "1.2": {
      names: { initialize: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", lastError: "LMSGetLastError", errorString: "LMSGetErrorString", diagnostic: "LMSGetDiagnostic" },
      errors: {
        general: "101", argument: "201", notInitialized: "301", notImplemented: "401", keyword: "402", readOnly: "403", writeOnly: "404",
        type: "405", vocabulary: "405", range: "405", "too long": "405", unknown: "201", notSetYet: null,
        failed: { initialize: "101", finish: "101", get: "101", set: "101", commit: "101" },
        again: { initialize: "101" }, before: {}, after: {},
      },
      text: { 0: "No error", 101: "General exception", 201: "Invalid argument error", 301: "Not initialized", 401: "Not implemented error", 402: "Invalid set value, element is a keyword", 403: "Element is read only", 404: "Element is write only", 405: "Incorrect data type" },
    },
    "2004": {
      names: { initialize: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit", lastError: "GetLastError", errorString: "GetErrorString", diagnostic: "GetDiagnostic" },
      errors: {
        general: "101", argument: "201", notImplemented: "402", keyword: "404", readOnly: "404", writeOnly: "405",
        type: "406", vocabulary: "406", range: "407", "too long": "407", unknown: "401", notSetYet: "403",
        failed: { initialize: "102", finish: "111", get: "301", set: "351", commit: "391" },
        again: { initialize: "103" },
        before: { finish: "112", get: "122", set: "132", commit: "142" },
        after: { initialize: "104", finish: "113", get: "123", set: "133", commit: "143" },
        emptyElement: { get: "301", set: "351" },
      },
      text: { 0: "No Error", 101: "General Exception", 102: "General Initialization Failure", 103: "Already Initialized", 104: "Content Instance Terminated", 111: "General Termination Failure", 112: "Termination Before Initialization", 113: "Termination After Termination", 122: "Retrieve Data Before Initialization", 123: "Retrieve Data After Termination", 132: "Store Data Before Initialization", 133: "Store Data After Termination", 142: "Commit Before Initialization", 143: "Commit After Termination", 201: "General Argument Error", 301: "General Get Failure", 351: "General Set Failure", 391: "General Commit Failure", 401: "Undefined Data Model Element", 402: "Unimplemented Data Model Element", 403: "Data Model Element Value Not Initialized", 404: "Data Model Element Is Read Only", 405: "Data Model Element Is Write Only", 406: "Data Model Element Type Mismatch", 407: "Data Model Element Value Out Of Range" },
    },
  };

  class StrictRuntime {
    constructor(version, { data = {}, fail = [] } = {}) {
      if (!VERSIONS[version]) throw new Error(`no SCORM version ${version}`);
      this.version = version;
      this.model = MODELS[version];
      this.errors = VERSIONS[version].errors;
      this.fail = new Set(fail);
      this.state = "not initialized"; // then "running", then "terminated"
      this.values = {};
      for (const [element, [, , initial]] of Object.entries(this.model)) if (initial !== undefined) this.values[element] = initial;
      for (const [element, value] of Object.entries(data)) {
        if (!this.model[element]) throw new Error(`the test gave the LMS an element SCORM ${version} lacks: ${element}`);
        this.values[element] = String(value);
      }
      this.committed = null;
      this.calls = [];
      this.lastError = "0";
      const { names } = VERSIONS[version];
      this.api = {
        [names.initialize]: (argument) => this.record(names.initialize, [argument], () => this.initialize(argument)),
        [names.finish]: (argument) => this.record(names.finish, [argument], () => this.finish(argument)),
        [names.get]: (element) => this.record(names.get, [element], () => this.get(element)),
        [names.set]: (element, value) => this.record(names.set, [element, value], () => this.set(element, value)),
        [names.commit]: (argument) => this.record(names.commit, [argument], () => this.commit(argument)),
        [names.lastError]: () => this.lastError,
        [names.errorString]: (code) => VERSIONS[version].text[code] || "",
        [names.diagnostic]: (code) => VERSIONS[version].text[code || this.lastError] || "",
      };
    }

    // Runs a call: its result, with lastError set ("0" when it succeeded), and the call kept in `calls`.
    record(call, args, run) {
      let result;
      try {
        result = run();
        this.lastError = "0";
      } catch (error) {
        if (!(error instanceof ScormError)) throw error;
        this.lastError = error.code;
        result = call.endsWith("GetValue") ? "" : "false";
      }
      this.calls.push({ call, args, result, error: this.lastError });
      return result;
    }

    // Throws the error code for a call out of turn, an argument that should be "" (when given), or a failure the test asked for.
    check(kind, ...argument) {
      const { errors } = this;
      const name = VERSIONS[this.version].names[kind];
      if (this.state === "not initialized" && kind !== "initialize") throw new ScormError(errors.before[kind] || errors.notInitialized);
      if (this.state === "terminated") throw new ScormError(errors.after[kind] || errors.notInitialized || errors.general);
      if (this.state === "running" && kind === "initialize") throw new ScormError(errors.again.initialize);
      if (argument.length && argument[0] !== "") throw new ScormError(errors.argument);
      if (this.fail.has(name)) throw new ScormError(errors.failed[kind]);
    }

    initialize(argument) {
      this.check("initialize", argument);
      this.state = "running";
      return "true";
    }

    finish(argument) {
      this.check("finish", argument);
      this.committed = { ...this.values };
      this.state = "terminated";
      return "true";
    }

    commit(argument) {
      this.check("commit", argument);
      this.committed = { ...this.values };
      return "true";
    }

    // The element's definition, or the error code for one this data model does not define.
    element(kind, element) {
      this.check(kind);
      if (!isString(element)) throw new ScormError(this.errors.argument);
      if (element === "" && this.errors.emptyElement) throw new ScormError(this.errors.emptyElement[kind]);
      const definition = this.model[element];
      if (definition) return definition;
      if (NOT_IMPLEMENTED[this.version].some((prefix) => element.startsWith(`${prefix}.`))) throw new ScormError(this.errors.notImplemented);
      throw new ScormError(this.errors.unknown);
    }

    get(element) {
      const [access] = this.element("get", element);
      if (!access.includes("r")) throw new ScormError(this.errors.writeOnly);
      if (!(element in this.values)) throw new ScormError(this.errors.notSetYet || this.errors.general);
      return this.values[element];
    }

    set(element, value) {
      const [access, valid] = this.element("set", element);
      if (!access.includes("w")) throw new ScormError(element.includes("._") ? this.errors.keyword : this.errors.readOnly);
      if (!isString(value)) throw new ScormError(this.errors.type);
      const problem = valid(value);
      if (problem) throw new ScormError(this.errors[problem]);
      this.values[element] = value;
      return "true";
    }
  }

  class ScormError extends Error {
    constructor(code) {
      super(`SCORM error ${code}`);
      this.code = code;
    }
  }

  window.StrictRuntime = StrictRuntime;
})();
