// End-to-end tests against the release dist/, served under a sub-path with
// the README's CSP, in Debian's Chromium (Playwright's own download of a
// browser is not used).
import { defineConfig } from "@playwright/test";

const PORT = 4173;

/** Debian's Chromium, with or without its back-forward cache. Playwright
 *  turns off two things a person's browser has: its cap on how often a page
 *  may change its address (src/pace.rs), always given back here, and its
 *  back-forward cache, which brings a page back as it was left. */
function launch(backForwardCache) {
  return {
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    ignoreDefaultArgs: [
      "--disable-ipc-flooding-protection",
      ...(backForwardCache ? ["--disable-back-forward-cache"] : []),
    ],
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/tally/`,
    launchOptions: launch(true),
  },
  projects: [
    { name: "chromium" },
    // Coming back to a page without that cache loads it anew: what was
    // waiting in it must have been kept (src/ui/link.rs). Only the tests
    // tagged @history go through history; they run again here.
    {
      name: "chromium, no back-forward cache",
      grep: /@history/,
      use: { launchOptions: launch(false) },
    },
  ],
  webServer: {
    command: `node tests/e2e/server.mjs ${PORT} dist`,
    url: `http://127.0.0.1:${PORT}/tally/`,
    reuseExistingServer: false,
  },
});
