// The course offline: a service worker that keeps each build of the course in a cache of its own
// and serves every page, and every page's Python worker, the files of the build it was loaded from.
// The build fills in BUILD (its version), FILES (each file some page loads, by the URL pages ask
// for it, with a hash of its bytes) and ON_DEMAND (the downloads the pages offer, with their hash
// where the build knows it).
//
// - Installing fills the build's cache: a file whose hash an older build's cache already holds is
//   copied from there, the rest comes from the browser's HTTP cache (what the page just loaded)
//   or else the network, and each is checked against its hash. So an update downloads only what
//   changed. The page registers this worker once it is live (offline.js), so none of this slows it.
// - A navigation opens this worker's build; a page's requests, and its Python worker's, are
//   answered from the build that page was loaded from, so a tab that did not take an update keeps
//   its own build's files until it reloads. A build's cache goes once no page uses it (checked
//   when this worker takes over, and when a page goes live).
// - Look-ups ignore the query string (Panel's `loading.css?v=1.9.4`, a lesson's `?figure.state`).
// - The downloads (notebooks, the SCORM packages) are kept once fetched; a page never cached,
//   asked for offline, gets static/offline.html.
//
// Messages in: "skip-waiting" (the learner accepted this build: take over),
//              "tidy" (a page is live: delete the caches of builds no page uses now).
"use strict";

const BUILD = "__BUILD__";
const FILES = {} /* __FILES__ */;
const ON_DEMAND = {} /* __ON_DEMAND__ */;
const BUILD_CACHE = "dlviz-build-";
const CACHE = BUILD_CACHE + BUILD;
const CLIENTS = "dlviz-clients"; // which build each page and worker was loaded from
const HASH = "X-Dlviz-Hash";
const SCOPE = self.registration.scope;

self.addEventListener("install", (event) => event.waitUntil(fill()));

self.addEventListener("activate", (event) => {
  event.waitUntil(forgetUnused(true).then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  else if (event.data === "tidy") event.waitUntil(forgetUnused(false));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  event.respondWith(answer(event, keyOf(url)));
});

// ------------------------------------------------------------ filling this build's cache

async function fill() {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith(BUILD_CACHE) && name !== CACHE);
  for (const [url, hash] of Object.entries(FILES)) {
    const key = keyOf(new URL(url, SCOPE));
    if (!(await cache.match(key))) await cache.put(key, await copyOrFetch(new URL(url, SCOPE), key, hash, older));
  }
}

// The file at `url` with this `hash`: from an older build's cache, else the HTTP cache (under the
// very URL the page asked for), else the network.
async function copyOrFetch(url, key, hash, older) {
  for (const name of older) {
    const kept = await caches.match(key, { cacheName: name });
    if (kept && kept.headers.get(HASH) === hash) return kept;
  }
  for (const mode of ["force-cache", "no-cache"]) {
    const response = await fetch(url, { cache: mode });
    const checked = response.ok && (await withHash(response, hash));
    if (checked) return checked;
  }
  throw new Error(`${key} on the server is not build ${BUILD}'s (was another build deployed meanwhile?)`);
}

// The response, marked with its hash, if its bytes have that hash (any, when `hash` is empty).
async function withHash(response, hash) {
  const bytes = await response.arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))];
  const actual = digest.map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hash && !actual.startsWith(hash)) return null;
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding"); // these bytes are already decoded
  headers.delete("Content-Length");
  headers.set(HASH, hash || actual);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

// ------------------------------------------------------------ answering

// The cache key of a URL in the site: no query string, no fragment; a folder means its index.html.
function keyOf(url) {
  const key = new URL(url.pathname, url);
  if (key.pathname.endsWith("/")) key.pathname += "index.html";
  return key.href;
}

async function answer(event, key) {
  const request = event.request;
  const navigation = request.mode === "navigate";
  const build = navigation ? BUILD : await buildOf(event.clientId);
  if (event.resultingClientId) remember(event, event.resultingClientId, build); // a page, or a page's worker
  const cached = await caches.match(key, { cacheName: BUILD_CACHE + build });
  if (cached) return cached;
  const path = key.slice(SCOPE.length);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (navigation) return offlinePage();
    throw error;
  }
  if (build === BUILD && path in ON_DEMAND && response.ok) {
    event.waitUntil(
      withHash(response.clone(), ON_DEMAND[path]).then((checked) => checked && caches.open(CACHE).then((cache) => cache.put(key, checked))),
    );
  }
  return response;
}

async function offlinePage() {
  const page = await caches.match(new URL("static/offline.html", SCOPE).href, { cacheName: CACHE });
  if (!page) return Response.error();
  // Served at any address in the site: its links resolve from the site's root.
  const html = (await page.text()).replace("<head>", `<head><base href="${SCOPE}">`);
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// ------------------------------------------------------------ which build each page is on

const builds = new Map(); // client id -> build, kept in the CLIENTS cache too (this worker may be stopped)

const clientKey = (id) => new URL(`.clients/${encodeURIComponent(id)}`, SCOPE).href;

async function buildOf(id) {
  if (!id) return BUILD;
  if (!builds.has(id)) {
    const saved = await caches.match(clientKey(id), { cacheName: CLIENTS });
    builds.set(id, saved ? await saved.text() : BUILD);
  }
  return builds.get(id);
}

function remember(event, id, build) {
  builds.set(id, build);
  event.waitUntil(caches.open(CLIENTS).then((cache) => cache.put(clientKey(id), new Response(build))));
}

// Delete the caches of builds no open page uses (and, when `clients` is set, forget closed pages).
async function forgetUnused(clients) {
  const open = await self.clients.matchAll({ includeUncontrolled: true, type: "all" });
  const used = new Set([BUILD, ...(await Promise.all(open.map((client) => buildOf(client.id))))]);
  for (const name of await caches.keys()) {
    if (name.startsWith(BUILD_CACHE) && !used.has(name.slice(BUILD_CACHE.length))) await caches.delete(name);
  }
  if (!clients) return;
  const ids = new Set(open.map((client) => clientKey(client.id)));
  const cache = await caches.open(CLIENTS);
  for (const request of await cache.keys()) {
    if (!ids.has(request.url)) await cache.delete(request);
  }
}
