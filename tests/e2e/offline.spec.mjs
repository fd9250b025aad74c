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
