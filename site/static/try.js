// Try-this buttons: each (written by the build from a lesson's `::: try FIGURE PAIRS` block) sets its
// figure to the state in its data-query, exactly as a link with that query string would
// (course.state.request, state.js), brings the figure into view and marks what to look for.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const NOT_LIVE = "The figures on this page are pictures just now, so this button cannot set them: once they are live (the line at the bottom says how Python is doing), press it again.";

  function tryThis(button) {
    const box = button.closest(".try-this");
    const name = box.dataset.figure;
    const sent = course.state && course.state.request(name, box.dataset.query);
    const root = document.getElementById(`figure-${name}`);
    if (root) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      root.closest("figure").scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "nearest" });
    }
    for (const other of document.querySelectorAll(".try-this.tried")) other.classList.remove("tried");
    box.classList.add("tried");
    let note = box.querySelector(".try-note");
    if (!sent) {
      if (!note) {
        note = document.createElement("p");
        note.className = "try-note";
        note.setAttribute("role", "status");
        box.append(note);
      }
      note.textContent = NOT_LIVE;
    } else if (note) {
      note.remove();
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".try-button");
    if (button) tryThis(button);
  });
})();
