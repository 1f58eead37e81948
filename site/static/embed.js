// Embedding. Runs from <head>: ?embed shows a lesson without the site's chrome, and
// ?embed&figure=NAME only that figure, for an iframe in an LMS or another site; such a page
// tells its parent its height (embed-host.js, on the parent's side, sizes the iframe).
// Under every figure, "Embed this figure" gives the snippet for that figure in its current
// state (course.state), titled with the figure's name and the lesson's.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const NAME = /^[a-z][a-z0-9_]{0,63}$/;
  if (query.has("embed")) {
    root.classList.add("embed");
    const figure = query.get("figure");
    if (figure && NAME.test(figure)) {
      root.classList.add("embed-figure");
      const style = document.createElement("style");
      style.textContent = `.lesson > figure[data-figure="${figure}"] { display: block !important; }`;
      document.head.appendChild(style);
    }
  }

  const escapeAttribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  // "polynomial_fit" in "The fundamentals of learning · Deep Learning, Visually" becomes
  // "Polynomial fit (The fundamentals of learning · Deep Learning, Visually)".
  function title(name) {
    const words = name.replace(/_/g, " ");
    return `${words[0].toUpperCase()}${words.slice(1)} (${document.title})`;
  }

  // STATE: the figure's state as query-string pairs (course.state), "" at its defaults.
  function snippet(name, state) {
    const source = new URL(`${location.pathname}?embed&figure=${name}${state ? `&${state}` : ""}`, location.href);
    const host = new URL("static/embed-host.js", document.baseURI);
    return (
      `<iframe src="${escapeAttribute(source.href)}" title="${escapeAttribute(title(name))}" data-dlviz-embed ` +
      `style="width:100%;height:620px;border:0" loading="lazy"></iframe>\n<script src="${host.href}"></script>`
    );
  }

  function addSnippets() {
    for (const figure of document.querySelectorAll("figure.course-figure")) {
      if (figure.querySelector(".embed-snippet")) continue;
      const details = document.createElement("details");
      details.className = "embed-snippet";
      details.innerHTML = '<summary>Embed this figure</summary><label>Paste this into a web page or an LMS (as HTML):<textarea readonly rows="3"></textarea></label><button type="button">Copy</button>';
      const text = details.querySelector("textarea");
      text.value = snippet(figure.dataset.figure, course.state ? course.state.current(figure.dataset.figure) : "");
      details.querySelector("button").addEventListener("click", async (event) => {
        text.select();
        try {
          await navigator.clipboard.writeText(text.value);
          event.target.textContent = "Copied";
        } catch (error) {
          event.target.textContent = "Press Ctrl+C to copy";
        }
      });
      figure.appendChild(details);
    }
  }

  function updateSnippet(event) {
    const figure = document.querySelector(`figure.course-figure[data-figure="${event.detail.name}"]`);
    const text = figure && figure.querySelector(".embed-snippet textarea");
    if (text) text.value = snippet(event.detail.name, event.detail.state);
  }

  // In an iframe, tell the embedding page our height whenever it changes.
  function reportHeightWhenEmbedded() {
    if (!root.classList.contains("embed") || window.parent === window) return;
    // The body's own height: the document's scrollHeight never drops below the iframe's.
    const report = () => window.parent.postMessage({ type: "dlviz-resize", height: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
    new ResizeObserver(report).observe(document.body);
    report();
  }

  document.addEventListener("DOMContentLoaded", () => {
    addSnippets();
    reportHeightWhenEmbedded();
  });
  document.addEventListener("lesson-opened", addSnippets);
  document.addEventListener("figure-state", updateSnippet);
})();
