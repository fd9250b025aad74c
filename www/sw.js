// Service worker: keeps the page's own static files so it opens and works with the network off.
// It caches nothing else — never a case, never a form — and fetches nothing but those files.
// scripts/build-dist.sh fills in VERSION, FILES and LATER for each build.
const VERSION = "dev";
const FILES = ["./", "./index.html", "./style.css"];
// The spreadsheet module (pkg-sheet/): cached at install too, so 批量核查 works offline even if
// no sheet was opened while online; after the page's own files, and its failure (a poor
// connection) does not stop the page from working offline.
const LATER = [];
const CACHE = `jn-static-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const c = await caches.open(CACHE);
    await c.addAll(FILES);
    await c.addAll(LATER).catch(() => {
      // Fetched again (and kept) when a sheet is first opened.
    });
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("jn-static-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  // Cache first (a poor connection must not stall the page), network for anything not cached.
  // The spreadsheet module, if install could not keep it, is kept when first fetched.
  const lazy = new URL(req.url).pathname.includes("/pkg-sheet/");
  event.respondWith(caches.open(CACHE).then(async (c) => {
    // The files are the same whichever origin asks: a server that varies its CORS header by
    // Origin (serve.py --cors, a portal's) sends `Vary: Origin`, which must not make a miss.
    const hit = await c.match(req, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    const res = await fetch(req);
    if (lazy && res.ok) await c.put(req, res.clone());
    return res;
  }));
});
