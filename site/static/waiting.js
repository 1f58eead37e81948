// Figures before Python is live: their controls say so, and nothing the learner does is lost.
// Until a figure is live, a note beside its controls says what Python is doing ("Loading numpy,
// 45%"); a move of one of its controls (a widget model the build tagged "control:PARAMETER",
// see dlviz/page.py) is kept, by parameter, and replayed on the live figure the moment it
// arrives, so Python applies it; buttons, which act rather than hold a state, wait disabled.
// precomputed.js shows such a move at once where the build computed the figure's states.
//
//   course.waiting.controls(jsdoc)   {parameter: model}: the controls of a figure's Bokeh document
//   course.waiting.moves(name)       {parameter: {attribute: value}}: the moves kept for figure NAME
//   "figure-moved" (detail {name, parameter, model}) on document: a control moved before its figure was live
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const TAG = "control:";
  const BUTTONS = new Set(["Button", "Toggle"]);
  let moves = Object.create(null); // figure name -> {parameter: {attribute: value}}
  let progress = "Python is starting";

  function parameterOf(model) {
    const tag = (model.tags || []).find((t) => typeof t === "string" && t.startsWith(TAG));
    return tag ? tag.slice(TAG.length) : null;
  }

  function controls(jsdoc) {
    const found = {};
    for (const model of jsdoc.all_models) {
      const parameter = parameterOf(model);
      if (parameter) found[parameter] = model;
    }
    return found;
  }

  function figureOf(name) {
    const root = document.getElementById(`figure-${name}`);
    return root ? root.closest("figure") : null;
  }

  function isLive(name) {
    const figure = figureOf(name);
    return !figure || figure.classList.contains("figure-live");
  }

  // The note sits over the figure's top corner, beside its first control: it moves nothing.
  function noteText(name) {
    const figure = figureOf(name);
    const now = figure && figure.classList.contains("figure-precomputed");
    const kept = moves[name] && Object.keys(moves[name]).length;
    if (now) return `Answers now · ${progress}`;
    if (progress === "No Python on this page" || progress === "Python could not start") return progress;
    return kept ? `${progress} · your change applies when it is ready` : progress;
  }

  function showNote(name) {
    const figure = figureOf(name);
    if (!figure || isLive(name)) return;
    let note = figure.querySelector(".figure-wait");
    if (!note) {
      note = document.createElement("p");
      note.className = "figure-wait";
      figure.prepend(note);
    }
    note.textContent = noteText(name);
  }

  function removeNote(name) {
    const figure = figureOf(name);
    const note = figure && figure.querySelector(".figure-wait");
    if (note) note.remove();
  }

  function onDrawn(name) {
    if (isLive(name)) return;
    const jsdoc = course.draw.documentOf(name);
    if (!jsdoc) return;
    for (const model of jsdoc.all_models) {
      if (BUTTONS.has(model.constructor.__name__) && !parameterOf(model)) model.disabled = true;
    }
    jsdoc.on_change((event) => {
      const parameter = event.model && event.attr ? parameterOf(event.model) : null;
      if (!parameter || isLive(name)) return;
      const kept = (moves[name] = moves[name] || {});
      kept[parameter] = { ...(kept[parameter] || {}), [event.attr]: event.value };
      document.dispatchEvent(new CustomEvent("figure-moved", { detail: { name, parameter, model: event.model } }));
      showNote(name);
    }, false);
    showNote(name);
  }

  // The live figure takes the learner's moves: its controls change, so the page sends them to Python.
  function onLive(name) {
    removeNote(name);
    const kept = moves[name];
    delete moves[name];
    const jsdoc = kept && course.draw.documentOf(name);
    if (!jsdoc) return;
    const live = controls(jsdoc);
    for (const [parameter, values] of Object.entries(kept)) {
      if (live[parameter]) live[parameter].setv(values);
    }
  }

  function onProgress({ message, percent }) {
    progress = percent === null ? message : `${message}, ${percent}%`;
    for (const note of document.querySelectorAll(".figure-wait")) {
      const name = note.closest("figure").dataset.figure;
      note.textContent = noteText(name);
    }
  }

  course.waiting = { controls, moves: (name) => moves[name] || {} };
  document.addEventListener("figure-drawn", (event) => onDrawn(event.detail));
  document.addEventListener("figure-live", (event) => onLive(event.detail));
  document.addEventListener("python-progress", (event) => onProgress(event.detail));
  document.addEventListener("lesson-opened", () => {
    moves = Object.create(null);
  });
  document.addEventListener("python-blocked", () => document.querySelectorAll(".figure-wait").forEach((note) => note.remove()));
})();
