// What each figure shows, in words, for screen readers: each figure's read-out is copied into
// its live region (.figure-now, aria-live) when it changes, at most once every PACE_MS while it
// keeps changing (during Play), and always its latest text, never a stale one. Bokeh's unnamed
// controls (a slider's handle, a checkbox) get the names their labels show, and a slider's handle
// says the value its label shows (noUiSlider's own text rounds it to two decimals: 0.038 as 0.04).
"use strict";

(() => {
  const PACE_MS = 2000;
  const saying = new WeakSet(); // the sliders' shadow roots whose handle says the shown value

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

  // A slider's handle says the value its slider shows, whichever of noUiSlider and Bokeh writes
  // last (Bokeh may draw the value anew: both are found again in the slider's shadow root).
  function sayShownValue(shadow) {
    const follow = () => {
      const handle = shadow.querySelector(".noUi-handle");
      const shown = shadow.querySelector(".bk-slider-value");
      const text = shown ? shown.textContent.trim() : "";
      if (handle && text && handle.getAttribute("aria-valuetext") !== text) handle.setAttribute("aria-valuetext", text);
    };
    follow();
    new MutationObserver(follow).observe(shadow, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-valuetext"],
    });
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
      const handle = shadow.querySelector(".noUi-handle");
      named(handle, shadow.querySelector(".bk-slider-title"));
      if (handle && !saying.has(shadow)) {
        saying.add(shadow);
        sayShownValue(shadow);
      }
      named(shadow.querySelector("input[type=checkbox]:not([aria-label])"), shadow.querySelector(".bk-label"));
      for (const tool of shadow.querySelectorAll(".bk-OnOffButton[title], .bk-ClickButton[title]")) tool.setAttribute("role", "button");
      nameControls(shadow);
    }
  }

  function announce(figure) {
    const now = figure.querySelector(".figure-now");
    const text = readoutText(figure);
    if (now && text && now.textContent !== text) now.textContent = text;
  }

  // A change is said at once when the last was said PACE_MS ago or more; otherwise once that
  // time is up, with the read-out as it is then.
  const paced = new Map(); // figure -> {said: time, waiting: bool}
  function announceSoon(figure) {
    const pace = paced.get(figure) || { said: -Infinity, waiting: false };
    paced.set(figure, pace);
    if (pace.waiting) return;
    const wait = Math.max(0, pace.said + PACE_MS - performance.now());
    pace.waiting = true;
    setTimeout(() => {
      pace.waiting = false;
      pace.said = performance.now();
      announce(figure);
    }, wait);
  }

  function announceFigures() {
    for (const figure of document.querySelectorAll("figure.course-figure")) {
      nameControls(figure);
      announce(figure);
    }
  }

  document.addEventListener("figures-drawn", announceFigures);
  document.addEventListener("figures-live", announceFigures);
  // A change may draw a control anew (its names go with it): name the figure's controls again.
  const onChange = (name) => {
    const element = document.getElementById(`figure-${name}`);
    if (!element) return;
    nameControls(element);
    announceSoon(element.closest("figure"));
  };
  document.addEventListener("figure-state", (event) => onChange(event.detail.name));
  document.addEventListener("figure-patched", (event) => onChange(event.detail));
  document.addEventListener("figure-precomputed", (event) => onChange(event.detail.name));
  document.addEventListener("figure-live", (event) => {
    const element = document.getElementById(`figure-${event.detail}`);
    if (element) requestAnimationFrame(() => nameControls(element));
  });
})();
