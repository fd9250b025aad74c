// Builds the single-file page (dist/jingning-offline.html) for a USB stick or an e-mail attachment:
// opened from disk (file://), where ES module imports and fetching the .wasm cannot work.
//
// Every module of the page goes into one inline <script type="module"> (the page's tiny bundler,
// scripts/bundle-modules.mjs: a registry of module functions); the wasm travels as base64
// (globalThis.__JN_WASM_B64, read by js/engine.js). The Content-Security-Policy allows exactly
// that script and that stylesheet by hash, and no connection at all. The custom elements
// (js/elements.js) cannot link their stylesheets from disk: they take the text from
// globalThis.__JN_CSS as constructed stylesheets.
// Usage: node scripts/build-offline.mjs dist dist/jingning-offline.html
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleModules } from "./bundle-modules.mjs";

const dist = process.argv[2] ?? "dist";
const outPath = process.argv[3] ?? join(dist, "jingning-offline.html");
const ENTRY = "js/app.js";

const { source: modules, count } = bundleModules(dist, [ENTRY]);
const css = readFileSync(join(dist, "style.css"), "utf8");
const elementsCss = readFileSync(join(dist, "elements.css"), "utf8");
const wasm = readFileSync(join(dist, "pkg/jingning_policy_bg.wasm")).toString("base64");
const script = [
  "// 静宁县政策核对 — single-file build: every module of the page, and the engine as base64.",
  modules,
  `globalThis.__JN_WASM_B64 = "${wasm}";`,
  `globalThis.__JN_CSS = ${JSON.stringify([css, elementsCss])};`,
  `__req(${JSON.stringify(ENTRY)});`,
].join("\n");
if (/<\/script/i.test(script)) throw new Error("a module contains </script");
const sha = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = readFileSync(join(dist, "index.html"), "utf8");
const replaceOnce = (re, by) => {
  if (!re.test(html)) throw new Error(`index.html: ${re} not found`);
  html = html.replace(re, () => by);
};
replaceOnce(/<meta http-equiv="Content-Security-Policy"[^>]*>/s, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replaceOnce(/<link rel="stylesheet" href="\.\/style\.css">/, `<style>${css}</style>`);
replaceOnce(/<script type="module" src="\.\/js\/app\.js"><\/script>/, `<script type="module">${script}</script>`);
// 批量核查 needs a Web Worker and a second wasm module, neither of which works from file://: the
// single-file build leaves the section, its stylesheet and its script out.
replaceOnce(/\s*<link rel="stylesheet" href="\.\/batch\.css">/, "");
replaceOnce(/\s*<button [^>]*id="tab-batch"[^>]*>批量核查<\/button>/, "");
replaceOnce(/\s*<script type="module" src="\.\/js\/batch\.js"><\/script>/, "");
replaceOnce(/\s*<!-- ===== 批量核查[\s\S]*?<!-- ===== \/批量核查 ===== -->/, "");
html = html.replace(/<!-- Everything runs in this page:[\s\S]*?-->/, "<!-- Single-file build: no request of any kind may leave this page. -->");
writeFileSync(outPath, html);
console.log(`${outPath}: ${(html.length / 1024).toFixed(0)} KiB, ${count} modules inlined`);
