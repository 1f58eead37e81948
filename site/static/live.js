// Live figures: the page's side of Python's Web Worker (worker.js, whose top lists the messages).
// Runs from <head> on a lesson page, so Python starts loading at once, while the page and
// BokehJS load. When a lesson opens, the worker builds its figures in the order the page
// asks (the ones on screen first); each is drawn in place of its picture and answers its
// controls as soon as it arrives: the page sends the worker each change of a figure's
// Bokeh document, and applies the changes the worker sends back. One worker serves every
// lesson of a tab: lesson links swap the content in place (navigate.js).
//
//   course.live.request(name, query)  ask Python to set a figure to the state a query string gives
//                                     (state.js documents it); false when this page has no Python
//   course.live.runCode(name, source) run figure NAME with the learner's version of its changeable core
//                                     function (source null: the original); false when this page has no
//                                     Python. Python answers with "figure-code" (below); if it has not within
//                                     CODE_WATCHDOG_MS, the worker is restarted and the figures built anew
//   course.changes                    how many of the learner's changes the worker has applied
//   course.timeline                   [what happened, when (ms since the page started)], for the benchmark
//   "python-progress" (detail: {percent, message}) on document, as Python loads (percent null: it cannot)
//   "figure-live" (detail: name), then "figures-live" and body.figures-live, on document;
//   "figure-state" (detail: {name, state, query}) on document, each time Python reports a
//   figure's state; "figure-patched" (detail: name) after Python's changes to a figure are drawn;
//   "figure-code" (detail: {name, result}, result as worker.js lists it, or
//   {stopped: true} when the watchdog restarted Python); body.figures-failed when Python could not start
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const SLOW_SECONDS = 60;
  const CODE_WATCHDOG_MS = 10000; // Python stops the learner's code after 2 s itself; this is for what it cannot stop
  const GO_AFTER_MS = 400; // Python waits until the first picture is drawn, or this long at most
  let worker = null;
  let early = []; // messages the worker sent before the page was ready for them
  let generation = 0; // bumps with every lesson opened in this tab
  let live = {}; // figure name -> {jsdoc, busy, queue}: the figures answering their controls
  let expected = 0; // how many figures the open lesson has
  let patching = 0; // >0 while applying the worker's own changes
  let goSent = false;
  let watchdog = null; // the timer that restarts Python if the learner's code never finishes

  function liveUnavailableReason() {
    if (location.protocol === "file:") {
      return "You opened this page from a file, so the figures are pictures. For live figures, serve the folder: in it, run python3 -m http.server and open http://localhost:8000/.";
    }
    if (typeof WebAssembly !== "object") {
      return "This browser cannot run WebAssembly, so the figures stay pictures. The text and pictures are all here.";
    }
    if (!window.Worker) return "This browser cannot run Web Workers, so the figures stay pictures.";
    return null;
  }

  // ------------------------------------------------------------ the worker

  const script = document.currentScript;

  function startWorker() {
    worker = new Worker(new URL("worker.js", script.src));
    early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = (event) => early.push({ data: { type: "error", message: event.message || "the Python worker did not start", detail: "" } });
  }

  // Once the page is ready: handle the worker's messages, those it sent meanwhile first.
  function listen() {
    worker.onmessage = (event) => onMessage(event.data);
    worker.onerror = (event) => fail(event.message || "the Python worker stopped");
    for (const event of early) onMessage(event.data);
    early = [];
  }

  function onMessage(message) {
    if (message.type === "progress") {
      // A download still under way when the start failed reports on: the failure is the last word.
      if (document.body.classList.contains("figures-failed")) return;
      course.timeline.push([message.message, Math.round(performance.now())]);
      course.status.show(`${message.message}… ${message.percent}%`, { percent: message.percent });
      document.dispatchEvent(new CustomEvent("python-progress", { detail: { percent: message.percent, message: message.message } }));
    } else if (message.type === "error") {
      console.error(message.detail);
      fail(message.message);
    } else if (message.type === "blocked") {
      course.status.blockedByPolicy(message);
    } else if (message.generation !== generation) {
      return; // about a lesson that is no longer open
    } else if (message.type === "render") {
      onRender(message).catch((error) => {
        console.error(error);
        fail(`the figures could not be drawn (${error.message})`);
      });
    } else if (message.type === "patch") {
      onPatch(message);
    } else if (message.type === "state") {
      document.dispatchEvent(new CustomEvent("figure-state", { detail: { name: message.name, state: message.state, query: message.query } }));
    } else if (message.type === "idle") {
      onIdle(message);
    } else if (message.type === "code") {
      clearTimeout(watchdog);
      document.dispatchEvent(new CustomEvent("figure-code", { detail: { name: message.name, result: message.result } }));
    }
  }

  function fail(reason) {
    course.status.show(`Live figures could not start: ${reason}. The text and pictures still work.`, { error: true, retry: true });
    document.body.classList.add("figures-failed");
    document.dispatchEvent(new CustomEvent("python-progress", { detail: { percent: null, message: "Python could not start" } }));
  }

  function letPythonStart() {
    if (goSent || !worker) return;
    goSent = true;
    worker.postMessage({ type: "go" });
  }

  function openLesson() {
    const names = Object.keys(course.draw.prerendered());
    generation += 1;
    live = {};
    expected = names.length;
    if (!names.length) return;
    const reason = liveUnavailableReason();
    if (reason) {
      course.status.show(reason, { error: true });
      document.dispatchEvent(new CustomEvent("python-progress", { detail: { percent: null, message: "No Python on this page" } }));
      return;
    }
    if (!worker) startWorker();
    listen();
    setTimeout(letPythonStart, GO_AFTER_MS);
    course.status.show("Loading Python…", { percent: 0 });
    course.status.warnIfSlow(SLOW_SECONDS);
    worker.postMessage({
      type: "open",
      slug: document.body.dataset.lesson,
      order: course.draw.byNearness(names),
      query: location.search, // the link, untouched: Python reads the figures' state from it
      generation,
    });
  }

  function retry() {
    if (worker) worker.terminate();
    worker = null;
    goSent = false;
    document.body.classList.remove("figures-failed");
    openLesson();
  }

  // ------------------------------------------------------------ syncing, one document per figure

  function sendChange(name, event) {
    const figure = live[name];
    if (!figure || patching > 0 || (event.setter_id != null && event.setter_id === "py")) return;
    if (figure.busy && event.model && event.attr) {
      figure.queue = figure.queue.filter((old) => !(old.model === event.model && old.attr === event.attr));
      figure.queue.push(event);
      return;
    }
    figure.busy = true;
    worker.postMessage({ type: "patch", name, patch: figure.jsdoc.create_json_patch([event]), generation });
  }

  function onIdle(message) {
    const figure = live[message.name];
    course.changes += 1;
    if (!figure) return;
    if (figure.queue.length) {
      const patch = figure.jsdoc.create_json_patch(figure.queue);
      figure.queue = [];
      worker.postMessage({ type: "patch", name: message.name, patch, generation });
    } else {
      figure.busy = false;
    }
  }

  async function onRender(message) {
    if (!window.Bokeh) throw new Error("the plotting library did not load; reload the page");
    const views = await course.draw.embed(message.name, JSON.parse(message.figure));
    if (message.generation !== generation || !views) return;
    const jsdoc = [...views[0].roots.values()][0].model.document;
    live[message.name] = { jsdoc, busy: false, queue: [] };
    jsdoc.on_change((event) => sendChange(message.name, event), false);
    worker.postMessage({ type: "rendered", name: message.name, generation });
    const element = document.getElementById(`figure-${message.name}`);
    if (element) element.closest("figure").classList.add("figure-live");
    const count = Object.keys(live).length;
    course.timeline.push([`live ${message.name}`, Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figure-live", { detail: message.name }));
    if (count < expected) {
      course.status.show(`${count} of ${expected} figures live… building the next`, { percent: 90 + Math.round((10 * count) / expected) });
      return;
    }
    course.status.hide();
    document.body.classList.add("figures-live");
    course.timeline.push(["live", Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figures-live"));
  }

  function onPatch(message) {
    const figure = live[message.name];
    if (!figure) return;
    patching += 1;
    try {
      figure.jsdoc.apply_json_patch(message.patch, message.buffers);
    } finally {
      patching -= 1;
    }
    document.dispatchEvent(new CustomEvent("figure-patched", { detail: message.name }));
  }

  function request(name, query) {
    if (!worker || liveUnavailableReason()) return false;
    worker.postMessage({ type: "state", name, query, generation });
    return true;
  }

  function runCode(name, source) {
    if (!worker || liveUnavailableReason() || !live[name]) return false;
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      retry(); // the worker is stuck in the learner's code: a new one starts with the original code
      document.dispatchEvent(new CustomEvent("figure-code", { detail: { name, result: { stopped: true } } }));
    }, CODE_WATCHDOG_MS);
    worker.postMessage({ type: "code", name, source, generation });
    return true;
  }

  course.live = { request, runCode };
  course.changes = 0;
  course.timeline = [];
  if (!liveUnavailableReason()) startWorker(); // at once, from <head>
  document.addEventListener("DOMContentLoaded", openLesson);
  document.addEventListener("lesson-opened", openLesson);
  document.addEventListener("figure-drawn", letPythonStart);
  document.addEventListener("python-retry", retry);
  document.addEventListener("python-blocked", () => {
    if (worker) worker.terminate();
    document.body.classList.add("figures-failed");
  });
})();
