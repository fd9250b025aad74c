// Writes the engine's catalogue (what compact results refer to by id: documents, citations with
// excerpts, built-in parameters, measures, fields, outcome labels) as JSON beside the page, from
// the built module itself, so it always matches the engine it ships with.
// Usage: node scripts/write-catalogue.mjs dist/catalogue.json
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import init, { catalogue } from "../pkg/jingning_policy.js";

const root = fileURLToPath(new URL("../", import.meta.url));
await init({ module_or_path: readFileSync(`${root}pkg/jingning_policy_bg.wasm`) });
const out = process.argv[2] ?? "dist/catalogue.json";
writeFileSync(out, JSON.stringify(catalogue()));
console.log(`${out}: ${readFileSync(out).length} bytes`);
