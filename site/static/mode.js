// Runs before the page is drawn, from <head>:
// - on a lesson page (data-python), starts Python in its Web Worker at once, so it loads
//   while the page and BokehJS do; course.js takes the worker and the messages it sent;
// - ?embed shows a lesson without the site's chrome, and ?embed&figure=NAME only that
//   figure, for an iframe in an LMS or another site;
// - in an LMS (a SCORM API in a parent frame) a lesson is one activity: no site navigation.
"use strict";
(() => {
  const script = document.currentScript;
  if (script && "python" in script.dataset && location.protocol !== "file:" && typeof WebAssembly === "object" && window.Worker) {
    const worker = new Worker(new URL("worker.js", script.src));
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => early.push({ data: { type: "error", message: event.message || "the Python worker did not start", detail: "" } });
    window.earlyPython = { worker, early };
  }
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  window.courseLMS = findScormAPI(); // learner.js reports to it
  if (window.courseLMS) root.classList.add("embed", "scorm");
  if (!query.has("embed")) return;
  root.classList.add("embed");
  const figure = query.get("figure");
  if (figure && /^[a-z][a-z0-9_]{0,63}$/.test(figure)) {
    root.classList.add("embed-figure");
    const style = document.createElement("style");
    style.textContent = `.lesson > figure[data-figure="${figure}"] { display: block !important; }`;
    document.head.appendChild(style);
  }

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
})();
