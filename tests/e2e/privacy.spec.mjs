// Privacy that is true: a whole working session asks for nothing but the page's own static files.
import { test, expect } from "@playwright/test";
import { ready, fillDibao, openTab, saveCase, openCase, distFiles } from "./helpers.mjs";

test("a full session requests only the page's own files", async ({ page, context, baseURL }) => {
  const own = distFiles();
  const seen = [];
  context.on("request", (r) => seen.push(r.url())); // includes the service worker's own fetches
  page.on("request", (r) => seen.push(r.url()));

  await ready(page);
  await expect(page.locator("#privacy-note")).toHaveText(/数据只保存在这台电脑的浏览器里/);
  for (const tab of ["农户核查", "村级考核", "低保收入速算"]) await openTab(page, tab);
  await fillDibao(page);
  await page.locator("#dq-result button.cite").first().click();
  await page.getByRole("button", { name: "关闭" }).click();
  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  await page.getByLabel("农村低保标准本地覆盖值").fill("5600");
  await page.getByLabel("农村低保标准本地覆盖值").press("Tab");
  await page.addInitScript(() => { window.print = () => {}; });
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByRole("button", { name: "打印核查表" }).click();
  const file = await saveCase(page);
  await openCase(page, file.path);
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#toast")).toContainText("已清除");

  const strangers = seen.filter((url) => {
    if (url.startsWith("blob:" + baseURL.replace(/\/$/, ""))) return false; // the saved file, made in memory
    if (!url.startsWith(baseURL)) return true;
    return !own.has(new URL(url).pathname.slice(1));
  });
  expect(seen.length).toBeGreaterThan(5);
  expect(strangers).toEqual([]);
});

test("the Content-Security-Policy forbids connections elsewhere", async ({ page }) => {
  await ready(page);
  const csp = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("font-src 'none'");
  // The browser itself enforces it: a fetch to another host is refused before it leaves.
  const outcome = await page.evaluate(() => fetch("https://example.org/x").then(() => "sent", () => "blocked"));
  expect(outcome).toBe("blocked");
});

// Drafts and the recent-households list are written once typing pauses, not on every keystroke
// (www/js/app.js, household.js): neither may be lost to a reload, nor outlive 清除本机数据.
test("a draft typed just before a reload is kept; one typed just before 清除本机数据 is not", async ({ page }) => {
  await ready(page);
  const name = page.locator('[data-path="$.members[0].name"]');
  const wage = page.locator('[data-path="$.incomes.wage"]');
  await name.fill("王秀英");
  await wage.fill("12345");
  await page.reload(); // at once: no pause for the draft to be written in
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await expect(name).toHaveValue("王秀英");
  await expect(wage).toHaveValue("12345");

  await wage.fill("23456");
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#toast")).toContainText("已清除");
  await page.waitForTimeout(1000); // past any pending write
  const left = await page.evaluate(() => ({
    session: Object.entries(sessionStorage).filter(([, v]) => v.includes("王秀英") || v.includes("23456")),
    local: Object.keys(localStorage).filter((k) => k.startsWith("jn.recent")),
  }));
  expect(left).toEqual({ session: [], local: [] });
  await expect(name).toHaveValue("");
});
