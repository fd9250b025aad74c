// A portal on another origin (examples/portal/, served on E2E_PORTAL_PORT) embeds each custom
// element and the whole page in an iframe, prefills cases and receives the results — across
// origins, which works only because the page's server sends CORS headers (serve.py --cors).
import { test, expect } from "@playwright/test";
import { servePortal } from "./helpers.mjs";

const PORTAL = `http://127.0.0.1:${process.env.E2E_PORTAL_PORT}`;
let server;

test.beforeAll(async () => {
  server = await servePortal("examples/portal");
});
test.afterAll(() => server?.stop());

/** Opens the portal with the page (the tool) at the test's base URL. */
async function openPortal(page, baseURL, extra = "") {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${PORTAL}/index.html?tool=${encodeURIComponent(baseURL)}${extra}`);
  return errors;
}

const events = (page, type, target) => page.evaluate(([t, id]) => window.portalEvents.filter((e) => e.type === t && e.target === id), [type, target]);

test("each element shows the case the portal gives it and sends the result event", async ({ page, baseURL }) => {
  const errors = await openPortal(page, baseURL);

  // Two 低保速算 on one page, each with its own case, result and clause dialog.
  const a = page.locator("#dq-a");
  const b = page.locator("#dq-b");
  await expect(a.getByTestId("dq-per-capita")).toHaveText("¥2,600.00"); // (9000 − 1200) / 3
  await expect(b.getByTestId("dq-per-capita")).toHaveText("¥7,000.00"); // 14000 / 2
  await expect(b.getByTestId("dq-standard")).toHaveText("¥5,600.00"); // its `overrides` attribute
  await expect(b.getByTestId("dq-verdict")).toHaveText("不低于低保标准");
  await expect(a.getByLabel("核查日期")).toHaveValue("2024-06-30"); // the `date` attribute
  await a.locator("button.cite").first().click();
  await expect(a.locator("#clause-dialog")).toBeVisible();
  await expect(b.locator("#clause-dialog")).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The household (read-only) and the village, given as properties.
  const hh = page.locator("#hh");
  await expect(hh.getByTestId("hh-fingerprint")).toHaveText(/^[0-9a-f]{12}$/);
  await expect(hh.locator("#hh-form input[data-path='$.members[1].name']")).toHaveValue("李秀英");
  await expect(hh.locator("#hh-form")).toHaveJSProperty("inert", true);
  const vl = page.locator("#vl");
  await expect(vl.getByTestId("vl-result")).toContainText("示例村 考核结果");

  // The result events, heard on the portal's document: the engine's result and the case.
  await expect.poll(async () => (await events(page, "jn-result", "hh")).length).toBeGreaterThan(0);
  const [hhEvent] = (await events(page, "jn-result", "hh")).slice(-1);
  expect(hhEvent.case.members.map((m) => m.name)).toEqual(["王建国", "李秀英"]);
  expect(hhEvent.result.fingerprint).toBe(await hh.getByTestId("hh-fingerprint").textContent());
  expect(hhEvent.result.decisions.length).toBeGreaterThan(5);
  const [dqEvent] = (await events(page, "jn-result", "dq-a")).slice(-1);
  expect(dqEvent.result.ledger.per_capita_dibao).toBe("2600");
  expect(dqEvent.case).toEqual({ assessment_date: "2024-06-30", household_size: 3, incomes: { wage: "9000", scholarship: "500" }, employment_costs: "1200" });
  const [vlEvent] = (await events(page, "jn-result", "vl")).slice(-1);
  expect(vlEvent.result.village_name).toBe("示例村");
  expect((await page.evaluate(() => window.portalEvents.filter((e) => e.type === "jn-ready").map((e) => e.tag))).sort())
    .toEqual(["jn-dibao-quick", "jn-dibao-quick", "jn-household-check", "jn-village-scorecard"]);

  // Themed through custom properties: the portal's red on one element, the tool's blue on the other.
  const accent = (loc) => loc.locator("button.cite").first().evaluate((e) => getComputedStyle(e).color);
  expect(await accent(b)).toBe("rgb(122, 31, 31)");
  expect(await accent(a)).toBe("rgb(31, 78, 156)");

  // The element's result is the engine's for the case in its event (the case as its form reads it).
  const tool = await page.context().newPage();
  await tool.goto(baseURL);
  const ofEvent = await tool.evaluate(async (read) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.evaluateHousehold(read, {}).fingerprint;
  }, hhEvent.case);
  expect(ofEvent).toBe(hhEvent.result.fingerprint);
  await tool.close();

  // The iframe: the portal posted the same household and got the same result back, the one the
  // frame shows.
  await expect(page.getByTestId("frame-result")).toContainText(`household（request）指纹 ${hhEvent.result.fingerprint}`);
  await expect(page.frameLocator("#frame").getByTestId("hh-fingerprint")).toHaveText(hhEvent.result.fingerprint);
  expect(errors).toEqual([]);
});

test("editing an element sends a new result event with the changed case; a wrong case an error event", async ({ page, baseURL }) => {
  await openPortal(page, baseURL);
  const a = page.locator("#dq-a");
  await expect(a.getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
  await a.getByLabel("工资性收入").fill("3000");
  await expect(a.getByTestId("dq-per-capita")).toHaveText("¥600.00"); // (3000 − 1200) / 3
  await expect.poll(async () => (await events(page, "jn-result", "dq-a")).at(-1)?.case.incomes.wage).toBe("3000");
  expect((await events(page, "jn-result", "dq-a")).at(-1).result.ledger.per_capita_dibao).toBe("600");

  // A household of the wrong format: the element says so and the portal gets the errors.
  await page.evaluate(() => (document.getElementById("hh").value = { schema: "jingning.household/9", members: [] }));
  await expect.poll(async () => (await events(page, "jn-error", "hh")).at(-1)?.errors[0].path).toBe("$.schema");
  await expect(page.locator("#hh .jn-status")).toContainText("格式版本");
  // Unknown overrides are named by the engine, in Chinese.
  await page.evaluate(() => document.getElementById("dq-a").setAttribute("overrides", '{"no.such.param": "1"}'));
  await expect.poll(async () => (await events(page, "jn-error", "dq-a")).at(-1)?.errors.map((e) => e.message).join()).toContain("no.such.param");
});

test("the iframe answers only the origins it allows, and posts the user's edits back", async ({ page, baseURL }) => {
  // Allowed: the portal's own origin (the default of the example).
  await openPortal(page, baseURL);
  const frame = page.frameLocator("#frame");
  await expect(page.getByTestId("frame-result")).toContainText("household（request）");
  await expect(frame.locator("html.embedded")).toHaveCount(1);
  await expect(frame.getByTestId("embed-note")).toContainText(PORTAL);
  await expect(frame.locator("#hh-form input[data-path='$.members[0].name']")).toHaveValue("王建国");
  // An edit in the frame is posted to the portal.
  await frame.locator("#hh-form input[data-path='$.incomes.wage']").fill("60000");
  await expect.poll(() => page.evaluate(() => window.frameMessages.filter((m) => m.source === "user").at(-1)?.case.incomes.wage)).toBe("60000");

  // A 低保速算 request by message, with options, and a wrong one answered with its errors.
  const reply = (msg) => page.evaluate((m) => new Promise((resolve) => {
    const frameWindow = document.getElementById("frame").contentWindow;
    addEventListener("message", function on(e) {
      if (e.source === frameWindow && e.data?.id === m.id) {
        removeEventListener("message", on);
        resolve(e.data);
      }
    });
    frameWindow.postMessage(m, "*");
  }), msg);
  const dq = await reply({ type: "jn:evaluate", id: 7, case: { assessment_date: "2024-06-30", household_size: 2, incomes: { wage: "9000" } }, options: { overrides: { "dibao.standard_annual": "5600" } } });
  expect(dq).toMatchObject({ type: "jn:result", id: 7, view: "dibao", source: "request" });
  expect(dq.result.ledger.per_capita_dibao).toBe("4500");
  expect(dq.result.below_standard).toBe(true);
  await expect(frame.getByTestId("dq-per-capita")).toHaveText("¥4,500.00");
  const bad = await reply({ type: "jn:evaluate", id: 8, view: "dibao", case: { assessment_date: "2024-06-30", household_size: 0, incomes: {} } });
  expect(bad.type).toBe("jn:error");
  expect(bad.errors[0].path).toContain("household_size");

  // Not allowed: the frame is told to accept another origin only; the portal gets nothing.
  await page.goto(`${PORTAL}/index.html?tool=${encodeURIComponent(baseURL)}&frameOrigins=${encodeURIComponent("https://elsewhere.example")}`);
  await expect(frame.locator("body[data-ready=true]")).toHaveCount(1);
  await page.evaluate(() => document.getElementById("frame").contentWindow.postMessage({ type: "jn:evaluate", id: "x", view: "dibao", case: { household_size: 1, incomes: {} } }, "*"));
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.frameMessages)).toEqual([]);
  await expect(page.getByTestId("frame-result")).toHaveText("（等待）");
});

test("the page's server sends CORS headers to the allowed origin only", async ({ request, baseURL }) => {
  const allowed = await request.get(`${baseURL}pkg/jingning_policy_bg.wasm`, { headers: { Origin: PORTAL } });
  expect(allowed.headers()["access-control-allow-origin"]).toBe(PORTAL);
  expect(allowed.headers()["content-type"]).toBe("application/wasm");
  const other = await request.get(`${baseURL}js/elements.js`, { headers: { Origin: "https://elsewhere.example" } });
  expect(other.headers()["access-control-allow-origin"]).toBeUndefined();
  expect(other.headers()["vary"]).toBe("Origin");
});
