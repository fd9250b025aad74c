#!/usr/bin/env node
// `make package`: the npm package for portal developers, packed with `npm pack` into
// jingning-policy-<version>.tgz at the top of the repository (version from Cargo.toml).
//
// Layout (the same relative paths as dist/, so the page's modules work unchanged):
//   index.js / index.d.ts      the engine's API (pkg/jingning_policy.js) and loadEngine()
//   pkg/                       the main wasm module and its glue and declarations
//   pkg-sheet/                 the spreadsheet wasm module (import "jingning-policy/sheet")
//   js/elements.js             the custom elements, and every page module they import
//   elements.d.ts, embed.d.ts  the elements' and the iframe messages' types (types/jingning_embed.d.ts)
//   style.css, elements.css    the elements' stylesheets (loaded in their shadow roots)
//   README.md                  docs/portal.md
// Only Node's standard library; needs pkg/ and pkg-sheet/ built (make pkg pkg-sheet).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
const license = cargo.match(/^\[package\][^[]*?^license\s*=\s*"([^"]+)"/ms)?.[1];
if (!version) throw new Error("Cargo.toml: no [package] version");

const stage = join(root, "target", "package", "jingning-policy");
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

const copy = (from, to = from) => {
  const src = join(root, from);
  if (!existsSync(src)) throw new Error(`${from} is missing (pkg/ and pkg-sheet/ come from make pkg pkg-sheet)`);
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  cpSync(src, join(stage, to));
};

for (const f of ["jingning_policy.js", "jingning_policy_bg.wasm", "jingning_policy.d.ts", "jingning_policy_bg.wasm.d.ts"]) copy(`pkg/${f}`);
for (const f of ["jingning_sheet.js", "jingning_sheet_bg.wasm", "jingning_sheet.d.ts", "jingning_sheet_bg.wasm.d.ts"]) copy(`pkg-sheet/${f}`);
copy("www/style.css", "style.css");
copy("www/elements.css", "elements.css");
// In the package the engine's declarations are in pkg/.
writeFileSync(join(stage, "embed.d.ts"), readFileSync(join(root, "types/jingning_embed.d.ts"), "utf8").replace('from "./jingning_policy.js"', 'from "./pkg/jingning_policy.js"'));
copy("docs/portal.md", "README.md");

// The page modules the elements reach: static imports, and files named by
// `new URL("./x.js", import.meta.url)` (workers), followed from js/elements.js.
const seen = new Set();
const refs = /(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"|new URL\("(\.{1,2}\/[^"]+)",\s*import\.meta\.url\)/g;
function follow(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(join(root, "www", file), "utf8");
  for (const m of text.matchAll(refs)) {
    const target = relative(join(root, "www"), resolve(join(root, "www", dirname(file)), m[1] ?? m[2])).split("\\").join("/");
    if (target.startsWith("js/")) follow(target);
    else if (!existsSync(join(stage, target))) throw new Error(`${file} refers to ${target}, which the package does not carry`);
  }
}
follow("js/elements.js");
for (const f of seen) copy(`www/${f}`, f);

writeFileSync(join(stage, "index.js"), `// The rule engine's JS API (docs/portal.md). \`await init()\` (or loadEngine(), which the elements use)
// before calling any function.
export * from "./pkg/jingning_policy.js";
export { default } from "./pkg/jingning_policy.js";
export { loadEngine } from "./js/engine.js";
`);
writeFileSync(join(stage, "index.d.ts"), `export * from "./pkg/jingning_policy.js";
export { default } from "./pkg/jingning_policy.js";
export type * from "./embed.js";
/** Loads the wasm once (the elements share it) and returns the engine's functions, guarded. */
export declare function loadEngine(): Promise<typeof import("./pkg/jingning_policy.js")>;
`);
writeFileSync(join(stage, "elements.d.ts"), `// Importing "jingning-policy/elements" defines <jn-household-check>, <jn-village-scorecard>, <jn-dibao-quick>.
export type { JnHouseholdCheck, JnVillageScorecard, JnDibaoQuick, JnResultDetail, JnErrorDetail } from "./embed.js";
`);

const pkg = {
  name: "jingning-policy",
  version,
  description: "静宁县有效衔接政策核对：规则引擎（WebAssembly）、门户用的自定义元素与 iframe 嵌入",
  license,
  type: "module",
  main: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.js" },
    "./elements": { types: "./elements.d.ts", default: "./js/elements.js" },
    "./sheet": { types: "./pkg-sheet/jingning_sheet.d.ts", default: "./pkg-sheet/jingning_sheet.js" },
    "./embed": { types: "./embed.d.ts" },
    "./package.json": "./package.json",
    "./*": "./*",
  },
  // Importing the elements module defines the custom elements.
  sideEffects: ["./js/elements.js"],
  files: ["index.js", "index.d.ts", "elements.d.ts", "embed.d.ts", "style.css", "elements.css", "pkg", "pkg-sheet", "js", "README.md"],
  keywords: ["jingning", "policy", "wasm", "web-components"],
};
writeFileSync(join(stage, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);

const out = execFileSync("npm", ["pack", "--pack-destination", root, "--json"], { cwd: stage, encoding: "utf8" });
const packed = JSON.parse(out)[0];
console.log(`${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes (${[...seen].length} page modules)`);
