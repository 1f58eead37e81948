// The page's Python: Pyodide in a Web Worker, so nothing it computes freezes the page.
// One worker serves every lesson the learner opens in this tab: Python starts once.
//
// Each figure is a Bokeh document of its own, built in the order the page asks for
// (the ones on screen first), so each answers its controls as soon as it is drawn.
//
// Messages in:  {type: "go"}                                      start Python (the page has drawn)
//               {type: "open", slug, order, states, generation}  build a lesson's figures, in order
//               {type: "rendered", name, generation}             the page drew one: start syncing it
//               {type: "patch", name, patch, generation}         the learner changed a control
// Messages out: {type: "progress", percent, message}
//               {type: "render", name, figure, generation}       one figure's document, as JSON
//               {type: "patch", name, patch, buffers, generation}
//               {type: "idle", name, generation, states}         ready for the next patch; the figures' state
//               {type: "error", message, detail}
//               {type: "blocked", effectiveDirective, blockedURI, disposition}  a Content-Security-Policy
//                                                                  violation here (the page words it)
"use strict";

importScripts("pyodide/pyodide.js");

const PYODIDE_PACKAGES = [] /* __PYODIDE_PACKAGES__ filled in by the build */;
const PANEL_CDN_ROOT = "" /* __PANEL_CDN_ROOT__ filled in by the build */;
const SITE_PACKAGES = "/lib/python3.13/site-packages";

let browser = null; // the dlviz.worker module, once Python is ready
let generation = 0; // the lesson the page is showing; older patches are dropped
// The page says "go" once its first pre-rendered figure is on screen (or soon after
// it starts): compiling Python's WebAssembly would otherwise compete with drawing it.
let go;
const goSignal = new Promise((resolve) => {
  go = resolve;
});
const started = boot();

function progress(percent, message) {
  self.postMessage({ type: "progress", percent, message });
}

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
  progress(5, "Loading Python");
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: new URL("pyodide/", self.location).href,
      env: { PANEL_CDN_ROOT, HOME: "/home/pyodide" },
    }),
    runtimeFailure(),
  ]);
  progress(45, "Loading numpy");
  const failures = [];
  await pyodide.loadPackage(PYODIDE_PACKAGES, {
    messageCallback: () => {},
    errorCallback: (message) => failures.push(message),
  });
  if (failures.length) throw new Error(failures.join("; "));
  progress(65, "Unpacking the course");
  const archive = await archiveDownload;
  try {
    pyodide.unpackArchive(archive, "zip", { extractDir: SITE_PACKAGES });
  } catch (error) {
    throw new Error(`python.zip is damaged: ${summarise(String(error.message))}`);
  }
  progress(75, "Starting Panel");
  await pyodide.runPythonAsync("import dlviz.worker");
  browser = pyodide.pyimport("dlviz.worker");
}

async function openLesson(message) {
  await started;
  generation = message.generation;
  browser.open_lesson(message.slug, message.states || "{}");
  progress(90, "Building the figures");
  for (const name of message.order) {
    await nextTask(); // let the learner's changes to figures already live go first
    if (generation !== message.generation) return; // the learner moved on meanwhile
    self.postMessage({ type: "render", name, figure: browser.open_figure(name), generation });
  }
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
    } else if (message.type === "open") {
      await openLesson(message);
    } else if (message.generation !== generation) {
      return; // about a lesson that is no longer open
    } else if (message.type === "rendered") {
      browser.link(message.name, sendPatch, `${message.generation}/${message.name}`);
    } else if (message.type === "patch") {
      browser.apply_patch(message.name, message.patch);
      self.postMessage({ type: "idle", name: message.name, generation, states: browser.figure_states() });
    }
  } catch (error) {
    report(error);
  }
};

started.catch(report);
self.addEventListener("securitypolicyviolation", ({ effectiveDirective, blockedURI, disposition }) => {
  self.postMessage({ type: "blocked", effectiveDirective, blockedURI, disposition });
});
