// What a first visit downloads, held under a ceiling a page: growth nobody
// chose fails here, where the bench (scripts/bench.sh) only prints it. A
// float parser came in with one line and added 16 KB to every page; a
// change that needs more raises its page's ceiling in the same commit and
// says why. These are not the budget of 120 KB, which only the
// shell meets (README, "Speed and size").
import { test, expect } from "./fixtures.mjs";
import { fileSizes, firstLoad } from "./first-load.mjs";

/** KB gzipped, by route: the first load at 7d5375b, the bench in the
 *  README (102.3 / 192.8 / 220.8 / 208.7 / 236.8 KB), plus about 1 KB (the
 *  shell 2). Raised there from 51e1e9c's by ROI's payback formula (0.6 KB
 *  on ROI) and the phone keyboard's decimal-comma switch (0.3 to 0.4 KB a
 *  page); equity's since by how each round was computed (2.2 KB, to 239.0),
 *  to 240, the most the README proposes for a page. Unit economics' raised
 *  to 195 by a phone's headline figures kept at the top (0.8 KB with
 *  their CSS), which every page with headline cards has. */
const CEILING_KB = { "": 104, "unit-economics": 195, roi: 222, compensation: 210, equity: 240 };

for (const [route, ceiling] of Object.entries(CEILING_KB)) {
  test(`the first load of #/${route} stays under ${ceiling} KB gzipped`, async ({ browser, baseURL }) => {
    const ready = route ? "[data-result][data-value]" : ".cards";
    const { bytes, files } = await firstLoad(browser, `${baseURL}#/${route}`, ready, fileSizes("dist"));
    // The shell's files and the page's own wasm, at the least.
    expect(files).toBeGreaterThanOrEqual(5);
    expect(bytes / 1024).toBeLessThanOrEqual(ceiling);
  });
}
