// A/B of builds of the main module in one Node process: each directory given is a wasm-pack output
// (`pkg/` or a copy of it made under another profile or allocator); the builds take turns, round
// after round, on the same households, so the host's load drifts over all of them alike (timings
// here drift 1.6× over minutes: figures from separate runs are not comparable). Best round by the
// process's CPU time; also checks that every build gives the same compact result for every household.
// Run: `taskset -c 0 node bench/js/ab.mjs 2000 /tmp/pkg-a /tmp/pkg-b …` (docs/benchmarks.md, docs/size.md).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "./cases.mjs";

const N = Number(process.argv[2] ?? 2000);
const dirs = process.argv.slice(3);
if (dirs.length === 0) throw new Error("usage: node bench/js/ab.mjs N PKG_DIR [PKG_DIR …]");
const ROUNDS = Number(process.env.BENCH_JS_ROUNDS ?? 7);

const builds = [];
for (const dir of dirs) {
  // Each directory's glue is its own module with its own wasm instance.
  const mod = await import(pathToFileURL(resolve(dir, "jingning_policy.js")).href);
  await mod.default({ module_or_path: readFileSync(resolve(dir, "jingning_policy_bg.wasm")) });
  builds.push({ dir, engine: mod });
}

const { cases } = generate(N);
const compact = { detail: "compact" };
const full = { detail: "full" };
const variants = [];
for (const b of builds) {
  variants.push({ label: `${b.dir}: evaluateHousehold, compact`, fn: () => { for (const c of cases) b.engine.evaluateHousehold(c, compact); } });
  variants.push({ label: `${b.dir}: evaluateHousehold, full`, fn: () => { for (const c of cases) b.engine.evaluateHousehold(c, full); } });
  variants.push({ label: `${b.dir}: evaluateHouseholds, 1000 per call, compact`, fn: () => { for (let i = 0; i < N; i += 1000) b.engine.evaluateHouseholds(cases.slice(i, i + 1000), compact); } });
  variants.push({ label: `${b.dir}: evaluateHouseholds, 1000 per call, full`, fn: () => { for (let i = 0; i < N; i += 1000) b.engine.evaluateHouseholds(cases.slice(i, i + 1000), full); } });
}

// Same answers from every build (the point of an A/B is speed, not a different result): one call per
// household and many per call (with a household that cannot be evaluated among them), compact and full.
const answers = (engine) => {
  const some = cases.slice(0, 300);
  const list = [...some.slice(0, 20), { schema: "jingning.household/1", members: [{ age: -1 }] }];
  return JSON.stringify([some.map((c) => engine.evaluateHousehold(c, compact)), engine.evaluateHouseholds(list, compact), engine.evaluateHouseholds(list, full)]);
};
const reference = answers(builds[0].engine);
for (const b of builds.slice(1)) {
  if (answers(b.engine) !== reference) throw new Error(`${b.dir} gives other results than ${builds[0].dir}`);
}

for (const v of variants) v.fn(); // warm up
const best = variants.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  variants.forEach((v, k) => {
    const t = process.cpuUsage();
    v.fn();
    const used = process.cpuUsage(t);
    best[k] = Math.max(best[k], N / ((used.user + used.system) / 1e6));
  });
}
console.log(`node ${process.version}, ${N.toLocaleString("en-US")} households per round, ${ROUNDS} rounds, builds alternating`);
variants.forEach((v, k) => console.log(`${v.label.padEnd(72)} ${Math.round(best[k]).toLocaleString("en-US").padStart(9)} households/s (best round, CPU time)`));
