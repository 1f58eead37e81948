// The status line over a lesson (#python-status): what Python is doing while it loads, what
// failed, and a Retry button, which fires "python-retry" on document.
//
//   course.status.show(text, {percent, error, retry})  percent fills the bar; retry shows the button
//   course.status.hide()
//   course.status.warnIfSlow(seconds)                  after that long still loading: say so, offer Retry
"use strict";

(() => {
  const course = (window.course = window.course || {});
  let slowTimer = null;

  function element() {
    return document.getElementById("python-status");
  }

  function show(text, { percent = null, error = false, retry = false } = {}) {
    const status = element();
    if (!status) return;
    if (error) clearTimeout(slowTimer);
    status.hidden = false;
    status.classList.toggle("error", error);
    status.querySelector(".status-text").textContent = text;
    const bar = status.querySelector("progress");
    bar.hidden = percent === null;
    if (percent !== null) bar.value = percent;
    status.querySelector("button").hidden = !retry;
  }

  function hide() {
    clearTimeout(slowTimer);
    const status = element();
    if (status) status.hidden = true;
  }

  function warnIfSlow(seconds) {
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      const status = element();
      if (status && !status.hidden && !status.classList.contains("error")) {
        status.querySelector(".status-text").textContent += " (this is taking longer than usual)";
        status.querySelector("button").hidden = false;
      }
    }, seconds * 1000);
  }

  course.status = { show, hide, warnIfSlow };
  document.addEventListener("DOMContentLoaded", () => {
    const status = element();
    if (status) status.querySelector("button").addEventListener("click", () => document.dispatchEvent(new CustomEvent("python-retry")));
  });
})();
