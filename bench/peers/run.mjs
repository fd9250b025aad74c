// make bench-peers: 100,000 synthetic households (generate.mjs) through every peer in one run —
// plain JS, json-rules-engine, GoRules ZEN, this project's JS API (pkg/, Node) and native CLI
// (target/release/jingning, the same households as a CSV sheet) — each engine's four outputs
// checked against the exact integer-fen reference (rules.mjs), figures printed as a table.
//
//   node bench/peers/run.mjs [N] [--smoke]
//
// --smoke: N defaults to 2,000, no timing table, only the generator, the reference, plain JS and
// this project's JS API; exits non-zero if the project disagrees with the reference anywhere.
// Households per second are per second of CPU time (user + system of this process, or of the CLI
// child): on a shared machine other processes stretch wall-clock time but cannot add to it. ZEN
// evaluates on its own threads with 64 requests in flight, as its users would run it; its CPU time
// counts every thread. Wall-clock seconds are printed beside. The figures go in docs/benchmarks.md;
// nothing here asserts a speed.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { households, toCase, toCsv, DATE } from "./generate.mjs";
import { plain, asYuan, exact, agrees } from "./rules.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? (smoke ? 2000 : 100_000));
const pkgDir = process.env.JINGNING_PKG ?? join(root, "pkg");
const cli = process.env.JINGNING_CLI ?? join(root, "target", "release", "jingning");

const api = await import(join(pkgDir, "jingning_policy.js"));
api.initSync({ module: readFileSync(join(pkgDir, "jingning_policy_bg.wasm")) });

// The lines in force on the date, from the project's own parameter files (never retyped here).
const inForce = (id) => {
  const p = api.paramsInForce(DATE).find((x) => x.id === id);
  if (!p?.in_force) throw new Error(`parameter ${id} not in force on ${DATE}`);
  return p.in_force.value;
};
const fen = (text) => {
  const [i, f = ""] = text.split(".");
  if (f.length > 2) throw new Error(`${text}: more than two decimals`);
  return Number(i) * 100 + Number(f.padEnd(2, "0"));
};
const standardText = inForce("dibao.standard_annual");
const edgeText = inForce("dibao.edge_multiplier");
const monitoringText = inForce("monitoring.income_threshold");
const [ei, ef = ""] = edgeText.split(".");
const F = { standard: fen(standardText), monitoring: fen(monitoringText), edgeNum: Number(ei + ef), edgeDen: 10 ** ef.length };
const L = { standard: Number(standardText), edge: Number(edgeText), monitoring: Number(monitoringText), standardText, edgeText, monitoringText };

const hs = households(N, F);
const want = hs.map((h) => exact(h, F));
const rows = [];
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Times `fn` (sync or async) over all households and checks its outputs against the reference. */
async function measure(name, note, prepare, fn) {
  const inputs = hs.map(prepare);
  const out = new Array(N);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await fn(inputs, out);
  const s = seconds(t0);
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1e6;
  let wrong = 0;
  const examples = [];
  for (let k = 0; k < N; k++) {
    if (!out[k] || !agrees(out[k], want[k])) {
      wrong++;
      if (examples.length < 3) examples.push(`${hs[k].id}: ${JSON.stringify(out[k])} ≠ ${JSON.stringify(want[k])}`);
    }
  }
  rows.push({ name, note, s, cpu, wrong, examples });
  console.error(`${name}: ${cpu.toFixed(2)} s CPU, ${s.toFixed(2)} s wall, ${wrong} wrong`);
}

/** The full result (the checklists `project` reads are not in the compact one, the API's default). */
const FULL = { detail: "full" };

/** The four outputs from this project's household result. */
function project(r) {
  const d = (code) => r.decisions.find((x) => x.measure === code);
  const met = (code, cond) => d(code)?.conditions?.find((c) => c.code === cond)?.met === true;
  return {
    pc_net: r.per_capita_net,
    pc_dibao: r.per_capita_dibao,
    dibao: met("dibao", "income_below_standard") ? "dibao" : met("dibao_edge", "below_edge_line") ? "edge" : "none",
    monitoring: d("monitoring")?.category ?? "none",
  };
}

await measure("plain JS (floats)", "hand-written, yuan as numbers", asYuan, (xs, out) => {
  for (let k = 0; k < N; k++) out[k] = plain(xs[k], L);
});
await measure("this project: evaluateHousehold", "JS API in Node, one call per household, full result", toCase, (xs, out) => {
  for (let k = 0; k < N; k++) out[k] = project(api.evaluateHousehold(xs[k], FULL));
});
if (typeof api.evaluateHouseholds === "function") {
  // The many-household call (issue 18), when the package has it.
  await measure("this project: evaluateHouseholds", "JS API in Node, one call for all", toCase, (xs, out) => {
    const rs = api.evaluateHouseholds(xs, FULL);
    for (let k = 0; k < N; k++) out[k] = project(rs[k]?.result ?? rs[k]);
  });
}

