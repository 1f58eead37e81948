// The page's side of the course: draw the pre-rendered figures at once, then make
// them live with Python from a Web Worker, and keep that worker across lessons.
"use strict";

(() => {
  const STATUS_ID = "python-status";
  let worker = null;
  let generation = 0; // bumps with every lesson opened in this tab
  let jsdoc = null; // the live Bokeh document of the open lesson
  let busy = false; // a patch is with the worker
  let queue = []; // changes made meanwhile, latest per model attribute
  let patching = 0; // >0 while applying the worker's own changes
  let slowTimer = null; // offers a retry if Python takes unusually long
  const SLOW_SECONDS = 60;

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
    return script ? JSON.parse(script.textContent) : null;
  }

  function figureElementId(name) {
    return `figure-${name}`;
  }

  function withRoots(renderItems, roots) {
    // roots: {figure name: root model id}; the page's elements are named after figures
    const items = JSON.parse(JSON.stringify(renderItems));
    const byId = {};
    for (const [name, id] of Object.entries(roots)) {
      if (document.getElementById(figureElementId(name))) byId[id] = figureElementId(name);
    }
    items[0].roots = byId;
    items[0].root_ids = Object.keys(byId);
    return items;
  }

  function removeViews() {
    if (!window.Bokeh || !Bokeh.index) return;
    for (const view of [...Bokeh.index.roots]) view.remove();
  }

  async function embed(docsJson, renderItems, roots) {
    // Keep each figure's height while it is swapped, so the text does not jump.
    const elements = Object.keys(roots)
      .map((name) => document.getElementById(figureElementId(name)))
      .filter(Boolean);
    for (const element of elements) element.style.minHeight = `${element.offsetHeight}px`;
    removeViews();
    for (const element of elements) element.replaceChildren();
    const views = await Bokeh.embed.embed_items(docsJson, withRoots(renderItems, roots));
    requestAnimationFrame(() => {
      for (const element of elements) element.style.minHeight = "";
    });
    return views;
  }

  async function showPrerendered() {
    const data = figureData();
    if (!data || !window.Bokeh || document.body.classList.contains("figures-live")) return;
    await embed(data.docs_json, data.render_items, data.roots);
    document.body.classList.add("figures-drawn");
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

  // Screen readers hear each figure's read-out as it changes (an aria-live region per figure).
  function announceFigures() {
    for (const figure of document.querySelectorAll("figure.course-figure")) {
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
        const textarea = details.querySelector("textarea");
        textarea.select();
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

  // ------------------------------------------------------------ syncing

  function sendChange(event) {
    if (patching > 0 || (event.setter_id != null && event.setter_id === "py")) return;
    if (busy && event.model && event.attr) {
      queue = queue.filter((old) => !(old.model === event.model && old.attr === event.attr));
      queue.push(event);
      return;
    }
    busy = true;
    worker.postMessage({ type: "patch", patch: jsdoc.create_json_patch([event]), generation });
  }

  function onIdle() {
    if (queue.length) {
      const patch = jsdoc.create_json_patch(queue);
      queue = [];
      worker.postMessage({ type: "patch", patch, generation });
    } else {
      busy = false;
    }
  }

  async function onRender(message) {
    if (!window.Bokeh) throw new Error("the plotting library did not load; reload the page");
    const views = await embed(JSON.parse(message.docs_json), JSON.parse(message.render_items), JSON.parse(message.roots));
    if (message.generation !== generation) return;
    const manager = views[0];
    jsdoc = manager ? [...manager.roots.values()][0].model.document : null;
    if (jsdoc) jsdoc.on_change(sendChange, false);
    busy = false;
    queue = [];
    worker.postMessage({ type: "rendered", generation });
    clearTimeout(slowTimer);
    hideStatus();
    announceFigures();
    document.body.classList.add("figures-live");
    window.course.timeline.push(["live", Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figures-live"));
  }

  function onPatch(message) {
    if (message.generation !== generation || !jsdoc) return;
    patching += 1;
    try {
      jsdoc.apply_json_patch(message.patch, message.buffers);
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
    worker = new Worker(new URL("static/worker.js", document.baseURI));
    worker.onmessage = (event) => {
      const message = event.data;
      window.course.timeline.push([message.type === "progress" ? message.message : message.type, Math.round(performance.now())]);
      if (message.type === "progress") {
        showStatus(`${message.message}… ${message.percent}%`, { percent: message.percent });
      } else if (message.type === "render") {
        if (message.generation === generation) {
          onRender(message).catch((error) => {
            console.error(error);
            fail(`the figures could not be drawn (${error.message})`);
          });
        }
      } else if (message.type === "patch") {
        onPatch(message);
      } else if (message.type === "idle") {
        if (message.generation !== generation) return;
        window.course.states = JSON.parse(message.states);
        window.course.changes += 1;
        announceFigures();
        document.dispatchEvent(new CustomEvent("figure-state", { detail: window.course.states }));
        onIdle();
      } else if (message.type === "error") {
        console.error(message.detail);
        fail(message.message);
      }
    };
    worker.onerror = (event) => fail(event.message || "the Python worker stopped");
  }

  function fail(reason) {
    clearTimeout(slowTimer);
    showStatus(`Live figures could not start: ${reason}. The text and pictures still work.`, {
      error: true,
      retry: true,
    });
    document.body.classList.add("figures-failed");
  }

  function openLesson() {
    const data = figureData();
    if (!data || !Object.keys(data.roots).length) return;
    const reason = liveUnavailableReason();
    if (reason) {
      showStatus(reason, { error: true });
      return;
    }
    if (!worker) startWorker();
    generation += 1;
    jsdoc = null;
    showStatus("Loading Python…", { percent: 0 });
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      const element = statusElement();
      if (element && !element.hidden && !element.classList.contains("error")) {
        element.querySelector(".status-text").textContent += " (this is taking longer than usual)";
        element.querySelector("button").hidden = false;
      }
    }, SLOW_SECONDS * 1000);
    worker.postMessage({
      type: "open",
      slug: document.body.dataset.lesson,
      states: JSON.stringify(window.courseState ? window.courseState.figureStates() : {}),
      generation,
    });
  }

  function retry() {
    if (worker) worker.terminate();
    worker = null;
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
    await showPrerendered();
    openLesson();
  }

  document.addEventListener("click", (event) => {
    const anchor = event.target.closest("a");
    if (!isLessonLink(anchor) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (anchor.pathname === location.pathname && anchor.hash) return; // same page anchor
    event.preventDefault();
    goTo(anchor.href, true);
  });

  window.addEventListener("popstate", () => goTo(location.href, false));

  // ------------------------------------------------------------ offline

  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
    if (document.documentElement.classList.contains("scorm")) return; // the LMS serves the files
    navigator.serviceWorker.register("sw.js").catch((error) => console.warn("offline use unavailable:", error));
  }

  // ------------------------------------------------------------ start

  // This script runs first of the page's deferred scripts: Python starts loading in
  // the worker while BokehJS loads here and draws the pre-rendered figures.
  function start() {
    const status = statusElement();
    if (status) status.querySelector("button").addEventListener("click", retry);
    openLesson();
    window.addEventListener("load", registerServiceWorker);
  }

  async function drawWhenReady() {
    addEmbedSnippets();
    reportHeightWhenEmbedded();
    try {
      await showPrerendered();
    } catch (error) {
      console.error(error);
    }
  }

  // states: every live figure's parameters, after the learner's last change
  // changes: how many of the learner's changes the worker has finished applying
  // timeline: [what the worker said, when (ms since the page started)], for the benchmark
  window.course = { goTo, states: {}, changes: 0, timeline: [] };
  start();
  // Deferred scripts run while readyState is "interactive", before DOMContentLoaded,
  // and BokehJS (deferred after this one) is ready only by then.
  if (document.readyState === "complete") drawWhenReady();
  else document.addEventListener("DOMContentLoaded", drawWhenReady);
})();
