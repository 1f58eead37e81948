// Moving between lessons: a lesson link swaps the page's content in place, so the worker (and
// Python) stay, and the next lesson pays no start-up. The new lesson's scripts take over on
// "lesson-opened" (on document). A lesson of another build (the course was updated meanwhile)
// and any link the page cannot fetch are loaded whole instead, so a page's HTML and scripts
// always come from one build. Back and Forward within one lesson (an anchor, the skip link)
// only scroll: the browser does that, and the lesson is not rebuilt.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  let shown = location.pathname; // the lesson on screen

  function isLessonLink(anchor) {
    return anchor && anchor.matches("a[data-lesson-link]") && anchor.origin === location.origin;
  }

  async function goTo(url, push) {
    let html;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      html = await response.text();
    } catch (error) {
      location.href = url; // let the browser (or the service worker) try
      return;
    }
    const next = new DOMParser().parseFromString(html, "text/html");
    if (next.documentElement.dataset.build !== document.documentElement.dataset.build) {
      if (push) location.assign(url);
      else location.reload(); // Back or Forward has already set the address
      return;
    }
    course.draw.clear();
    document.title = next.title;
    document.body.dataset.lesson = next.body.dataset.lesson || "";
    document.querySelector("main").replaceWith(document.adoptNode(next.querySelector("main")));
    for (const id of ["figures-json", "precomputed-json"]) {
      const oldData = document.getElementById(id);
      const newData = next.getElementById(id);
      if (oldData) oldData.remove();
      if (newData) document.body.appendChild(document.adoptNode(newData));
    }
    if (push) history.pushState({}, "", url);
    shown = location.pathname;
    const target = new URL(url, location.href).hash;
    if (target && document.querySelector(target)) document.querySelector(target).scrollIntoView();
    else window.scrollTo(0, 0);
    document.querySelector("main").focus({ preventScroll: true });
    document.body.classList.remove("figures-drawn", "figures-live");
    document.dispatchEvent(new CustomEvent("lesson-opened"));
  }

  document.addEventListener("click", (event) => {
    const anchor = event.target.closest("a");
    if (!isLessonLink(anchor) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (anchor.pathname === location.pathname && anchor.hash) return; // same page anchor
    event.preventDefault();
    goTo(anchor.href, true);
  });

  window.addEventListener("popstate", () => {
    if (location.pathname !== shown) goTo(location.href, false);
  });
})();