if (!smoke) {
  const { jsonRulesEngine, zen } = await import("./engines.mjs");
  const jre = jsonRulesEngine(L);
  await measure("json-rules-engine 7.3", "facts in JS, rules as JSON, one run per household", asYuan, async (xs, out) => {
    for (let k = 0; k < N; k++) out[k] = await jre(xs[k]);
  });
  const z = zen(L);
  await measure("GoRules ZEN 0.54", "JDM graph, 64 requests in flight", asYuan, async (xs, out) => {
    let next = 0;
    const lane = async () => {
      while (next < N) {
        const k = next++;
        out[k] = await z.evaluate(xs[k]);
      }
    };
    await Promise.all(Array.from({ length: 64 }, lane));
  });
  z.dispose();

  // The native CLI on the same households as a township sheet, one core, full output.
  const csv = `/tmp/jingning-peers-${N}.csv`;
  const outCsv = `/tmp/jingning-peers-${N}-out.csv`;
  writeFileSync(csv, toCsv(hs));
  if (existsSync(cli)) {
    // /usr/bin/time gives the child's CPU time on its last stderr line.
    const t0 = process.hrtime.bigint();
    const run = spawnSync("/usr/bin/time", ["-f", "%U %S", cli, "batch", csv, "--date", DATE, "--jobs", "1", "--out", outCsv], { stdio: ["ignore", "ignore", "pipe"] });
    const s = seconds(t0);
    if (run.status !== 0) throw new Error(`jingning batch failed: ${run.stderr}`);
    const [user, sys] = String(run.stderr).trim().split("\n").at(-1).split(" ").map(Number);
    const cpu = user + sys;
    const got = cliOutputs(readFileSync(outCsv, "utf8"));
    let wrong = 0;
    const examples = [];
    hs.forEach((h, k) => {
      if (!got.has(h.id) || !agrees(got.get(h.id), want[k])) {
        wrong++;
        if (examples.length < 3) examples.push(`${h.id}: ${JSON.stringify(got.get(h.id))} ≠ ${JSON.stringify(want[k])}`);
      }
    });
    rows.push({ name: "this project: jingning batch (native)", note: "CSV in, CSV with every result column out, --jobs 1, process start included", s, cpu, wrong, examples });
    console.error(`jingning batch: ${cpu.toFixed(2)} s CPU, ${s.toFixed(2)} s wall, ${wrong} wrong`);
  } else {
    rows.push({ name: "this project: jingning batch (native)", note: `${cli} missing: cargo build --release --bin jingning`, s: NaN, cpu: NaN, wrong: NaN, examples: [] });
  }
}

/** The CLI's result sheet: per household, the four outputs read from its 【核查】 columns. */
function cliOutputs(text) {
  const table = parseCsv(text.replace(/^\uFEFF/, ""));
  const head = table[0];
  const col = (h) => {
    const i = head.indexOf(h);
    if (i < 0) throw new Error(`result column ${h} missing`);
    return i;
  };
  // Measure columns are found by the start of their title (e.g. 【核查】农村低保（整户）).
  const col2 = (h) => head.findIndex((x) => x.startsWith(h));
  const [id, net, dibao] = ["户编号", "【核查】人均纯收入（元）", "【核查】低保计算人均收入（元）"].map(col);
  const [dib, edge, mon] = ["【核查】农村低保", "【核查】低保边缘", "【核查】防止返贫监测"].map((h) => {
    const i = col2(h);
    if (i < 0) throw new Error(`result column ${h}… missing`);
    return i;
  });
  const out = new Map();
  for (const row of table.slice(1)) {
    if (!row[net]) continue; // member rows after the first carry no results
    out.set(row[id], {
      pc_net: row[net].replace(/,/g, ""),
      pc_dibao: row[dibao].replace(/,/g, ""),
      dibao: cliVerdict(row[dib]) ? "dibao" : cliVerdict(row[edge]) ? "edge" : "none",
      monitoring: row[mon].includes("脱贫不稳定户") ? "unstable" : row[mon].includes("边缘易致贫户") ? "edge" : "none",
    });
  }
  return out;
}

/** A verdict cell says the measure applies or would apply once recognised. */
function cliVerdict(cell) {
  return /^(符合|待认定)/.test(cell);
}

function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const fmt = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
console.log(`\n${N.toLocaleString("en-US")} households, ${DATE}; lines: 低保 ${standardText} 元, 边缘 ×${edgeText}, 监测 ${monitoringText} 元/人·年; Node ${process.version}`);
console.log(`${want.filter((w) => w.dibao === "dibao").length} 低保, ${want.filter((w) => w.dibao === "edge").length} 边缘, ${want.filter((w) => w.monitoring !== "none").length} monitoring (reference)\n`);
console.log("| engine | households per CPU second | CPU s | wall s | wrong vs exact | how |");
console.log("|---|---:|---:|---:|---:|---|");
for (const r of rows) {
  console.log(`| ${r.name} | ${smoke ? "—" : fmt(N / r.cpu)} | ${smoke ? "—" : r.cpu.toFixed(2)} | ${smoke ? "—" : r.s.toFixed(2)} | ${Number.isNaN(r.wrong) ? "—" : r.wrong} | ${r.note} |`);
}
// Examples of disagreements (in the smoke run only this project's, which fail it).
for (const r of rows) if (!smoke || r.name.startsWith("this project")) for (const e of r.examples) console.log(`  ${r.name}: ${e}`);
const ours = rows.filter((r) => r.name.startsWith("this project") && !Number.isNaN(r.wrong));
if (ours.some((r) => r.wrong > 0)) {
  console.error("this project disagrees with the exact reference (above)");
  process.exit(1);
}
