// The status line over a lesson (#python-status): what Python is doing while it loads, what
// failed, and a Retry button, which fires "python-retry" on document.
//
//   course.status.show(text, {percent, error, retry})  percent fills the bar; retry shows the button
//   course.status.hide()
//   course.status.warnIfSlow(seconds)                  after that long still loading: say so, offer Retry
//   course.status.blockedByPolicy(violation)            a Content-Security-Policy violation (the page's, or
//                                                      the worker's as {effectiveDirective, blockedURI}):
//                                                      if it stops live figures, say which rule, for good,
//                                                      fire "python-blocked" on document, and return true
"use strict";

(() => {
  const course = (window.course = window.course || {});
  // What Pyodide and Panel need that a strict policy may forbid, by what the browser blocked.
  const NEEDS = {
    eval: "'unsafe-eval' in script-src (Panel's figures and Pyodide evaluate code)",
    "wasm-eval": "'wasm-unsafe-eval' in script-src (Python is WebAssembly)",
  };
  const STOPPING = /^(script-src|worker-src|child-src|connect-src|default-src)/;
  let slowTimer = null;
  let blocked = false; // once a policy stops the figures, that is the last word

  function element() {
    return document.getElementById("python-status");
  }

  function show(text, { percent = null, error = false, retry = false } = {}) {
    const status = element();
    if (!status || blocked) return;
    if (error) clearTimeout(slowTimer);
    status.hidden = false;
    status.classList.toggle("error", error);
    status.querySelector(".status-text").textContent = text;
    const bar = status.querySelector("progress");
    bar.hidden = percent === null;
    if (percent !== null) bar.value = percent;
    status.querySelector("button").hidden = !retry;
  }

  function hide() {
    clearTimeout(slowTimer);
    const status = element();
    if (status) status.hidden = true;
  }

  function warnIfSlow(seconds) {
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      const status = element();
      if (status && !status.hidden && !status.classList.contains("error")) {
        status.querySelector(".status-text").textContent += " (this is taking longer than usual)";
        status.querySelector("button").hidden = false;
      }
    }, seconds * 1000);
  }

  function blockedByPolicy(violation) {
    if (blocked) return true;
    if (violation.disposition === "report" || !STOPPING.test(violation.effectiveDirective)) return false;
    const need = NEEDS[violation.blockedURI] || `this site's own files in ${violation.effectiveDirective} ('self')`;
    show(
      `Live figures cannot start: this site's Content-Security-Policy does not allow ${need}. ` +
        "The text and pictures still work. Whoever hosts the course can allow it: its README lists the policy it needs.",
      { error: true },
    );
    blocked = true;
    document.dispatchEvent(new CustomEvent("python-blocked"));
    return true;
  }

  course.status = { show, hide, warnIfSlow, blockedByPolicy };
  document.addEventListener("securitypolicyviolation", blockedByPolicy);
  if (window.ReportingObserver) {
    // Also the violations before this deferred script ran (starting the worker, from <head>).
    const observer = new ReportingObserver(
      (reports) => reports.forEach(({ body }) => blockedByPolicy({ ...body.toJSON(), blockedURI: body.blockedURL })),
      { types: ["csp-violation"], buffered: true },
    );
    observer.observe();
  }
  document.addEventListener("DOMContentLoaded", () => {
    const status = element();
    if (status) status.querySelector("button").addEventListener("click", () => document.dispatchEvent(new CustomEvent("python-retry")));
  });
})();
