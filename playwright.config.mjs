// End-to-end tests: the built page (dist/) served locally, driven in Debian's Chromium.
// Playwright's own browser download cannot work here; /usr/bin/chromium is installed by
// scripts/ensure-tools.sh.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 8181);
// The example portal of tests/e2e/portal.spec.mjs runs on another origin (this port); the page's
// server lets it load the elements across origins (serve.py --cors), as a portal's server must.
const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? PORT + 10);
process.env.E2E_PORTAL_PORT = String(PORTAL_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      // Without these Chromium phones home at start and the closed network refuses it.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `python3 scripts/serve.py dist --port ${PORT} --quiet --cors http://127.0.0.1:${PORTAL_PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
