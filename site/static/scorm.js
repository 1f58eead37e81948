// SCORM 1.2, in an LMS. Runs from <head>: when an LMS's SCORM API is found (in this window,
// a parent frame, or the window that opened it), the page shows no site navigation (the
// LMS moves between lessons) and each lesson is one SCO: "incomplete" once opened,
// "completed" once every question is answered, scored by the share answered right.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const scorm = { api: findScormAPI(), open: false };
  if (scorm.api) document.documentElement.classList.add("embed", "scorm");

  // The LMS's SCORM 1.2 API: in this window, a parent frame, or the window that opened it.
  function findScormAPI() {
    for (const start of [window, window.opener].filter(Boolean)) {
      for (let frame = start, depth = 0; frame && depth < 10; depth += 1) {
        try {
          if (frame.API && typeof frame.API.LMSInitialize === "function") return frame.API;
        } catch (error) {
          break; // a frame on another origin: no LMS of ours there
        }
        if (frame.parent === frame) break;
        frame = frame.parent;
      }
    }
    return null;
  }

  function start() {
    if (!scorm.api || !document.body.dataset.lesson) return;
    scorm.open = String(scorm.api.LMSInitialize("")) === "true";
    if (!scorm.open) return;
    if (scorm.api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      scorm.api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
    report();
    window.addEventListener("pagehide", finish);
  }

  function report() {
    if (!scorm.open) return;
    const ids = [...document.querySelectorAll("form.quiz")].map((form) => form.dataset.quiz);
    const answers = course.progress.load().answers;
    const answered = ids.filter((id) => answers[id]);
    const right = answered.filter((id) => answers[id].correct);
    if (ids.length) {
      scorm.api.LMSSetValue("cmi.core.score.min", "0");
      scorm.api.LMSSetValue("cmi.core.score.max", "100");
      scorm.api.LMSSetValue("cmi.core.score.raw", String(Math.round((100 * right.length) / ids.length)));
    }
    if (answered.length === ids.length) scorm.api.LMSSetValue("cmi.core.lesson_status", "completed");
    scorm.api.LMSCommit("");
  }

  function finish() {
    if (!scorm.open) return;
    scorm.api.LMSFinish("");
    scorm.open = false;
  }

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("progress-changed", report);
})();
