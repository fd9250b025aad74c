// Writes the file list and a content hash into dist/sw.js, so the service worker caches exactly
// this build's own files and a new build replaces the old offline copy.
// Usage: node scripts/stamp-sw.mjs dist
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dist = process.argv[2] ?? "dist";
const skip = new Set(["sw.js", "jingning-offline.html", "pkg/jingning_policy.d.ts"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [relative(dist, p).split(sep).join("/")];
  });
}

// The spreadsheet module (pkg-sheet/, ~1.1 MB gzipped) is cached at install after the page's own
// files (LATER): batch work must run offline even if no sheet was opened online, and its download
// failing must not stop the page itself from being cached.
const all = walk(dist).filter((f) => !skip.has(f)).sort();
const files = all.filter((f) => !f.startsWith("pkg-sheet/"));
const later = all.filter((f) => f.startsWith("pkg-sheet/") && !f.endsWith(".d.ts")).map((f) => `./${f}`);
const hash = createHash("sha256");
for (const f of all) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest("hex").slice(0, 12);
const list = ["./", ...files.map((f) => `./${f}`)];

const swPath = join(dist, "sw.js");
let sw = readFileSync(swPath, "utf8");
sw = sw.replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(list)};`)
  .replace(/^const LATER = .*;$/m, `const LATER = ${JSON.stringify(later)};`);
if (!sw.includes(version)) throw new Error("sw.js: VERSION line not found");
writeFileSync(swPath, sw);
console.log(`sw.js: ${list.length} files + ${later.length} later, version ${version}`);
