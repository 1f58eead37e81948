// The course offline: every file of one build, cached together under that build's version.
// The build fills in VERSION (a hash of every file) and FILES (every file's URL).
"use strict";

const VERSION = "__VERSION__";
const FILES = [] /* __FILES__ */;
const CACHE = `dlviz-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("dlviz-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A page may ask the waiting version to take over (the learner accepted the update).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const navigation = request.mode === "navigate";
      const url = new URL(request.url);
      const key = navigation && url.pathname.endsWith("/") ? new URL("index.html", url) : request;
      const cached = await cache.match(key, { ignoreSearch: navigation });
      return cached || fetch(request);
    }),
  );
});
