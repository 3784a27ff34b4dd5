// Speed and size of the built dist/: prints figures, asserts nothing.
//  - each shipped file raw and gzipped, and the total first-load transfer;
//  - cold load to the first rendered result (median of LOADS fresh contexts);
//  - input-to-updated-result latency (median and p95 over EDITS edits), to
//    the result changed and to the page laid out again with it, on each
//    page as it opens and on the largest ROI and equity cases;
//  - typing to the next paint (Event Timing, as INP reads it), on a
//    desktop window and a phone's;
//  - Lighthouse 12, mobile preset, on each page: LCP, TBT, CLS, performance score.
// Usage: node scripts/bench.mjs  (scripts/bench.sh builds and installs first)
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { serve, BASE } from "../tests/e2e/server.mjs";
import { fileSizes, firstLoad } from "../tests/e2e/first-load.mjs";
import { slowPhone } from "../tests/e2e/slow-phone.mjs";

const DIST = "dist";
const PORT = 4174;
const LOADS = 15;
const EDITS = 200;
const PAINTS = 100;
// A desktop window (Playwright's default) and a phone held upright.
const VIEWPORTS = [{ width: 1280, height: 720 }, { width: 360, height: 720 }];
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

console.log("== size of dist/ (one wasm per page: a visit downloads the shell files and its page's wasm)");
const sizes = fileSizes(DIST);
for (const [name, { raw, gzip }] of sizes) {
  console.log(`${name.padEnd(60)} raw ${kb(raw)}   gzip ${kb(gzip)}`);
}
const all = [...sizes.values()];
const sum = (key) => all.reduce((total, size) => total + size[key], 0);
console.log(`${"all of dist/".padEnd(60)} raw ${kb(sum("raw"))}   gzip ${kb(sum("gzip"))}`);

const server = await serve(PORT, DIST);
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
// Each built calculator: the result that marks it ready, and the input
// edited and the result watched for the latency.
const PAGES = [
  { route: "unit-economics", ready: "ltv_cac", input: "arpa", watch: "payback_months", base: 1000 },
  { route: "roi", ready: "npv", input: "current_monthly_cost", watch: "npv", base: 40000 },
  { route: "compensation", ready: "plan.total", input: "plan.achieved", watch: "plan.total", base: 900000 },
  { route: "equity", ready: "total_shares", input: "holders.0.shares", watch: "total_shares", base: 7000000 },
];
const urlOf = (route) => `http://127.0.0.1:${PORT}${BASE}#/${route}`;

// What a first visit to each page really fetches, as the browser asked for it.
console.log("\n== first-load transfer by page (the files a cold load requests, gzipped)");
for (const route of ["", ...PAGES.map((p) => p.route)]) {
  const { bytes, files } = await firstLoad(browser, urlOf(route), route ? "[data-result][data-value]" : ".cards", sizes);
  console.log(`#/${route.padEnd(16)} ${kb(bytes)}   (${files} files; budget: 120 KB gzipped)`);
}

for (const p of PAGES) {
  const url = urlOf(p.route);
  const ready = `[data-result="${p.ready}"][data-value]`;
  console.log(`\n== #/${p.route}: cold load to first result, ${LOADS} fresh browser contexts`);
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(ready);
    loads.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`median ${median(loads).toFixed(1)} ms   min ${Math.min(...loads).toFixed(1)} ms   max ${Math.max(...loads).toFixed(1)} ms`);

  console.log(`\n== #/${p.route}: input to updated result, ${EDITS} edits of ${p.input}`);
  await latency(url, p);
  console.log(`\n== #/${p.route}: typing to the next paint, ${PAINTS} edits of ${p.input}`);
  for (const viewport of VIEWPORTS) await toPaint(viewport, openAt(url, p), p);
}

// An offer's field: each edit builds the offer's vesting table again, a
// date a row (a formatter made for every date took 13 ms an edit).
const OFFER = { route: "compensation", ready: "plan.total", input: "offers.0.base", watch: "offer.0.year1_total", base: 150003 };
console.log(`\n== #/${OFFER.route}: input to updated result, ${EDITS} edits of ${OFFER.input}`);
await latency(urlOf(OFFER.route), OFFER);

