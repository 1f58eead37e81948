// Figures that answer before Python: the states the build precomputed (dlviz/precompute.py,
// #precomputed-json). Until a figure is live, moving one of its precomputed controls shows that
// state at once: the page applies the state's changes to the figure's Bokeh document, and asks
// Python for the same state (course.live.request, by the state's query string), so the live figure
// arrives showing it. A move the build did not foresee (another control) waits for Python instead
// (waiting.js keeps it). This works where Python cannot start too (a page opened from a file).
//
//   course.precomputed.states(name)   figure NAME's precomputed states as the build wrote them, or null
//   "figure-precomputed" (detail {name, query}) on document: a precomputed state is on screen
"use strict";

(() => {
  const course = (window.course = window.course || {});
  let data = {}; // figure name -> {controls: [[parameter, attribute]], base, states}

  function figureOf(name) {
    const root = document.getElementById(`figure-${name}`);
    return root ? root.closest("figure") : null;
  }

  function load() {
    const script = document.getElementById("precomputed-json");
    data = script ? JSON.parse(script.textContent) : {};
    for (const name of Object.keys(data)) {
      const figure = figureOf(name);
      if (figure) figure.classList.add("figure-precomputed");
    }
  }

  function same(a, b) {
    if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // The precomputed state the figure's controls are in, or null if the learner moved it off them.
  function stateNow(name, jsdoc) {
    const entry = data[name];
    const declared = entry.controls.map(([parameter]) => parameter);
    if (Object.keys(course.waiting.moves(name)).some((parameter) => !declared.includes(parameter))) return null;
    const controls = course.waiting.controls(jsdoc);
    const values = entry.controls.map(([parameter, attribute]) => controls[parameter] && controls[parameter][attribute]);
    return entry.states.find((state) => state.values.every((value, i) => same(value, values[i]))) || null;
  }

  // Every attribute any state changes takes this state's value, else its default.
  function show(name, jsdoc, state) {
    const events = [];
    for (const [id, attributes] of Object.entries(data[name].base)) {
      const changed = state.changes[id] || {};
      for (const [attr, base] of Object.entries(attributes)) {
        events.push({ kind: "ModelChanged", model: { id }, attr, new: attr in changed ? changed[attr] : base });
      }
    }
    jsdoc.apply_json_patch({ events }, new Map());
  }

  function onMoved(name) {
    const figure = figureOf(name);
    if (!data[name] || !figure || figure.classList.contains("figure-live")) return;
    const jsdoc = course.draw.documentOf(name);
    const state = jsdoc && stateNow(name, jsdoc);
    if (!state) {
      figure.classList.remove("figure-precomputed"); // Python will show it: waiting.js says so
      return;
    }
    show(name, jsdoc, state);
    if (course.live) course.live.request(name, state.query);
    if (course.timeline) course.timeline.push([`precomputed ${name}`, Math.round(performance.now())]);
    document.dispatchEvent(new CustomEvent("figure-precomputed", { detail: { name, query: state.query } }));
  }

  course.precomputed = { states: (name) => data[name] || null };
  document.addEventListener("DOMContentLoaded", load);
  document.addEventListener("lesson-opened", load);
  document.addEventListener("figure-moved", (event) => onMoved(event.detail.name));
})();
