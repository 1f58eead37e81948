// What each figure shows, in words, for screen readers: each figure's read-out is copied into
// its live region (.figure-now, aria-live) whenever it changes, and Bokeh's unnamed controls
// (a slider's handle, a checkbox) get the names their labels show.
"use strict";

(() => {
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

  function announceFigures() {
    for (const figure of document.querySelectorAll("figure.course-figure")) {
      nameControls(figure);
      const now = figure.querySelector(".figure-now");
      const text = readoutText(figure);
      if (now && text && now.textContent !== text) now.textContent = text;
    }
  }

  document.addEventListener("figures-drawn", announceFigures);
  document.addEventListener("figures-live", announceFigures);
  document.addEventListener("figure-state", announceFigures);
  document.addEventListener("figure-live", (event) => {
    const element = document.getElementById(`figure-${event.detail}`);
    if (element) requestAnimationFrame(() => nameControls(element));
  });
})();
