// Offline: every page registers the service worker (sw.js), which keeps one build of the
// course cached. A new build installs beside the one in use and waits: the page offers to
// switch, so one page never mixes two versions' files.
"use strict";

(() => {
  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
    if (document.documentElement.classList.contains("scorm")) return; // the LMS serves the files
    navigator.serviceWorker
      .register("sw.js")
      .then((registration) => {
        const offer = () => registration.waiting && navigator.serviceWorker.controller && offerUpdate(registration.waiting);
        offer();
        registration.addEventListener("updatefound", () => {
          registration.installing.addEventListener("statechange", offer);
        });
      })
      .catch((error) => console.warn("offline use unavailable:", error));
  }

  function offerUpdate(waiting) {
    if (document.getElementById("update-offer")) return;
    const offer = document.createElement("div");
    offer.id = "update-offer";
    offer.className = "update-offer";
    offer.setAttribute("role", "status");
    offer.innerHTML = 'A new version of the course is ready. <button type="button">Reload to use it</button>';
    offer.querySelector("button").addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      waiting.postMessage("skip-waiting");
    });
    document.body.prepend(offer);
  }

  window.addEventListener("load", registerServiceWorker);
})();
