// Drawing figures: each figure is a Bokeh document of its own, drawn into its place in the
// lesson (#figure-NAME). When a lesson opens, the build's pre-rendered pictures are drawn at
// once, the ones nearest the screen first, each painted before the next; live.js draws the
// live ones the same way.
//
//   course.draw.prerendered()          {name: document JSON} from the page (#figures-json)
//   course.draw.byNearness(names)      the names, figures on screen first, then the nearest below, then above
//   course.draw.embed(name, data)      draw one document into its place; resolves to its views
//   course.draw.clear(element)         remove the drawn views inside element (every view without one)
//   course.draw.documentOf(name)       the Bokeh document drawn in figure NAME's place, or null
//   "figure-drawn" (detail: name), then "figures-drawn" and body.figures-drawn, on document
"use strict";

(() => {
  const course = (window.course = window.course || {});

  function prerendered() {
    const script = document.getElementById("figures-json");
    return script ? JSON.parse(script.textContent) : {};
  }

  function figureElement(name) {
    return document.getElementById(`figure-${name}`);
  }

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

  function clear(element) {
    if (!window.Bokeh || !Bokeh.index) return;
    for (const view of [...Bokeh.index.roots]) {
      if (!element || element.contains(view.el)) view.remove();
    }
  }

  function documentOf(name) {
    const element = figureElement(name);
    if (!element || !window.Bokeh || !Bokeh.index) return null;
    const view = [...Bokeh.index.roots].find((root) => element.contains(root.el));
    return view ? view.model.document : null;
  }

  // Draw one figure's document into its element, keeping the element's height meanwhile.
  async function embed(name, data) {
    const element = figureElement(name);
    if (!element) return null;
    element.style.minHeight = `${element.offsetHeight}px`;
    clear(element);
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

  async function drawPrerendered() {
    const data = prerendered();
    const lesson = document.body.dataset.lesson;
    for (const name of byNearness(Object.keys(data))) {
      if (!window.Bokeh || document.body.dataset.lesson !== lesson) return;
      const live = figureElement(name) && figureElement(name).closest("figure.figure-live");
      if (!live) await embed(name, data[name]);
      await nextFrame(); // paint this one before drawing the next
      document.dispatchEvent(new CustomEvent("figure-drawn", { detail: name }));
    }
    document.body.classList.add("figures-drawn");
    document.dispatchEvent(new CustomEvent("figures-drawn"));
  }

  function open() {
    drawPrerendered().catch((error) => console.error(error));
  }

  course.draw = { prerendered, byNearness, embed, clear, documentOf };
  document.addEventListener("DOMContentLoaded", open);
  document.addEventListener("lesson-opened", open);
})();
