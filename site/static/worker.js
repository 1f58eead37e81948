// The page's Python: Pyodide in a Web Worker, so nothing it computes freezes the page.
// One worker serves every lesson the learner opens in this tab: Python starts once.
//
// Each figure is a Bokeh document of its own, built in the order the page asks for
// (the ones on screen first), so each answers its controls as soon as it is drawn.
// Python's side is dlviz/worker.py; the page's side is live.js.
//
// Messages in:  {type: "go"}                                     start Python (the page has drawn)
//               {type: "open", slug, order, query, generation}  build a lesson's figures, in order, in the
//                                                               state the page's query string (its link) gives
//               {type: "rendered", name, generation}            the page drew one: start syncing it
//               {type: "patch", name, patch, generation}        the learner changed a control
//               {type: "state", name, query, generation}        set a figure to the state a query string gives
//               {type: "code", name, source, generation}        run the figure with the learner's version of its
//                                                               changeable core function (source null: the original)
// Messages out: {type: "progress", percent, message}
//               {type: "render", name, figure, generation}      one figure's document, as JSON
//               {type: "patch", name, patch, buffers, generation}
//               {type: "state", name, state, query, generation} a figure's state as query-string pairs, and
//                                                               the page's whole query string to write back;
//                                                               after "render", each "patch" and each "state"
//               {type: "idle", name, generation}                ready for the next patch
//               {type: "code", name, result, generation}        after "code", a "patch" the learner's code failed
//                                                               on, or a "render" whose link carried code: {error (Python's message, or null), yours,
//                                                               original (the two read-outs), source (now running)}
//               {type: "error", message, detail}
//               {type: "blocked", effectiveDirective, blockedURI, disposition}  a Content-Security-Policy
//                                                                  violation here (the page words it)
//
// A query string is the page's text for figure state (?figure.parameter=value&...): only
// Python reads or writes it (dlviz/state.py); the page passes it on untouched.
"use strict";

importScripts("pyodide/pyodide.js");

// A host that does not know .wasm (an LMS such as Moodle, by its own file-type table) serves
// pyodide.asm.wasm as application/octet-stream, which the streaming compile refuses; Pyodide 0.28
// uses it with no fallback. Such a file is compiled from its bytes instead. (The other files the
// worker loads, .json, .zip and .whl, are read as bytes or text, whatever their type.)
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (/^application\/wasm\b/i.test(response.headers.get("Content-Type") || "")) return instantiateStreaming(response, imports);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
};

const PYODIDE_PACKAGES = [] /* __PYODIDE_PACKAGES__ filled in by the build */;
const PANEL_CDN_ROOT = "" /* __PANEL_CDN_ROOT__ filled in by the build */;
// What the worker fetches (Pyodide's WebAssembly, standard library and packages, and the course),
// in bytes: the status counts them down.
const DOWNLOAD_BYTES = 0 /* __DOWNLOAD_BYTES__ filled in by the build */;
const SITE_PACKAGES = "/lib/python3.13/site-packages";

let python = null; // the dlviz.worker module, once Python is ready
let generation = 0; // the lesson the page is showing; older patches are dropped
// Figures built whose document is on its way to the page, by name: the queries asked for them
// meanwhile, applied once the page has drawn them (their changes would not reach it before).
let unlinked = new Map();
// The page says "go" once its first pre-rendered figure is on screen (or soon after
// it starts): compiling Python's WebAssembly would otherwise compete with drawing it.
let go;
const goSignal = new Promise((resolve) => {
  go = resolve;
});
const started = boot();

let phase = { percent: 0, message: "Starting" }; // what the worker is doing, but downloading
let downloaded = 0;
let lastReport = 0;

function progress(percent, message) {
  phase = { percent, message };
  self.postMessage({ type: "progress", percent, message });
}

