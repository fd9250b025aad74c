// Shared steps of the end-to-end tests.
import { expect } from "@playwright/test";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export async function ready(page, url = "./") {
  await page.goto(url);
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
}

/**
 * A view's draft as the page keeps it in sessionStorage. The page writes drafts once typing pauses
 * and at once when it is left (`pagehide`): the test says it is leaving, so the draft is the
 * form's state now, not the last pause's.
 */
export async function draftOf(page, view) {
  return page.evaluate((v) => {
    dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
    return JSON.parse(sessionStorage.getItem(`jn.draft.${v}`));
  }, view);
}

/**
 * Puts items into this tab's sessionStorage (e.g. a view's draft) for the next load. The page's
 * pending writes are flushed first: it writes its drafts as it is left, which would otherwise put
 * the form's state over these on the reload.
 */
export async function seedSession(page, items) {
  await page.evaluate((entries) => {
    dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
    for (const [k, v] of Object.entries(entries)) sessionStorage.setItem(k, v);
  }, items);
}

/** Opens a view by its tab. */
export async function openTab(page, name) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

/** The 低保收入速算 household of the foundation test: (9000 − 1200) / 3 = 2600 per person. */
export async function fillDibao(page) {
  await openTab(page, "低保收入速算");
  const form = page.locator("#dq-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("家庭人口数").fill("3");
  await form.getByLabel("工资性收入").fill("9000");
  await form.getByLabel("城乡居民基本养老保险基础养老金").fill("1200");
  await form.getByLabel("奖学金").fill("500");
  await form.getByLabel("必要的就业成本").fill("1200");
  await expect(page.getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
}

/** Every file of the built page, as URL paths relative to its root ("" for the folder itself). */
export function distFiles(dist = "dist") {
  const walk = (dir) => readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [relative(dist, p).split(sep).join("/")];
  });
  return new Set(["", ...walk(dist)]);
}

/** Saves the current case through the page's own button and returns the downloaded file's path. */
export async function saveCase(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存案例" }).click()]);
  return { path: await download.path(), name: download.suggestedFilename() };
}

/** Opens a case file through the page's own button. */
export async function openCase(page, path) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开案例" }).click()]);
  await chooser.setFiles(path);
}

/** Number of pages of a PDF produced by Chromium. */
export function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Answers a choice field by its option's label: a row of buttons (radiogroup) or a drop-down. */
export async function choose(scope, label, option) {
  const el = scope.getByLabel(label, { exact: true });
  if ((await el.getAttribute("role")) === "radiogroup") await el.getByRole("radio", { name: option, exact: true }).check();
  else await el.selectOption({ label: option });
}
/** An 18-digit 身份证号 with a valid check digit (GB 11643). */
export function idNumber(birth, seq) {
  const body = `620826${birth}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + "10X98765432"[sum % 11];
}


/** Serves `dir` on the second origin of the tests (E2E_PORTAL_PORT, which the page's server allows
 *  by CORS): the example portals. Resolves once it answers `probe`; `stop()` ends it. */
export async function servePortal(dir, probe = "index.html") {
  const { spawn } = await import("node:child_process");
  const port = Number(process.env.E2E_PORTAL_PORT);
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn("python3", ["scripts/serve.py", dir, "--port", String(port), "--quiet"], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`${origin}/${probe}`).then((r) => r.ok, () => false)) return { origin, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`${dir} did not start on ${origin}`);
}

/**
 * A page in a browser context of its own with no service worker, so every request reaches the
 * test's routes (the service worker would answer cached files itself); `cores` is what the page
 * reads as `navigator.hardwareConcurrency`, when given. Close `context` at the end.
 */
export async function isolatedPage(browser, { cores } = {}) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  if (cores) await page.addInitScript((n) => Object.defineProperty(navigator, "hardwareConcurrency", { get: () => n }), cores);
  return { context, page };
}

/** Counts the requests `context` makes for the spreadsheet module: `counter.fetched`. */
export async function countSheetFetches(context) {
  const counter = { fetched: 0 };
  await context.route("**/jingning_sheet_bg.wasm", (route) => {
    counter.fetched++;
    return route.continue();
  });
  return counter;
}
