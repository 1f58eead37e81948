// Runs before the page is drawn: ?embed shows a lesson without the site's chrome, and
// ?embed&figure=NAME shows only that figure, for an iframe in an LMS or another site.
"use strict";
(() => {
  const query = new URLSearchParams(location.search);
  if (!query.has("embed")) return;
  const root = document.documentElement;
  root.classList.add("embed");
  const figure = query.get("figure");
  if (figure && /^[a-z][a-z0-9_]{0,63}$/.test(figure)) {
    root.classList.add("embed-figure");
    const style = document.createElement("style");
    style.textContent = `.lesson > figure[data-figure="${figure}"] { display: block !important; }`;
    document.head.appendChild(style);
  }
})();