// Every fetch of the worker (Pyodide's too) counts its bytes as they arrive: "Downloading, 3.1 of 18.9 MB".
const fetchUncounted = self.fetch.bind(self);
const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
self.fetch = async (...args) => {
  const response = await fetchUncounted(...args);
  if (!response.body || !DOWNLOAD_BYTES) return response;
  const counting = new TransformStream({
    transform(chunk, controller) {
      downloaded += chunk.byteLength;
      const now = Date.now();
      if (now - lastReport > 200 && downloaded < DOWNLOAD_BYTES) {
        lastReport = now;
        const percent = Math.max(phase.percent, Math.round((60 * downloaded) / DOWNLOAD_BYTES));
        self.postMessage({ type: "progress", percent, message: `${phase.message}: ${megabytes(downloaded)} of ${megabytes(DOWNLOAD_BYTES)} MB downloaded` });
      }
      controller.enqueue(chunk);
    },
    flush() {
      if (String(args[0].url || args[0]).endsWith(".wasm")) progress(40, "Starting Python"); // compiling it
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counting), { status, statusText, headers });
};

// Python tags each figure's changes "generation/name" (see dlviz.worker.link).
function sendPatch(patch, buffers, tag) {
  const [patchGeneration, name] = tag.split("/");
  self.postMessage({ type: "patch", name, patch, buffers, generation: Number(patchGeneration) });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download ${url} (${error.message})`);
  }
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response.arrayBuffer();
}

// Pyodide 0.28 only warns, and then waits forever, when its WebAssembly cannot be
// fetched or compiled: turn that warning into an error the page can show.
function runtimeFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn;
    console.warn = (...args) => {
      warn(...args);
      if (String(args[0]).includes("instantiation failed")) {
        reject(new Error("the Python runtime (pyodide.asm.wasm) could not be loaded"));
      }
    };
  });
}

async function boot() {
  // Download the course's Python at once, while the page draws and the runtime starts.
  const archiveDownload = fetchBytes(new URL("python.zip", self.location).href);
  archiveDownload.catch(() => {}); // reported when awaited below
  await goSignal;
  progress(5, "Downloading Python");
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: new URL("pyodide/", self.location).href,
      env: { PANEL_CDN_ROOT, HOME: "/home/pyodide" },
    }),
    runtimeFailure(),
  ]);
  progress(60, "Loading numpy");
  const failures = [];
  await pyodide.loadPackage(PYODIDE_PACKAGES, {
    messageCallback: () => {},
    errorCallback: (message) => failures.push(message),
  });
  if (failures.length) throw new Error(failures.join("; "));
  progress(70, "Unpacking the course");
  const archive = await archiveDownload;
  try {
    pyodide.unpackArchive(archive, "zip", { extractDir: SITE_PACKAGES });
  } catch (error) {
    throw new Error(`python.zip is damaged: ${summarise(String(error.message))}`);
  }
  // numpy, Bokeh, Panel, the figures: each step and the modules imported so far, a few times a second.
  pyodide.pyimport("dlviz.starting").import_for_figures((step, name, modules) => {
    progress(75 + step, `Importing ${name}: ${modules} modules`);
  });
  python = pyodide.pyimport("dlviz.worker");
}

async function openLesson(message) {
  await started;
  generation = message.generation;
  unlinked = new Map();
  python.open_lesson(message.slug, message.query);
  for (const [index, name] of message.order.entries()) {
    progress(80 + Math.round((20 * index) / message.order.length), `Preparing figures, ${index + 1} of ${message.order.length}`);
    await nextTask(); // let the learner's changes to figures already live go first
    if (generation !== message.generation) return; // the learner moved on meanwhile
    self.postMessage({ type: "render", name, figure: python.open_figure(name), generation });
    unlinked.set(name, []);
    const linked = JSON.parse(python.linked_code(name));
    if (linked) self.postMessage({ type: "code", name, result: linked, generation });
    reportState(name);
  }
}

function setState(name, query) {
  if (python.set_state(name, query)) reportState(name);
}

function reportState(name) {
  self.postMessage({ type: "state", name, state: python.figure_query(name), query: python.page_query(), generation });
}

// One line for the learner: a Python traceback's last "Kind: message" line, else the first line.
function summarise(text) {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  if (!lines.some((line) => line.startsWith("Traceback"))) return lines[0] || text;
  return lines.filter((line) => /^[\w.]+: /.test(line)).pop() || lines[lines.length - 1];
}

function report(error) {
  const text = String(error && error.message ? error.message : error);
  self.postMessage({ type: "error", message: summarise(text), detail: text });
}

self.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "go") {
      go();
      return;
    }
    if (message.type === "open") {
      await openLesson(message);
      return;
    }
    await started; // a "state" may come before Python is up: it waits its turn behind "open"
    if (message.generation !== generation) {
      return; // about a lesson that is no longer open
    } else if (message.type === "rendered") {
      python.link(message.name, sendPatch, `${message.generation}/${message.name}`);
      const asked = unlinked.get(message.name) || [];
      unlinked.delete(message.name);
      for (const query of asked) setState(message.name, query);
    } else if (message.type === "patch") {
      const undone = JSON.parse(python.apply_patch(message.name, message.patch));
      for (const [name, result] of Object.entries(undone)) self.postMessage({ type: "code", name, result, generation });
      reportState(message.name);
      self.postMessage({ type: "idle", name: message.name, generation });
    } else if (message.type === "code") {
      // null would reach Python as JsNull: undefined reaches it as None, the original.
      const result = JSON.parse(python.change_code(message.name, message.source === null ? undefined : message.source));
      self.postMessage({ type: "code", name: message.name, result, generation });
      reportState(message.name);
    } else if (message.type === "state") {
      if (unlinked.has(message.name)) unlinked.get(message.name).push(message.query);
      else setState(message.name, message.query);
    }
  } catch (error) {
    report(error);
  }
};

started.catch(report);
self.addEventListener("securitypolicyviolation", ({ effectiveDirective, blockedURI, disposition }) => {
  self.postMessage({ type: "blocked", effectiveDirective, blockedURI, disposition });
});