// The largest cases the pages accept, saved as a user's scenario: an edit
// must stay quick when a page holds hundreds of fields.
const LARGE = [
  {
    what: "ROI, 50 lines of 50 years (2,550 fields)",
    calc: "roi",
    inputs: {
      horizon_months: 600,
      items: Array.from({ length: 50 }, (_, k) => ({
        name: `Line ${k + 1}`,
        type: k % 5 ? "benefit" : "cost",
        initial: 1000 * k,
        yearly: Array.from({ length: 50 }, (_, y) => 12345.67 * (k + 1) + 997 * y),
      })),
    },
    ...PAGES[1],
  },
  {
    what: "equity, 100 holders and 20 rounds",
    calc: "equity",
    inputs: {
      holders: Array.from({ length: 100 }, (_, k) => ({ name: `Holder ${k + 1}`, class: k % 10 ? "common" : "options", shares: 10000 + k, strike: 0.5 })),
      rounds: Array.from({ length: 20 }, (_, k) =>
        k % 2 ? { name: `Round ${k + 1}`, kind: "priced", pre_money: 1e7 * (k + 1), amount: 1e6 * (k + 1) } : { name: `SAFE ${k + 1}`, kind: "safe_post", amount: 100000 * (k + 1), cap: 5e6 * (k + 1) },
      ),
      follow: "Holder 1",
    },
    ...PAGES[3],
  },
];
for (const p of LARGE) {
  console.log(`\n== #/${p.route}, ${p.what}: input to updated result, ${EDITS} edits of ${p.input}`);
  const payload = Buffer.from(JSON.stringify({ v: 1, calc: p.calc, inputs: p.inputs })).toString("base64url");
  await latency(`${urlOf(p.route)}?s=j1.${payload}`, p, async (page) => {
    await page.getByRole("button", { name: "Save to my scenarios" }).click();
    await page.getByRole("button", { name: "OK", exact: true }).click();
    await page.getByRole("button", { name: "Save to my scenarios" }).waitFor({ state: "detached" });
  });
}

/** Prints the median and p95 time from an edit of `p.input` to the change
 *  of `p.watch`, on the page at `url` (after `prepare`). */
async function latency(url, p, prepare = async () => {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(`[data-result="${p.ready}"][data-value]`);
  await prepare(page);
  const latencies = await page.evaluate(async ({ edits, input: name, watch, base }) => {
    const input = document.querySelector(`[name="${name}"]`);
    const result = document.querySelector(`[data-result="${watch}"]`);
    const out = [];
    for (let i = 0; i < edits; i++) {
      // When the result changes, and when the page is laid out again with
      // it (the browser's style and layout forced at once; paint not
      // counted).
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          const changedAt = performance.now();
          void document.documentElement.offsetHeight;
          resolve([changedAt, performance.now()]);
        });
        observer.observe(result, { attributes: true, attributeFilter: ["data-value"] });
      });
      const t0 = performance.now();
      input.value = String(base + i * 7);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const [changedAt, laidOutAt] = await changed;
      out.push([changedAt - t0, laidOutAt - t0]);
      // Let the frame finish before the next edit, as a typist would.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, { edits: EDITS, input: p.input, watch: p.watch, base: p.base });
  for (const [what, k] of [["result", 0], ["laid out", 1]]) {
    const xs = latencies.map((l) => l[k]);
    console.log(`${what.padEnd(9)} median ${median(xs).toFixed(2)} ms   p95 ${pct(xs, 95).toFixed(2)} ms   max ${Math.max(...xs).toFixed(2)} ms   (budget: p95 < 16 ms)`);
  }
  await context.close();
}

/** Prints how long typing into a field takes to reach the screen: text
 *  typed as a person types it (trusted input, through the browser's input
 *  pipeline), timed by the browser's Event Timing from the input to the
 *  next frame presented, as Core Web Vitals' INP times it (in steps of
 *  8 ms), with the handlers' part (processing) and the rendering's after
 *  it (presentation). Event Timing reports only events of 16 ms or more:
 *  an edit it does not report was on screen within that time. Headless
 *  Chromium here draws in software, on the same two cores. `open` loads
 *  the page; `p` names its field and the values typed. */
