// Speed and size of the built dist/: prints figures, asserts nothing.
//  - each shipped file raw and gzipped, and the total first-load transfer;
//  - cold load to the first rendered result (median of LOADS fresh contexts);
//  - input-to-updated-result latency (median and p95 over EDITS edits);
//  - Lighthouse 12, mobile preset: LCP, TBT, CLS, performance score.
// Usage: node scripts/bench.mjs  (scripts/bench.sh builds and installs first)
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { serve, BASE } from "../tests/e2e/server.mjs";

const DIST = "dist";
const PORT = 4174;
const LOADS = 15;
const EDITS = 200;
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

console.log("== size of dist/ (every file is fetched on first load)");
let raw = 0;
let gz = 0;
for (const name of readdirSync(DIST).sort()) {
  const path = join(DIST, name);
  if (!statSync(path).isFile()) continue;
  const body = readFileSync(path);
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  console.log(`${name.padEnd(44)} raw ${kb(body.length)}   gzip ${kb(z)}`);
}
console.log(`${"TOTAL".padEnd(44)} raw ${kb(raw)}   gzip ${kb(gz)}   (budget: 120 KB gzipped)`);

const server = await serve(PORT, DIST);
const url = `http://127.0.0.1:${PORT}${BASE}#/unit-economics`;
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });

console.log(`\n== cold load to first result, ${LOADS} fresh browser contexts`);
const loads = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-result="ltv_cac"][data-value]');
  loads.push(await page.evaluate(() => performance.now()));
  await context.close();
}
console.log(`median ${median(loads).toFixed(1)} ms   min ${Math.min(...loads).toFixed(1)} ms   max ${Math.max(...loads).toFixed(1)} ms`);

console.log(`\n== input to updated result, ${EDITS} edits of ARPA`);
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(url);
await page.waitForSelector('[data-result="ltv_cac"][data-value]');
const latencies = await page.evaluate(async (edits) => {
  const input = document.querySelector('[name="arpa"]');
  const result = document.querySelector('[data-result="payback_months"]');
  const out = [];
  for (let i = 0; i < edits; i++) {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(result, { attributes: true, attributeFilter: ["data-value"] });
    });
    const t0 = performance.now();
    input.value = String(1000 + i * 7);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    out.push((await changed) - t0);
    // Let the frame finish before the next edit, as a typist would.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
}, EDITS);
console.log(`median ${median(latencies).toFixed(2)} ms   p95 ${pct(latencies, 95).toFixed(2)} ms   max ${Math.max(...latencies).toFixed(2)} ms   (budget: p95 < 16 ms)`);
await browser.close();

console.log("\n== Lighthouse 12, mobile preset");
try {
  const out = join(mkdtempSync(join(tmpdir(), "tally-lh-")), "report.json");
  // Asynchronously: the static server runs in this very process.
  await promisify(execFile)(
    "npx",
    ["lighthouse", url, "--output=json", `--output-path=${out}`, "--quiet", "--only-categories=performance", `--chrome-flags=${FLAGS.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(readFileSync(out, "utf8"));
  const a = report.audits;
  console.log(`LCP ${a["largest-contentful-paint"].displayValue}   TBT ${a["total-blocking-time"].displayValue}   CLS ${a["cumulative-layout-shift"].displayValue}   FCP ${a["first-contentful-paint"].displayValue}   score ${Math.round(report.categories.performance.score * 100)}`);
  console.log("(budget: LCP ≤ 1.5 s, CLS 0)");
} catch (e) {
  console.log(`Lighthouse failed: ${e.message}`);
}
server.close();
