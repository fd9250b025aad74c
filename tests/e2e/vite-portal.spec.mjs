// The npm package as a portal developer uses it: `make package`'s tarball installed with
// `npm install ./jingning-policy-x.y.z.tgz` into a copy of examples/vite-portal/, built with Vite
// (the repository's devDependency), and loaded in Chromium; and the same installed package
// imported by a plain <script type="module"> without any bundler (plain.html).
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { servePortal } from "./helpers.mjs";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PORT = Number(process.env.E2E_PORTAL_PORT);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// Vite from the repository's node_modules (package.json devDependencies); VITE_JS may name another copy.
const VITE = process.env.VITE_JS ?? resolve("node_modules/vite/bin/vite.js");
let dir;
let server;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const packed = execFileSync("node", ["scripts/build-package.mjs"], { encoding: "utf8" });
  const tarball = resolve(packed.match(/^(jingning-policy-[\d.]+\.tgz):/m)[1]);
  dir = mkdtempSync(join(tmpdir(), "jn-vite-portal-"));
  cpSync("examples/vite-portal", dir, { recursive: true, filter: (p) => !/node_modules|dist$/.test(p) });
  // The example's own devDependency (vite) would need the registry: this test uses the repository's.
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  delete pkg.devDependencies;
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: dir, stdio: "pipe" });
  expect(existsSync(join(dir, "node_modules/jingning-policy/pkg/jingning_policy_bg.wasm"))).toBe(true);
  execFileSync("node", [VITE, "build", "--logLevel", "warn"], { cwd: dir, stdio: "pipe" });
  server = await servePortal(dir, "plain.html");
});

test.afterAll(() => {
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the Vite example, built from the packed tarball, shows the household and its result event", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The spare engine (js/engine.js: a second copy of the glue, ready to replace an instance that
  // trapped) must be where the bundle looks for it, or a trap would leave the portal broken.
  const spares = [];
  page.on("response", (r) => /[?&]instance=\d/.test(r.url()) && spares.push(`${r.status()} ${r.url()}`));
  await page.goto(`${ORIGIN}/dist/index.html`);
  // The household of examples/household-5.json, in the package's element, and its result event.
  await expect(page.locator("jn-household-check").getByTestId("hh-fingerprint")).toHaveText(/^[0-9a-f]{12}$/);
  const fingerprint = await page.locator("jn-household-check").getByTestId("hh-fingerprint").textContent();
  await expect(page.getByTestId("summary")).toContainText(`李建国户 指纹 ${fingerprint}`);
  // The low-level API from the same package: (9000 − 1200) / 3.
  await expect(page.getByTestId("api")).toHaveText("2600");
  // Vite copied the wasm and the stylesheets into its own assets.
  const built = readFileSync(join(dir, "dist/index.html"), "utf8");
  expect(built).toMatch(/assets\/index-[\w-]+\.js/);
  await expect.poll(() => spares.length).toBeGreaterThan(0);
  expect(spares[0]).toMatch(/^200 .*\/dist\/assets\/jingning_policy-[\w-]+\.js\?instance=1$/);
  expect(errors).toEqual([]);
});

test("the installed package works from a plain <script type=module>, no bundler", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${ORIGIN}/plain.html`);
  await expect(page.locator("jn-dibao-quick").getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
  await expect(page.getByTestId("event")).toHaveText("2600（低于低保标准）");
  await expect(page.getByTestId("api")).toHaveText("4500");
  expect(errors).toEqual([]);
});
