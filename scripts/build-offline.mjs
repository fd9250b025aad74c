// Builds the single-file page (dist/jingning-offline.html) for a USB stick or an e-mail attachment:
// opened from disk (file://), where ES module imports and fetching the .wasm cannot work.
//
// It is a deliberately tiny bundler for this page's own modules, relying on their conventions:
// imports are single-line `import … from "./x.js";` and exports are `export function|const|class`
// or a final `export { a, b as default };`. Each module becomes a function in a small registry,
// evaluated once on first use, in one inline <script type="module">; the wasm travels as base64
// (globalThis.__JN_WASM_B64, read by js/engine.js). The Content-Security-Policy allows exactly
// that script and that stylesheet by hash, and no connection at all. The custom elements
// (js/elements.js) cannot link their stylesheets from disk: they take the text from
// globalThis.__JN_CSS as constructed stylesheets.
// Usage: node scripts/build-offline.mjs dist dist/jingning-offline.html
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";

const dist = process.argv[2] ?? "dist";
const outPath = process.argv[3] ?? join(dist, "jingning-offline.html");
const ENTRY = "js/app.js";

const modules = new Map(); // path → wrapped source

function bundle(path) {
  if (modules.has(path)) return;
  modules.set(path, null);
  let src = readFileSync(join(dist, path), "utf8");
  const dir = posix.dirname(path);
  let n = 0;
  src = src.replace(/^[ \t]*import\s+(.+?)\s+from\s+["']([^"']+)["'];?[ \t]*$/gm, (_, clause, spec) => {
    const dep = posix.normalize(posix.join(dir, spec));
    bundle(dep);
    const m = `__m${n++}`;
    const out = [`const ${m} = __req(${JSON.stringify(dep)});`];
    for (const part of clause.split(/,(?![^{]*})/).map((s) => s.trim())) {
      if (part.startsWith("{")) {
        const names = part.slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean)
          .map((s) => s.replace(/^(\w+)\s+as\s+(\w+)$/, "$1: $2"));
        out.push(`const { ${names.join(", ")} } = ${m};`);
      } else if (part.startsWith("*")) {
        out.push(`const ${part.replace(/^\*\s+as\s+/, "")} = ${m};`);
      } else {
        out.push(`const ${part} = ${m}.default;`);
      }
    }
    return out.join(" ");
  });
  // A module imported for its effect only (`import "./elements.js";`: defines the custom elements).
  src = src.replace(/^[ \t]*import\s+["']([^"']+)["'];?[ \t]*$/gm, (_, spec) => {
    const dep = posix.normalize(posix.join(dir, spec));
    bundle(dep);
    return `__req(${JSON.stringify(dep)});`;
  });
  if (/^\s*import\s/m.test(src)) throw new Error(`${path}: an import the bundler does not understand`);
  const exported = [];
  src = src.replace(/^export\s+((?:async\s+)?function\*?|const|let|class)\s+(\w+)/gm, (_, kw, name) => {
    exported.push(`${name}: ${name}`);
    return `${kw} ${name}`;
  });
  src = src.replace(/^export\s*\{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const s of list.split(",").map((x) => x.trim()).filter(Boolean)) {
      const [local, as] = s.split(/\s+as\s+/);
      exported.push(`${as ?? local}: ${local}`);
    }
    return "";
  });
  if (/^export\s/m.test(src)) throw new Error(`${path}: an export the bundler does not understand`);
  modules.set(path, `__defs[${JSON.stringify(path)}] = function () {\n${src}\nreturn { ${exported.join(", ")} };\n};`);
}

bundle(ENTRY);
const css = readFileSync(join(dist, "style.css"), "utf8");
const elementsCss = readFileSync(join(dist, "elements.css"), "utf8");
const wasm = readFileSync(join(dist, "pkg/jingning_policy_bg.wasm")).toString("base64");
const script = [
  "// 静宁县政策核对 — single-file build: every module of the page, and the engine as base64.",
  "const __defs = {}, __cache = {};",
  "function __req(p) { if (!(p in __cache)) { __cache[p] = __defs[p](); } return __cache[p]; }",
  // A second, uncached evaluation of a module: js/engine.js takes a fresh copy of the engine's
  // glue this way to replace an instance that trapped.
  "globalThis.__JN_FRESH = (p) => __defs[p]();",
  ...modules.values(),
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
console.log(`${outPath}: ${(html.length / 1024).toFixed(0)} KiB, ${modules.size} modules inlined`);
