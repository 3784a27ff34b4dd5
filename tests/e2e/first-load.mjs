// What a first visit to a page downloads, gzipped: read by the bench
// (scripts/bench.mjs), which prints it, and by the size test
// (size.spec.mjs), which holds it under a ceiling.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BASE } from "./server.mjs";

/** Every file of `dist` by its path there, as `{ raw, gzip }` bytes
 *  (gzip -9: the figure the README and the budget are given in). */
export function fileSizes(dist) {
  const sizes = new Map();
  for (const name of readdirSync(dist, { recursive: true }).sort()) {
    const path = join(dist, name);
    if (!statSync(path).isFile()) continue;
    const body = readFileSync(path);
    sizes.set(name, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes;
}

/** The gzipped bytes, and the count, of the files a cold load of `url`
 *  requests, as the browser asked for them, in a fresh context of
 *  `browser`: until the page is ready (`ready`, a selector) and the
 *  network idle. */
export async function firstLoad(browser, url, ready, sizes) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (r) => fetched.add(new URL(r.url()).pathname.slice(BASE.length) || "index.html"));
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForLoadState("networkidle");
  await context.close();
  const bytes = [...fetched].reduce((sum, name) => sum + (sizes.get(name)?.gzip ?? 0), 0);
  return { bytes, files: fetched.size };
}
