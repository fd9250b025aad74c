// Serves the page's modules in one request: writes dist/js/page.js, every module that the page's
// entry scripts (js/app.js, js/batch.js) import, in the page's own registry
// (scripts/bundle-modules.mjs), and makes dist/index.html load it instead of the two entries.
//
// Why: the page is ~33 small modules. Over HTTP/1.1 a browser opens at most six connections to a
// server, so even with every module preloaded at once they arrived in rounds: on this host's
// test server under load, the last module came 350–750 ms after navigation, long after the wasm
// (docs/benchmarks.md “Page timings”), and nothing could run before it. One file arrives in one
// response. The modules stay in dist/js/ as they are: portals import js/elements.js itself
// (docs/portal.md), and the batch worker is still its own module. Both entries are in the one
// registry, so a module they share (indicator-store.js, with its listeners) exists once. The
// engine's module is asked for first, so its wasm compiles while the rest are evaluated.
// Run after build-offline.mjs (which reads the original index.html), before preload-links.mjs.
// Usage: node scripts/bundle-page.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleModules } from "./bundle-modules.mjs";

const dist = process.argv[2] ?? "dist";
const ENTRIES = ["js/app.js", "js/batch.js"];
const OUT = "js/page.js";

const { source, count } = bundleModules(dist, ENTRIES);
const script = [
  "// 静宁县政策核对 — the page's modules in one file (scripts/bundle-page.mjs); each is also in js/ as it is.",
  source,
  // The engine first: its wasm (preloaded) compiles in the background while the other modules
  // are evaluated, instead of after them. loadEngine() is the same promise the page awaits later.
  `__req("js/engine.js").loadEngine().catch(() => {});`,
  ...ENTRIES.map((e) => `__req(${JSON.stringify(e)});`),
].join("\n");
writeFileSync(join(dist, OUT), script);

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const tag = (path) => new RegExp(`^[ \\t]*<script type="module" src="\\./${path.replace(/[.]/g, "\\.")}"></script>\\n`, "m");
for (const e of ENTRIES) if (!tag(e).test(html)) throw new Error(`index.html: the ${e} script tag was not found`);
html = html.replace(tag(ENTRIES[0]), `  <script type="module" src="./${OUT}"></script>\n`);
for (const e of ENTRIES.slice(1)) html = html.replace(tag(e), "");
writeFileSync(indexPath, html);
console.log(`${OUT}: ${count} modules, ${(Buffer.byteLength(script) / 1024).toFixed(0)} KiB; index.html loads it`);
