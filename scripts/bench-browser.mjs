// Times the village engine in Chromium: loads dist/ (run `make dist` first), generates the
// county's 333 villages in the page and times assessVillage on each and rankVillages on all with
// performance.now(). Prints the figures; asserts nothing (timings are not tests).
//   node scripts/bench-browser.mjs        (or: make bench-browser)
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 8183);
const server = spawn("python3", ["scripts/serve.py", "dist", "--port", String(PORT), "--quiet"], { stdio: "inherit" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

try {
  await sleep(800);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const figures = await page.evaluate(async () => {
    const m = await import("./pkg/jingning_policy.js");
    await m.default();
    const system = m.defaultIndicatorSystem();
    let seed = 20210508;
    const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const villages = Array.from({ length: 333 }, (_, i) => {
      const values = {};
      for (const ind of system.indicators) {
        if (next(20) === 0) continue; // about 5 % missing
        values[ind.id] = typeof ind.target === "boolean" ? (next(5) === 0 ? !ind.target : ind.target) : `${next(100)}.${next(100)}`;
      }
      return { schema: "jingning.village-input/1", id: String(i).padStart(3, "0"), name: `${i}号村`,
        township: `${i % 24}镇`, values, county_averages: { poverty_income_growth: "9.5", income_vs_county: "40" } };
    });
    const time = (f, runs) => {
      f(); // warm-up
      const t = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        f();
        t.push(performance.now() - t0);
      }
      t.sort((a, b) => a - b);
      return { median_ms: t[Math.floor(runs / 2)], min_ms: t[0] };
    };
    return {
      assess_333: time(() => villages.forEach((v) => m.assessVillage(v)), 7),
      rank_333: time(() => m.rankVillages(villages), 7),
      rank_333_with_assessments: time(() => m.rankVillages(villages, { include_assessments: true }), 5),
      user_agent: navigator.userAgent,
    };
  });
  const show = (x) => `median ${x.median_ms.toFixed(1)} ms (min ${x.min_ms.toFixed(1)} ms)`;
  console.log(`Chromium: ${figures.user_agent}`);
  console.log(`assessVillage × 333:                    ${show(figures.assess_333)}`);
  console.log(`rankVillages(333):                      ${show(figures.rank_333)}`);
  console.log(`rankVillages(333, include_assessments): ${show(figures.rank_333_with_assessments)}`);
  await browser.close();
} finally {
  server.kill();
}