async function toPaint(viewport, open, p) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await open(page);
  await page.evaluate(() => {
    window.__slow = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "input") window.__slow.push([e.duration, e.processingEnd - e.processingStart, e.startTime + e.duration - e.processingEnd]);
      }
    }).observe({ type: "event", durationThreshold: 16 });
  });
  const input = page.locator(`[name="${p.input}"]`);
  for (let i = 0; i < PAINTS; i++) {
    await input.fill(String(p.base + i * 7));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  // The last frames' entries arrive with a delay.
  await page.waitForTimeout(500);
  const slow = await page.evaluate(() => window.__slow);
  await context.close();
  const all = [...Array(Math.max(0, PAINTS - slow.length)).fill(0), ...slow.map((e) => e[0])];
  const show = (ms) => (ms ? `${ms} ms` : "< 16 ms");
  const parts = slow.length ? `; of those, processing median ${median(slow.map((e) => e[1])).toFixed(1)} ms, presentation median ${median(slow.map((e) => e[2])).toFixed(1)} ms` : "";
  console.log(`${`${viewport.width}×${viewport.height}`.padEnd(9)} median ${show(median(all))}   p95 ${show(pct(all, 95))}   max ${show(Math.max(...all))}   (${slow.length} of ${PAINTS} took 16 ms or more${parts})`);
}

/** Opens a calculator page at `url`, ready for edits. */
function openAt(url, p) {
  return async (page) => {
    await page.goto(url);
    await page.waitForSelector(`[data-result="${p.ready}"][data-value]`);
  };
}

// What this browser and machine take at the least: a field whose every
// edit writes one number beside it.
console.log(`\n== a page with one field and one number beside it (the floor here): typing to the next paint, ${PAINTS} edits`);
for (const viewport of VIEWPORTS) {
  const open = (page) => page.setContent('<input name="n"><p id="out"></p><script>n.oninput = () => { out.textContent = n.value * 2; };</script>');
  await toPaint(viewport, open, { input: "n", base: 1000 });
}

console.log("\n== #/unit-economics on a slow phone (1.6 Mbit/s, 150 ms latency, 4x slower CPU): first result, 3 loads");
const slow = [];
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await slowPhone(context, page);
  await page.goto(urlOf("unit-economics"));
  await page.waitForSelector('[data-result][data-value]', { timeout: 120_000 });
  slow.push(await page.evaluate(() => performance.now()));
  await context.close();
}
console.log(`median ${median(slow).toFixed(0)} ms   min ${Math.min(...slow).toFixed(0)} ms   max ${Math.max(...slow).toFixed(0)} ms`);
await browser.close();
// Every page: the largest paint of each must be its static frame's.
console.log("\n== Lighthouse 12, mobile preset, each page (budget: LCP ≤ 1.5 s, CLS 0)");
const lighthouseDir = mkdtempSync(join(tmpdir(), "tally-lh-"));
for (const route of [...PAGES.map((p) => p.route), ""]) {
  try {
    const out = join(lighthouseDir, `${route || "home"}.json`);
    // Asynchronously: the static server runs in this very process.
    await promisify(execFile)(
      "npx",
      ["lighthouse", urlOf(route), "--output=json", `--output-path=${out}`, "--quiet", "--only-categories=performance", `--chrome-flags=${FLAGS.join(" ")}`],
      { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(out, "utf8"));
    const a = report.audits;
    console.log(`#/${route.padEnd(16)} LCP ${a["largest-contentful-paint"].displayValue}   TBT ${a["total-blocking-time"].displayValue}   CLS ${a["cumulative-layout-shift"].displayValue}   FCP ${a["first-contentful-paint"].displayValue}   score ${Math.round(report.categories.performance.score * 100)}`);
  } catch (e) {
    console.log(`#/${route.padEnd(16)} Lighthouse failed: ${e.message}`);
  }
}
server.close();
