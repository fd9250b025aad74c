// Writes <link rel="modulepreload"> for every module the page's entry scripts import statically,
// and a preload of the main wasm module, into dist/index.html. Without them the browser finds the
// modules one level of imports at a time (app.js → household.js → form-fields.js …) and asks for
// the wasm only once all are evaluated: about 200 ms on localhost before the engine even starts
// downloading. With them, everything downloads at once from the first parse of the page.
// Run after build-offline.mjs (the single-file page must not carry links: it fetches nothing).
// Usage: node scripts/preload-links.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";

const dist = process.argv[2] ?? "dist";
const ENTRIES = ["js/app.js", "js/batch.js"];
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

const indexPath = join(dist, "index.html");
const html = readFileSync(indexPath, "utf8");
const anchor = /^([ \t]*<script type="module" src="\.\/js\/app\.js"><\/script>)$/m;
if (!anchor.test(html)) throw new Error("index.html: the app.js script tag was not found");
writeFileSync(indexPath, html.replace(anchor, (line) => `${links.join("\n")}\n${line}`));
console.log(`index.html: preloads the wasm and ${modules.length} modules`);
