// Writes a preload of the main wasm module, and <link rel="modulepreload"> for every module the
// page's entry scripts import statically, into dist/index.html. Without them the browser finds the
// modules one level of imports at a time (app.js → household.js → form-fields.js …) and asks for
// the wasm only once all are evaluated: about 200 ms on localhost before the engine even starts
// downloading. With them, everything downloads at once from the first parse of the page. The
// entries are the module scripts index.html loads: since bundle-page.mjs that is js/page.js alone,
// which imports nothing, so only the wasm is preloaded.
// Run after build-offline.mjs (the single-file page must not carry links: it fetches nothing)
// and bundle-page.mjs.
// Usage: node scripts/preload-links.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
const html = readFileSync(indexPath, "utf8");
const ENTRIES = [...html.matchAll(/^[ \t]*<script type="module" src="\.\/([^"]+)"><\/script>$/gm)].map((m) => m[1]);
if (!ENTRIES.length) throw new Error("index.html: no module script found");
const seen = new Set();

function follow(path) {
  if (seen.has(path)) return;
  seen.add(path);
  const src = readFileSync(join(dist, path), "utf8");
  // Static imports only (`import … from "./x.js"`, `import "./x.js"`): dynamic ones load on demand.
  for (const m of src.matchAll(/^[ \t]*import\s+(?:[^"';]+?\s+from\s+)?["'](\.{1,2}\/[^"']+)["'];?/gm)) {
    follow(posix.normalize(posix.join(posix.dirname(path), m[1])));
  }
}
for (const e of ENTRIES) follow(e);
const modules = [...seen].filter((p) => !ENTRIES.includes(p)).sort();

const links = [
  // Same request as js/engine.js's fetch (same-origin, CORS mode), so the download is reused.
  `<link rel="preload" href="./pkg/jingning_policy_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
  ...modules.map((p) => `<link rel="modulepreload" href="./${p}">`),
].map((l) => `  ${l}`);

const anchor = new RegExp(`^([ \\t]*<script type="module" src="\\./${ENTRIES[0].replace(/[.]/g, "\\.")}"><\\/script>)$`, "m");
writeFileSync(indexPath, html.replace(anchor, (line) => `${links.join("\n")}\n${line}`));
console.log(`index.html: preloads the wasm and ${modules.length} modules`);
