// What a first visit downloads, held under a ceiling a page: growth nobody
// chose fails here, where the bench (scripts/bench.sh) only prints it. A
// float parser came in with one line and added 16 KB to every page; a
// change that needs more raises its page's ceiling in the same commit and
// says why. These are not the budget of 120 KB, which only the
// shell meets (README, "Speed and size").
import { test, expect } from "./fixtures.mjs";
import { fileSizes, firstLoad } from "./first-load.mjs";

/** KB gzipped, by route: set at 1415c3f's bench (102.8 / 194.1 / 221.8 /
 *  209.6 / 239.4 KB) plus about 1 KB (the shell 1.2), raised there from
 *  7d5375b's (192.8 / 220.8 / 208.7 KB) by a phone's headline figures kept
 *  at the top (0.7 to 0.8 KB with their CSS), the offers printed as one
 *  table (0.13 KB of CSS), and, on equity, how each round was computed
 *  (2.2 KB); equity's is 240, the most the README proposes for a page.
 *  Unchanged since, at the README's bench at 3aea1f3 (102.9 / 194.2 /
 *  221.9 / 210.1 / 239.8 KB) and after it at 1cfc012 (103.1 / 194.4 /
 *  222.4 / 210.3 / 239.97): the offers' and equity's bars, paid for on
 *  equity by undo's code written once; ROI's lines apart from their
 *  figures (0.3 KB); scrolling tables made tab stops (0.17 KB a page). */
const CEILING_KB = { "": 104, "unit-economics": 195, roi: 223, compensation: 211, equity: 240 };

for (const [route, ceiling] of Object.entries(CEILING_KB)) {
  test(`the first load of #/${route} stays under ${ceiling} KB gzipped`, async ({ browser, baseURL }) => {
    const ready = route ? "[data-result][data-value]" : ".cards";
    const { bytes, files } = await firstLoad(browser, `${baseURL}#/${route}`, ready, fileSizes("dist"));
    // The shell's files and the page's own wasm, at the least.
    expect(files).toBeGreaterThanOrEqual(5);
    expect(bytes / 1024).toBeLessThanOrEqual(ceiling);
  });
}
