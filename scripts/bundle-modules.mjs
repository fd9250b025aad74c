// The page's own tiny module bundler, shared by the single-file page (build-offline.mjs) and the
// served page's one-request bundle (bundle-page.mjs). It relies on the page's conventions:
// imports are single-line `import … from "./x.js";` (or `import "./x.js";` for an effect) and
// exports are `export function|const|class` or a final `export { a, b as default };`. Each module
// becomes a function in a small registry, evaluated once on first use (`__req`), so modules are
// evaluated in the order ES modules would be. A module may be evaluated afresh with
// `globalThis.__JN_FRESH(path)` (js/engine.js takes a spare copy of the engine's glue that way).
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

/**
 * The registry's source for `entries` (paths under `dist`, e.g. "js/app.js") and every module
 * they import, without evaluating anything: append `__req("js/app.js");` to run an entry.
 * Returns { source, count }.
 */
export function bundleModules(dist, entries) {
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
  for (const e of entries) bundle(e);
  const source = [
    "const __defs = {}, __cache = {};",
    "function __req(p) { if (!(p in __cache)) { __cache[p] = __defs[p](); } return __cache[p]; }",
    // A second, uncached evaluation of a module: js/engine.js takes a fresh copy of the engine's
    // glue this way to replace an instance that trapped.
    "globalThis.__JN_FRESH = (p) => __defs[p]();",
    ...modules.values(),
  ].join("\n");
  return { source, count: modules.size };
}
