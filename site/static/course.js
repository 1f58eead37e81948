// The page's side of the course: draw the pre-rendered figures at once, then make
// them live with Python from a Web Worker, and keep that worker across lessons.
//
// Each figure is its own Bokeh document. The page draws the pre-rendered ones
// nearest the screen first; the worker builds the live ones in that same order
// and each answers its controls as soon as it arrives.
"use strict";

(() => {
  const STATUS_ID = "python-status";
  const SLOW_SECONDS = 60;
  let worker = null;
  let generation = 0; // bumps with every lesson opened in this tab
  let live = {}; // figure name -> {jsdoc, busy, queue}: the figures answering their controls
  let expected = 0; // how many figures the open lesson has
  let patching = 0; // >0 while applying the worker's own changes
  let slowTimer = null; // offers a retry if Python takes unusually long

  // ------------------------------------------------------------ status line

  function statusElement() {
    return document.getElementById(STATUS_ID);
  }

  function showStatus(text, { percent = null, error = false, retry = false } = {}) {
    const element = statusElement();
    if (!element) return;
    element.hidden = false;
    element.classList.toggle("error", error);
    element.querySelector(".status-text").textContent = text;
    const bar = element.querySelector("progress");
    bar.hidden = percent === null;
    if (percent !== null) bar.value = percent;
    element.querySelector("button").hidden = !retry;
  }

  function hideStatus() {
    const element = statusElement();
    if (element) element.hidden = true;
  }

  // ------------------------------------------------------------ figures

  function figureData() {
    const script = document.getElementById("figures-json");
    return script ? JSON.parse(script.textContent) : {};
  }

  function figureElement(name) {
    return document.getElementById(`figure-${name}`);
  }

  // Figure names, the ones on screen first, then the nearest below, then above.
  function byNearness(names) {
    const height = window.innerHeight;
    const distance = (name) => {
      const element = figureElement(name);
      if (!element) return Infinity;
      const box = element.getBoundingClientRect();
      if (box.bottom > 0 && box.top < height) return 0;
      return box.top >= height ? box.top - height : height - box.bottom + 1e6;
    };
    return [...names].sort((a, b) => distance(a) - distance(b));
  }

  function removeViews(element) {
    if (!window.Bokeh || !Bokeh.index) return;
    for (const view of [...Bokeh.index.roots]) {
      if (!element || element.contains(view.el)) view.remove();
    }
  }

  // Draw one figure's document into its element, keeping the element's height meanwhile.
  async function embed(name, data) {
    const element = figureElement(name);
    if (!element) return null;
    element.style.minHeight = `${element.offsetHeight}px`;
    removeViews(element);
    element.replaceChildren();
    const items = JSON.parse(JSON.stringify(data.render_items));
    items[0].roots = { [data.root_id]: element.id };
    items[0].root_ids = [data.root_id];
    const views = await Bokeh.embed.embed_items(data.docs_json, items);
    requestAnimationFrame(() => {
      element.style.minHeight = "";
    });
    return views;
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  async function showPrerendered() {
    const data = figureData();
    const lesson = document.body.dataset.lesson;
    for (const name of byNearness(Object.keys(data))) {
      if (!window.Bokeh || document.body.dataset.lesson !== lesson) return;
      if (!live[name]) await embed(name, data[name]);
      await nextFrame(); // paint this one before drawing the next
      letPythonStart();
    }
    document.body.classList.add("figures-drawn");
    announceFigures();
  }

  // ------------------------------------------------------------ what each figure shows, in words

  function deepQuery(root, selector) {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) {
        const inside = deepQuery(element.shadowRoot, selector);
        if (inside) return inside;
      }
    }
    return null;
  }

  function readoutText(figure) {
    const host = deepQuery(figure, ".readout");
    if (!host) return "";
    const parts = host.shadowRoot ? [...host.shadowRoot.children].filter((c) => !["STYLE", "LINK"].includes(c.tagName)) : [host];
    return parts.map((part) => part.textContent).join("").replace(/\s+/g, " ").trim();
  }

  // Bokeh names neither a slider's handle nor a checkbox for screen readers, though
  // each shows its label beside it (in the same shadow root): name them after it.
  function nameControls(root) {
    for (const element of root.querySelectorAll("*")) {
      const shadow = element.shadowRoot;
      if (!shadow) continue;
      const named = (control, label) => {
        const text = label && label.firstChild && label.firstChild.nodeType === Node.TEXT_NODE ? label.firstChild.textContent.replace(/:\s*$/, "").trim() : "";
        if (control && text && control.getAttribute("aria-label") !== text) control.setAttribute("aria-label", text);
      };
      named(shadow.querySelector(".noUi-handle"), shadow.querySelector(".bk-slider-title"));
      named(shadow.querySelector("input[type=checkbox]:not([aria-label])"), shadow.querySelector(".bk-label"));
      for (const tool of shadow.querySelectorAll(".bk-OnOffButton[title], .bk-ClickButton[title]")) tool.setAttribute("role", "button");
      nameControls(shadow);
    }
  }

  // Screen readers hear each figure's read-out as it changes (an aria-live region per figure).
  function announceFigures() {
    for (const figure of document.querySelectorAll("figure.course-figure")) {
      nameControls(figure);
      const now = figure.querySelector(".figure-now");
      const text = readoutText(figure);
      if (now && text && now.textContent !== text) now.textContent = text;
    }
  }

  function addEmbedSnippets() {
    const page = new URL(location.pathname, location.href);
    const host = new URL("static/embed-host.js", document.baseURI);
    for (const figure of document.querySelectorAll("figure.course-figure")) {
      if (figure.querySelector(".embed-snippet")) continue;
      const name = figure.dataset.figure;
      const source = `${page.href}?embed&figure=${name}`;
      const caption = figure.querySelector("figcaption");
      const title = (caption ? caption.textContent : name).trim().replace(/"/g, "&quot;").slice(0, 120);
      const snippet = `<iframe src="${source}" title="${title}" data-dlviz-embed style="width:100%;height:620px;border:0" loading="lazy"></iframe>\n<script src="${host.href}"></script>`;
      const details = document.createElement("details");
      details.className = "embed-snippet";
      details.innerHTML = '<summary>Embed this figure</summary><label>Paste this into a web page or an LMS (as HTML):<textarea readonly rows="3"></textarea></label><button type="button">Copy</button>';
      details.querySelector("textarea").value = snippet;
      details.querySelector("button").addEventListener("click", async (event) => {
        details.querySelector("textarea").select();
        try {
          await navigator.clipboard.writeText(snippet);
          event.target.textContent = "Copied";
        } catch (error) {
          event.target.textContent = "Press Ctrl+C to copy";
        }
      });
      figure.appendChild(details);
    }
  }

  // In an iframe (?embed), tell the embedding page our height whenever it changes.
  function reportHeightWhenEmbedded() {
    if (!document.documentElement.classList.contains("embed") || window.parent === window) return;
    // The body's own height: the document's scrollHeight never drops below the iframe's.
    const report = () => window.parent.postMessage({ type: "dlviz-resize", height: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
    new ResizeObserver(report).observe(document.body);
    report();
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
    window.course.states = JSON.parse(message.states);
    window.course.changes += 1;
    announceFigures();
    document.dispatchEvent(new CustomEvent("figure-state", { detail: window.course.states }));
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
    const views = await embed(message.name, JSON.parse(message.figure));
    if (message.generation !== generation || !views) return;
    const jsdoc = [...views[0].roots.values()][0].model.document;
    live[message.name] = { jsdoc, busy: false, queue: [] };
    jsdoc.on_change((event) => sendChange(message.name, event), false);
    worker.postMessage({ type: "rendered", name: message.name, generation });
    const element = figureElement(message.name);
    if (element) {
      element.closest("figure").classList.add("figure-live");
      requestAnimationFrame(() => nameControls(element));
    }
    const count = Object.keys(live).length;
    window.course.timeline.push([`live ${message.name}`, Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figure-live", { detail: message.name }));
    if (count < expected) {
      showStatus(`${count} of ${expected} figures live… building the next`, { percent: 90 + Math.round((10 * count) / expected) });
      return;
    }
    clearTimeout(slowTimer);
    hideStatus();
    announceFigures();
    document.body.classList.add("figures-live");
    window.course.timeline.push(["live", Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figures-live"));
  }

  function onPatch(message) {
    const figure = live[message.name];
    if (message.generation !== generation || !figure) return;
    patching += 1;
    try {
      figure.jsdoc.apply_json_patch(message.patch, message.buffers);
    } finally {
      patching -= 1;
    }
  }

  // ------------------------------------------------------------ the worker

  function liveUnavailableReason() {
    if (location.protocol === "file:") {
      return "You opened this page from a file, so the figures are pictures. For live figures, serve the folder: run `python3 -m http.server` in it and open http://localhost:8000/.";
    }
    if (typeof WebAssembly !== "object") {
      return "This browser cannot run WebAssembly, so the figures stay pictures. The text and pictures are all here.";
    }
    if (!window.Worker) return "This browser cannot run Web Workers, so the figures stay pictures.";
    return null;
  }

  function startWorker() {
    const early = window.earlyPython; // started by mode.js in <head>
    window.earlyPython = null;
    worker = early ? early.worker : new Worker(new URL("static/worker.js", document.baseURI));
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "progress") {
        window.course.timeline.push([message.message, Math.round(performance.now())]);
        showStatus(`${message.message}… ${message.percent}%`, { percent: message.percent });
      } else if (message.type === "render") {
        if (message.generation !== generation) return;
        onRender(message).catch((error) => {
          console.error(error);
          fail(`the figures could not be drawn (${error.message})`);
        });
      } else if (message.type === "patch") {
        onPatch(message);
      } else if (message.type === "idle") {
        if (message.generation === generation) onIdle(message);
      } else if (message.type === "error") {
        console.error(message.detail);
        fail(message.message);
      }
    };
    worker.onerror = (event) => fail(event.message || "the Python worker stopped");
    if (early) for (const event of early.early) worker.onmessage(event);
  }

  function fail(reason) {
    clearTimeout(slowTimer);
    showStatus(`Live figures could not start: ${reason}. The text and pictures still work.`, { error: true, retry: true });
    document.body.classList.add("figures-failed");
  }

  function warnIfSlow() {
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      const element = statusElement();
      if (element && !element.hidden && !element.classList.contains("error")) {
        element.querySelector(".status-text").textContent += " (this is taking longer than usual)";
        element.querySelector("button").hidden = false;
      }
    }, SLOW_SECONDS * 1000);
  }

  function bootPython() {
    if (!worker && !liveUnavailableReason()) startWorker();
  }

  // Python waits until the first figure is drawn (see worker.js), or a moment at most.
  const GO_AFTER_MS = 400;
  let goSent = false;
  function letPythonStart() {
    if (goSent || !worker) return;
    goSent = true;
    worker.postMessage({ type: "go" });
  }

  function openLesson() {
    const names = Object.keys(figureData());
    generation += 1;
    live = {};
    expected = names.length;
    if (!names.length) return;
    const reason = liveUnavailableReason();
    if (reason) {
      showStatus(reason, { error: true });
      return;
    }
    bootPython();
    setTimeout(letPythonStart, GO_AFTER_MS);
    showStatus("Loading Python…", { percent: 0 });
    warnIfSlow();
    worker.postMessage({
      type: "open",
      slug: document.body.dataset.lesson,
      order: byNearness(names),
      states: JSON.stringify(window.courseState ? window.courseState.figureStates() : {}),
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

  // ------------------------------------------------------------ moving between lessons
  // Lesson links swap the page's content in place, so the worker (and Python) stay.

  function isLessonLink(anchor) {
    return anchor && anchor.matches("a[data-lesson-link]") && anchor.origin === location.origin;
  }

  async function goTo(url, push) {
    let html;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      html = await response.text();
    } catch (error) {
      location.href = url; // let the browser (or the service worker) try
      return;
    }
    const next = new DOMParser().parseFromString(html, "text/html");
    removeViews();
    document.title = next.title;
    document.body.dataset.lesson = next.body.dataset.lesson || "";
    document.querySelector("main").replaceWith(document.adoptNode(next.querySelector("main")));
    const oldData = document.getElementById("figures-json");
    const newData = next.getElementById("figures-json");
    if (oldData) oldData.remove();
    if (newData) document.body.appendChild(document.adoptNode(newData));
    if (push) history.pushState({}, "", url);
    const target = new URL(url, location.href).hash;
    if (target && document.querySelector(target)) document.querySelector(target).scrollIntoView();
    else window.scrollTo(0, 0);
    document.querySelector("main").focus({ preventScroll: true });
    document.body.classList.remove("figures-drawn", "figures-live");
    document.dispatchEvent(new CustomEvent("lesson-opened"));
    addEmbedSnippets();
    openLesson();
    await showPrerendered();
  }

  document.addEventListener("click", (event) => {
    const anchor = event.target.closest("a");
    if (!isLessonLink(anchor) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (anchor.pathname === location.pathname && anchor.hash) return; // same page anchor
    event.preventDefault();
    goTo(anchor.href, true);
  });

  window.addEventListener("popstate", () => goTo(location.href, false));

  // ------------------------------------------------------------ start

  // Once the page is parsed (BokehJS, deferred, has run by then): ask for the figures and draw the pictures.
  async function start() {
    const status = statusElement();
    if (status) status.querySelector("button").addEventListener("click", retry);
    addEmbedSnippets();
    reportHeightWhenEmbedded();
    openLesson();
    try {
      await showPrerendered();
    } catch (error) {
      console.error(error);
    }
  }

  // states: every live figure's changed parameters, after the learner's last change
  // changes: how many of the learner's changes the worker has finished applying
  // timeline: [what happened, when (ms since the page started)], for the benchmark
  window.course = { goTo, states: {}, changes: 0, timeline: [] };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
