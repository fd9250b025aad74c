// Offline use: the service worker serves the page with the network off once it has been opened,
// and the single-file build works opened straight from disk.
import { test, expect } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ready, fillDibao, openTab } from "./helpers.mjs";

test("once opened, the page reloads and computes with the network off", async ({ page, context }) => {
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await fillDibao(page);
  await expect(page.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  await context.setOffline(false);
});

test("the single-file build works from file:// with no request at all", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(resolve("dist/jingning-offline.html")).href;
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await ready(page, url);
  await fillDibao(page);
  await expect(page.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  await page.locator("#dq-result button.cite", { hasText: "五(十二)" }).first().click();
  await expect(page.locator("#clause-dialog")).toContainText("不计入低保家庭收入");
  await page.keyboard.press("Escape");
  if (await page.getByTestId("household-pending").count() === 0) {
    await openTab(page, "农户核查");
    await expect(page.locator("#hh-result article.card").first()).toBeVisible();
  }
  expect(errors).toEqual([]);
  expect(requests).toEqual([url]);
});

test("after a new build is published, the page says so once the new version takes over", async ({ page }) => {
  // A copy of dist/ on its own port, so this test can publish a "new build" without touching
  // the one the other tests use.
  const { mkdtempSync, cpSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { spawn } = await import("node:child_process");
  const dir = mkdtempSync(resolve(tmpdir(), "jn-dist-"));
  cpSync("dist", dir, { recursive: true });
  const port = Number(process.env.E2E_PORT || 8181) + 7;
  const server = spawn("python3", ["scripts/serve.py", dir, "--port", String(port), "--quiet"], { stdio: "ignore" });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await expect.poll(async () => (await fetch(url).catch(() => null))?.ok ?? false, { timeout: 10_000 }).toBe(true);
    await page.goto(url);
    await expect(page.locator("body[data-ready=true]")).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
    });
    await expect(page.getByTestId("reload-new-version")).toHaveCount(0);
    // Publish: the service worker's stamped version changes, as build-dist.sh does for each build.
    const sw = readFileSync(resolve(dir, "sw.js"), "utf8");
    writeFileSync(resolve(dir, "sw.js"), sw.replace(/^const VERSION = .*;$/m, 'const VERSION = "published-later";'));
    await page.reload();
    await expect(page.getByTestId("reload-new-version")).toBeVisible({ timeout: 15_000 });
    await page.getByTestId("reload-new-version").click();
    await expect(page.locator("body[data-ready=true]")).toBeVisible();
    expect(await page.evaluate(() => caches.keys())).toEqual(["jn-static-published-later"]);
  } finally {
    server.kill();
  }
});

test("批量核查 works offline even if no spreadsheet was opened while online", async ({ page, context }) => {
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  // The worker installed with the spreadsheet module in its cache: no sheet was opened.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const c = await caches.open(keys.find((k) => k.startsWith("jn-static-")));
    return (await c.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.includes("pkg-sheet"));
  });
  expect(cached.some((p) => p.endsWith("jingning_sheet_bg.wasm"))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await openTab(page, "批量核查");
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles("tests/batch/township.csv");
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
  await expect(page.locator("#batch-facts")).toContainText("共 3 户");
  await context.setOffline(false);
});
