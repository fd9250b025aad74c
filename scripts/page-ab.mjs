// A/B of the page's own timings (issue 18's page targets), two builds of dist/ alternated in one
// sitting: this host's timings drift by more than the difference between builds within minutes, so
// builds are only compared with each other, round by round, never with figures of another hour.
//
// Each round, for each build (order alternated round by round: A B, B A, A B, …):
//  - `--loads` fresh browser contexts (no HTTP cache, no service worker) open the page; the
//    `jn-first-verdicts` mark (ms after navigation start) and, for the breakdown, the main wasm's
//    download window, the `jn-engine-ready` mark (js/engine.js; "—" for builds without it) and
//    DOMContentLoaded;
//  - one more context opens the nine-member household of tests/e2e/page-perf.spec.mjs and types
//    `--keys` keystrokes into its 工资性收入 field (a digit, then Backspace, in turn), reading the
//    `jn-update` measure of each (form read → verdicts shown) and, from the browser's Event Timing,
//    whether the keystroke took 16 ms or more to the next paint (layout and paint included).
// Prints each round and the medians per build, with the load average. Asserts nothing.
//
//   node scripts/page-ab.mjs A=/tmp/dist-before B=dist [--rounds 3] [--loads 5] [--keys 15]
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { nineMembers } from "../tests/e2e/fixtures/nine-members.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const builds = args.filter((a) => /^[A-Za-z0-9_-]+=/.test(a)).map((a) => {
  const [name, dir] = a.split(/=(.*)/s);
  return { name, dir };
});
if (builds.length < 1) {
  console.error("usage: node scripts/page-ab.mjs A=<dist dir> B=<dist dir> [--rounds N] [--loads N] [--keys N]");
  process.exit(2);
}
const ROUNDS = opt("rounds", 3);
const LOADS = opt("loads", 5);
const KEYS = opt("keys", 15);
const BASE_PORT = opt("port", Number(process.env.AB_PORT ?? 8152));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f0 = (x) => (x == null ? "—" : x.toFixed(0));
const f1 = (x) => (x == null ? "—" : x.toFixed(1));

/** Event Timing figures: how many keystrokes took ≥ 16 ms to the next paint, and their median. */
const paintLine = (paints) => {
  const slow = paints.filter((x) => x != null);
  return `to next paint ≥ 16 ms: ${slow.length} of ${paints.length}${slow.length ? ` (median of those ${f0(median(slow))} ms)` : ""}`;
};

const servers = builds.map((b, i) => {
  b.port = BASE_PORT + i;
  b.first = [];
  b.keys = [];
  b.paints = [];
  b.rounds = [];
  // Its errors are not shown: a context closed while the service worker was still caching the
  // page leaves the server a broken pipe per file, which says nothing about the builds.
  return spawn("python3", ["scripts/serve.py", b.dir, "--port", String(b.port), "--quiet"], { stdio: ["ignore", "inherit", "ignore"] });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const contextOptions = { locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 768 } };

/** One fresh load: first verdicts and where the time went. */
async function load(b) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${b.port}/`);
  await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
  const t = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith("jingning_policy_bg.wasm"));
    const nav = performance.getEntriesByType("navigation")[0];
    return { first: mark("jn-first-verdicts"), engine: mark("jn-engine-ready"), wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd, dcl: nav?.domContentLoadedEventEnd };
  });
  await context.close();
  return t;
}

/** One context typing KEYS keystrokes in the nine-member household: each update's duration. */
async function keystrokes(b) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${b.port}/`);
  await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
  await page.evaluate((draft) => {
    dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
    sessionStorage.setItem("jn.draft.household", draft);
    sessionStorage.setItem("jn.view", "household");
  }, JSON.stringify(nineMembers()));
  await page.reload();
  await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
  const wage = page.locator('[data-path="$.incomes.wage"]');
  await wage.click();
  await wage.press("End");
  // The browser's own figure for each keystroke, up to the next paint (Event Timing: in steps of
  // 8 ms, and only for events of 16 ms or more — shorter ones are not reported at all).
  await page.evaluate(() => {
    window.__abEvents = [];
    new PerformanceObserver((list) => window.__abEvents.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "event", durationThreshold: 16 });
  });
  const out = [];
  const paints = [];
  for (let k = 0; k < KEYS; k++) {
    await page.evaluate(() => performance.clearMeasures("jn-update"));
    await wage.press(k % 2 ? "Backspace" : String((k / 2 + 1) % 10));
    const ms = await page.evaluate(() => performance.getEntriesByName("jn-update").at(-1)?.duration ?? null);
    if (ms == null) throw new Error(`${b.name}: no jn-update measure after keystroke ${k + 1}`);
    out.push(ms);
    // Two frames and a task later the keystroke's events have been painted and reported.
    const events = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      resolve(window.__abEvents.splice(0));
    }, 20)))));
    paints.push(events.length ? Math.max(...events) : null);
  }
  await context.close();
  return { updates: out, paints };
}

try {
  await sleep(800);
  // One warm-up load per build (the first Chromium start of a sitting is slower).
  for (const b of builds) await load(b);
  const loadStart = loadavg();
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [...builds].reverse() : builds;
    for (const b of order) {
      const loads = [];
      for (let i = 0; i < LOADS; i++) loads.push(await load(b));
      const { updates: keys, paints } = await keystrokes(b);
      b.first.push(...loads.map((l) => l.first));
      b.keys.push(...keys);
      b.paints.push(...paints);
      const m = (k) => median(loads.map((l) => l[k]));
      console.log(`round ${r + 1} ${b.name}: first verdicts median ${f0(m("first"))} ms (${loads.map((l) => f0(l.first)).join(", ")}); `
        + `wasm ${f0(m("wasmStart"))}–${f0(m("wasmEnd"))} ms, engine ready ${f0(m("engine"))} ms, DOMContentLoaded ${f0(m("dcl"))} ms; `
        + `keystroke median ${f1(median(keys))} ms (min ${f1(Math.min(...keys))}), ${paintLine(paints)} · load ${loadavg()[0].toFixed(2)}`);
      b.rounds.push({ first: median(loads.map((l) => l.first)), keys: median(keys) });
    }
  }
  const loadEnd = loadavg();
  console.log(`\nload average: ${loadStart.map((x) => x.toFixed(2)).join(" ")} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(" ")} at the end`);
  for (const b of builds) {
    console.log(`${b.name} (${b.dir}): first verdicts median ${f0(median(b.first))} ms over ${b.first.length} loads (round medians ${b.rounds.map((x) => f0(x.first)).join(", ")}); `
      + `keystroke median ${f1(median(b.keys))} ms over ${b.keys.length} (round medians ${b.rounds.map((x) => f1(x.keys)).join(", ")}); ${paintLine(b.paints)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
