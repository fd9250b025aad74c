// CPU seconds of the spreadsheet module's batch steps in Node, as the page's worker calls them:
// open (read + group), evaluate every household as JSON text (evaluateRange, 5,000 at a time),
// JSON.parse. For A/B of builds in one sitting (docs/benchmarks.md “Browser batch”):
//   node scripts/sheet-bench.mjs <pkg-sheet dir> <file.csv|file.xlsx> [label]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const [dir, file, label = dir] = process.argv.slice(2);
const mod = await import(resolve(dir, "jingning_sheet.js"));
mod.initSync({ module: readFileSync(resolve(dir, "jingning_sheet_bg.wasm")) });
const bytes = new Uint8Array(readFileSync(file));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const laps = [];
let t = cpu();
const lap = (what) => {
  const now = cpu();
  laps.push(`${what} ${(now - t).toFixed(2)}`);
  t = now;
};
const session = new mod.BatchSession(bytes, file, { assessment_date: "2024-06-30" });
const info = session.info();
lap("open");
const texts = [];
for (let a = 0; a < info.households; a += 5000) texts.push(session.evaluateRange(a, Math.min(a + 5000, info.households)));
lap("evaluate");
let n = 0;
for (const text of texts) n += JSON.parse(text).households.length;
lap("parse");
console.log(`${label}: ${laps.join(", ")} s CPU (${n} households, ${info.total_rows} rows)`);
