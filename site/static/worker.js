// The page's Python: Pyodide in a Web Worker, so nothing it computes freezes the page.
// One worker serves every lesson the learner opens in this tab: Python starts once.
//
// Messages in:  {type: "open", slug, states, generation}  build a lesson's figures
//               {type: "rendered", generation}             the page drew them: start syncing
//               {type: "patch", patch, generation}         the learner changed a control
// Messages out: {type: "progress", percent, message}
//               {type: "render", docs_json, render_items, roots, generation}
//               {type: "patch", patch, buffers, generation}
//               {type: "idle", generation, states}         ready for the next patch; the figures' state
//               {type: "error", message, detail}
"use strict";

importScripts("pyodide/pyodide.js");

const PYODIDE_PACKAGES = [] /* __PYODIDE_PACKAGES__ filled in by the build */;
const SITE_PACKAGES = "/lib/python3.13/site-packages";

let browser = null; // the dlviz.browser module, once Python is ready
let generation = 0; // the lesson the page is showing; older patches are dropped
const started = boot();

function progress(percent, message) {
  self.postMessage({ type: "progress", percent, message });
}

function sendPatch(patch, buffers, patchGeneration) {
  self.postMessage({ type: "patch", patch, buffers, generation: patchGeneration });
}

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
  progress(5, "Loading Python");
  // Download the course's Python while the runtime starts.
  const archiveDownload = fetchBytes(new URL("python.zip", self.location).href);
  archiveDownload.catch(() => {}); // reported when awaited below
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: new URL("pyodide/", self.location).href,
      env: { PANEL_CDN_ROOT: "static/panel/", HOME: "/home/pyodide" },
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
    throw new Error(`python.zip is damaged (${error.message})`);
  }
  progress(75, "Starting Panel");
  await pyodide.runPythonAsync("import dlviz.browser");
  browser = pyodide.pyimport("dlviz.browser");
}

async function openLesson(message) {
  await started;
  generation = message.generation;
  progress(90, "Building the figures");
  const [docsJson, renderItems, roots] = browser.open_lesson(message.slug, message.states || "{}").toJs();
  if (generation !== message.generation) return; // the learner moved on meanwhile
  self.postMessage({
    type: "render",
    docs_json: docsJson,
    render_items: renderItems,
    roots,
    generation: message.generation,
  });
}

function report(error) {
  const text = String(error && error.message ? error.message : error);
  const lines = text.trim().split("\n");
  const summary = lines.filter((line) => /^\w*(Error|Exception)\b/.test(line)).pop() || lines[lines.length - 1];
  self.postMessage({ type: "error", message: summary, detail: text });
}

self.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "open") {
      await openLesson(message);
    } else if (message.generation !== generation) {
      return; // about a lesson that is no longer open
    } else if (message.type === "rendered") {
      browser.link(sendPatch, message.generation);
    } else if (message.type === "patch") {
      browser.apply_patch(message.patch);
      self.postMessage({ type: "idle", generation, states: browser.figure_states() });
    }
  } catch (error) {
    report(error);
  }
};

started.catch(report);
