// End-to-end tests against the release dist/, served under a sub-path with
// the README's CSP, in Debian's Chromium (Playwright's own download of a
// browser is not used).
import { defineConfig } from "@playwright/test";

const PORT = 4173;
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/tally/`,
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      // Playwright turns off two things a person's browser has: its cap on
      // how often a page may change its address (src/pace.rs), and its
      // back-forward cache, which brings a page back as it was left.
      ignoreDefaultArgs: ["--disable-ipc-flooding-protection", "--disable-back-forward-cache"],
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/server.mjs ${PORT} dist`,
    url: `http://127.0.0.1:${PORT}/tally/`,
    reuseExistingServer: false,
  },
});
