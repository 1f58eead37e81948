// SCORM, in an LMS: each lesson is one SCO, in a SCORM 1.2 or a SCORM 2004 (4th edition) package.
// Runs from <head>. The package launches a lesson with ?scorm=1.2 or ?scorm=2004; the page then
// looks for that version's API (in this window, a parent frame, or the window that opened it), shows
// no site navigation (the LMS moves between lessons), and opens every link that would leave the
// lesson in a new tab, outside the SCO: a lesson never reports to another lesson's record.
//
// The LMS is the store of record. On launch the learner's answers to this lesson come back from
// cmi.suspend_data and win over this browser's copy, which is kept apart for each learner (under
// the LMS's id for them, progress.keepFor). After every answer the LMS gets the answers, the score
// (the share of questions right at the first try: none before the first answer, never lower than
// the one the LMS holds), the status, where the learner is (cmi.core.lesson_location, cmi.location),
// the session's time and a commit; again whenever the page is hidden; finishing on close is best effort.
// cmi.core.exit / cmi.exit is "suspend", so a learner who comes back finds their answers.
// Every call's error code is read: when the LMS is not recording (no API, or an error), one polite
// line says so, and the answers are still kept in this browser.
// This file's DOMContentLoaded handler runs before the learner's scripts' (it is added from <head>),
// so the record is the LMS's before any question is shown.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const ANSWER_LENGTH = 32; // as the quiz form's input allows
  const SUSPEND_DATA_VERSION = 1;
  const NOT_RECORDING = "The LMS is not recording this lesson just now: your answers are kept in this browser only.";

  // What differs between the two versions: the API's names, the elements' names and limits, the
  // form of a time span, and what the LMS is told of the lesson's outcome.
  const VERSIONS = {
    "1.2": {
      api: "API",
      calls: { initialize: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", error: "LMSGetLastError" },
      learner: "cmi.core.student_id",
      mode: "cmi.core.lesson_mode",
      status: "cmi.core.lesson_status",
      finished: ["completed", "passed", "failed"],
      score: "cmi.core.score.raw",
      location: ["cmi.core.lesson_location", 255],
      suspendData: ["cmi.suspend_data", 4096],
      exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time",
      time: (parts) => `${pad(parts.hours, 4)}:${pad(parts.minutes, 2)}:${pad(parts.seconds.toFixed(2), 5)}`,
      outcome: (score, done) => [
        ["cmi.core.score.min", "0"],
        ["cmi.core.score.max", "100"],
        ["cmi.core.score.raw", String(Math.round((100 * score.right) / score.total))],
        ["cmi.core.lesson_status", done ? "completed" : "incomplete"],
      ],
    },
    "2004": {
      api: "API_1484_11",
      calls: { initialize: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit", error: "GetLastError" },
      learner: "cmi.learner_id",
      mode: "cmi.mode",
      status: "cmi.completion_status",
      finished: ["completed"],
      score: "cmi.score.raw",
      location: ["cmi.location", 1000],
      suspendData: ["cmi.suspend_data", 64000],
      exit: "cmi.exit",
      sessionTime: "cmi.session_time",
      notSetYet: "403", // GetValue's error for an element the LMS has no value for yet: read as ""
      time: (parts) => `PT${parts.hours}H${parts.minutes}M${parts.seconds.toFixed(2)}S`,
      outcome: (score, done, passing) => {
        const scaled = score.right / score.total;
        const pairs = [
          ["cmi.score.scaled", String(Math.round(10000 * scaled) / 10000)],
          ["cmi.score.min", "0"],
          ["cmi.score.max", "100"],
          ["cmi.score.raw", String(Math.round(100 * scaled))],
          ["cmi.completion_status", done ? "completed" : "incomplete"],
        ];
        if (done && passing !== null) pairs.push(["cmi.success_status", scaled >= passing ? "passed" : "failed"]);
        return pairs;
      },
    },
  };

  const wanted = new URLSearchParams(location.search).get("scorm"); // the package's version, or null
  const lms = findLMS();
  const inLMS = Boolean(lms || VERSIONS[wanted]);
  if (inLMS) document.documentElement.classList.add("embed", "scorm");
  let session = null; // this lesson's conversation with the LMS, once initialised

  const pad = (value, width) => String(value).padStart(width, "0");

  // {version, api} for the version the package asked for (either, when it did not say), or null.
  function findLMS() {
    const versions = VERSIONS[wanted] ? [wanted] : ["2004", "1.2"];
    for (const start of [window, window.opener].filter(Boolean)) {
      for (let frame = start, depth = 0; frame && depth < 10; depth += 1) {
        try {
          for (const version of versions) {
            const api = frame[VERSIONS[version].api];
            if (api && typeof api[VERSIONS[version].calls.initialize] === "function") return { version, api };
          }
        } catch (error) {
          break; // a frame on another origin: no LMS of ours there
        }
        if (frame.parent === frame) break;
        frame = frame.parent;
      }
    }
    return null;
  }

  // ------------------------------------------------------------ calls, each with its error code read

  // A call to the API: {ok, value}. Get's "no value yet" (SCORM 2004's 403) is an empty value.
  function call(name, ...args) {
    const { calls, notSetYet } = VERSIONS[session.version];
    let value;
    let code;
    try {
      value = String(session.api[calls[name]](...args));
      code = String(session.api[calls.error]());
    } catch (error) {
      return { ok: false, value: "" };
    }
    if (name === "get") return code === "0" || code === notSetYet ? { ok: true, value: code === "0" ? value : "" } : { ok: false, value: "" };
    return { ok: value === "true" && code === "0", value };
  }

  function get(element) {
    const { ok, value } = call("get", element);
    if (ok) session.known[element] = value;
    return ok ? value : null;
  }

  // Sets an element unless the LMS already holds that value; false when the LMS refused it.
  function set(element, value) {
    if (session.known[element] === value) return true;
    const { ok } = call("set", element, value);
    if (ok) session.known[element] = value;
    return ok;
  }

  function setAll(pairs) {
    return pairs.map(([element, value]) => set(element, value)).every(Boolean);
  }

  // ------------------------------------------------------------ the record: answers in cmi.suspend_data

  // This lesson's answers, compact and versioned: {"v":1,"q":{"2":[first,correct,shown,"value"]}} by
  // question number (1 for the page's first question). Without the typed values if it would be too long.
  function encode(answers, limit) {
    const entries = (withValues) => {
      const q = {};
      session.ids.forEach((id, index) => {
        const answer = answers[id];
        if (answer) q[index + 1] = [+answer.first, +answer.correct, +answer.shown, withValues ? answer.value.slice(0, ANSWER_LENGTH) : ""];
      });
      return Object.keys(q).length ? JSON.stringify({ v: SUSPEND_DATA_VERSION, q }) : "";
    };
    const full = entries(true);
    return full.length <= limit ? full : entries(false);
  }

  // The answers in the LMS's suspend data ({} when there are none), or null when it cannot be read
  // (`text` null: the LMS refused to give it).
  function decode(text) {
    if (text === null) return null;
    if (!text) return {};
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!data || data.v !== SUSPEND_DATA_VERSION || typeof data.q !== "object" || !data.q) return null;
    const answers = {};
    for (const [number, entry] of Object.entries(data.q)) {
      const id = session.ids[Number(number) - 1];
      if (!id || !Array.isArray(entry) || entry.length !== 4) return null;
      const [first, correct, shown, value] = entry;
      answers[id] = { first: first === 1, correct: correct === 1, shown: shown === 1, value: String(value).slice(0, ANSWER_LENGTH) };
    }
    return answers;
  }

  // ------------------------------------------------------------ the session

  function start() {
    if (!inLMS) return;
    openLinksOutside();
    if (!document.body.dataset.lesson) return;
    const ids = [...document.querySelectorAll("form.quiz")].map((form) => form.dataset.quiz);
    session = { ...lms, ids, started: Date.now(), known: {}, open: false };
    if (!lms || !call("initialize", "").ok) {
      course.progress.keepFor(null);
      say(NOT_RECORDING);
      return;
    }
    session.open = true;
    const version = VERSIONS[session.version];
    course.progress.keepFor(get(version.learner) || null);
    session.readOnly = ["review", "browse"].includes(get(version.mode));
    session.finished = version.finished.includes(get(version.status));
    session.scoreBefore = Number(get(version.score)) || 0;
    const passing = session.version === "2004" ? get("cmi.scaled_passing_score") : "";
    session.passing = passing ? Number(passing) : null;
    if (!session.readOnly) {
      const launched = [[version.exit, "suspend"]];
      if (!session.finished) launched.push([version.status, ids.length ? "incomplete" : "completed"]);
      const ok = setAll(launched);
      recorded(call("commit", "").ok && ok);
    }
    goToLocation(get(version.location[0]));
    const [element, limit] = version.suspendData;
    const saved = decode(get(element));
    const progress = course.progress.load();
    if (saved === null) {
      session.known[element] = encode(progress.answers, limit); // the damaged data stays until the next answer
      say("Your earlier answers could not be read back from the LMS. The answers you give now are recorded as usual.");
    } else {
      Object.assign(progress.answers, saved); // the LMS's answers win
    }
    course.progress.save(progress); // shows the answers, and reports those the LMS lacked
    window.addEventListener("pagehide", finish);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && save());
    document.addEventListener("progress-changed", report);
  }

  // After an answer: what the LMS lacks of this lesson's record (nothing before the first answer), then a commit.
  function report() {
    if (!session.open || session.readOnly) return;
    const version = VERSIONS[session.version];
    const [element, limit] = version.suspendData;
    const answers = course.progress.load().answers;
    const data = encode(answers, limit);
    if (data === session.known[element]) return; // nothing new since the LMS last heard
    const score = course.progress.score(session.ids, answers);
    const lower = Math.round((100 * score.right) / score.total) < session.scoreBefore; // a record the LMS lost: keep its score
    const outcome = score.answered ? version.outcome(score, score.answered === score.total, session.passing) : [];
    const kept = outcome.filter(([name]) => !(lower && name.includes(".score.")) && !(session.finished && name === version.status));
    save(setAll([[element, data], ...kept]));
  }

  // The session's time and where the learner is, then a commit; the line shows unless all (and `ok`) were recorded.
  function save(ok = true) {
    if (!session.open || session.readOnly) return;
    const version = VERSIONS[session.version];
    const [element, limit] = version.location;
    const here = whereTheLearnerIs();
    const pairs = [[version.sessionTime, version.time(timeParts(Date.now() - session.started))]];
    if (here.length <= limit) pairs.push([element, here]);
    const kept = setAll(pairs);
    recorded(call("commit", "").ok && kept && ok);
  }

  function finish() {
    if (!session.open) return;
    save();
    call("finish", "");
    session.open = false;
  }

  // ------------------------------------------------------------ the page

  // {hours, minutes, seconds} of a time in ms, to the hundredth of a second, at most 9999 hours.
  function timeParts(ms) {
    const hundredths = Math.min(Math.round(ms / 10), 9999 * 360000 + 359999);
    return {
      hours: Math.floor(hundredths / 360000),
      minutes: Math.floor(hundredths / 6000) % 60,
      seconds: (hundredths % 6000) / 100,
    };
  }

  // The id of the last section heading above the top third of the window ("" before the first).
  function whereTheLearnerIs() {
    let here = "";
    for (const heading of document.querySelectorAll("main h2[id], main h3[id]")) {
      if (heading.getBoundingClientRect().top > window.innerHeight / 3) break;
      here = heading.id;
    }
    return here;
  }

  function goToLocation(id) {
    const heading = id && !location.hash ? document.getElementById(id) : null;
    if (heading) heading.scrollIntoView();
  }

  // Links that leave this page open in a new tab: outside the SCO, and with no way back to its API.
  function openLinksOutside() {
    for (const anchor of document.querySelectorAll("a[href]")) {
      if (anchor.hasAttribute("download") || (anchor.origin === location.origin && anchor.pathname === location.pathname)) continue;
      anchor.removeAttribute("data-lesson-link");
      anchor.target = "_blank";
      anchor.rel = "noopener";
    }
  }

  // One polite line at the top of the lesson while the LMS is not recording (or its record was damaged).
  function say(text) {
    let line = document.getElementById("lms-status");
    if (!line) {
      line = document.createElement("p");
      line.id = "lms-status";
      line.className = "lms-status";
      line.setAttribute("role", "status");
      document.querySelector("main").prepend(line);
    }
    line.textContent = text;
    line.hidden = false;
  }

  // After a call that records: the line while the LMS is not recording, gone once it is again.
  function recorded(ok) {
    const line = document.getElementById("lms-status");
    if (!ok) say(NOT_RECORDING);
    else if (line) line.hidden = true;
  }

  document.addEventListener("DOMContentLoaded", start);
})();
