// Offline: the service worker (sw.js) keeps each build of the course cached, and answers every
// page with its own build's files. It is registered once the page is live (a lesson's first
// live figure; the load of a page without figures), so its downloads never slow the start;
// then, and whenever the browser comes back online or a lesson opens, it checks for a new build.
// A new build installs beside the one in use, downloading only what changed, and is offered:
// accepting reloads this tab; other tabs keep their own build until they reload.
//
//   course.build    this page's build, as in <html data-build> (filled in by the build)
"use strict";

(() => {
  const course = (window.course = window.course || {});
  course.build = "__BUILD__";
  let registering = null; // the service worker's registration, once asked for

  function keepOffline() {
    if (registering || !("serviceWorker" in navigator) || location.protocol === "file:") return;
    if (document.documentElement.classList.contains("scorm")) return; // the LMS serves the files
    registering = navigator.serviceWorker.register("sw.js");
    registering
      .then((registered) => {
        offerWhenWaiting(registered);
        window.addEventListener("online", checkForUpdate);
        document.addEventListener("lesson-opened", checkForUpdate);
        const controller = navigator.serviceWorker.controller;
        if (!controller) return; // a first visit: register() has just fetched the service worker
        controller.postMessage("tidy");
        checkForUpdate();
        // Another tab took a new build: this one keeps its own, and offers to reload into the new one.
        navigator.serviceWorker.addEventListener("controllerchange", () => offerUpdate(registered));
      })
      .catch((error) => console.warn("offline use unavailable:", error));
  }

  function checkForUpdate() {
    registering.then((registered) => registered.update()).catch(() => {}); // offline: the next time
  }

  // Offer the new build once it is installed and waiting, however far it got before this page looked.
  function offerWhenWaiting(registered) {
    const offer = () => registered.waiting && navigator.serviceWorker.controller && offerUpdate(registered);
    const follow = (worker) => worker && worker.addEventListener("statechange", offer);
    follow(registered.installing);
    registered.addEventListener("updatefound", () => follow(registered.installing));
    offer();
  }

  function offerUpdate(registered) {
    if (document.getElementById("update-offer")) return;
    const offer = document.createElement("div");
    offer.id = "update-offer";
    offer.className = "update-offer";
    offer.setAttribute("role", "status");
    offer.innerHTML = 'A new version of the course is ready. <button type="button">Reload to use it</button>';
    offer.querySelector("button").addEventListener("click", () => {
      if (!registered.waiting) {
        location.reload(); // another tab has already switched to it
        return;
      }
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      registered.waiting.postMessage("skip-waiting");
    });
    document.body.prepend(offer);
  }

  // This page's HTML and scripts are of one build, or it reloads (once). They differ when Back or
  // Forward takes the HTML from the browser's cache and the scripts from a newer build on the host.
  function reloadIfMixed() {
    if (document.documentElement.dataset.build === course.build) return;
    const tried = `dlviz-reloaded ${location.pathname} ${course.build}`;
    try {
      if (sessionStorage.getItem(tried)) return;
      sessionStorage.setItem(tried, "yes");
    } catch (error) {
      return; // no way to tell a second try from the first: never loop
    }
    location.reload();
  }

  reloadIfMixed();
  // A deferred script: the page is parsed, so whether it has figures is known.
  if (document.getElementById("figures-json")) document.addEventListener("figure-live", keepOffline, { once: true });
  else window.addEventListener("load", keepOffline, { once: true });
})();
