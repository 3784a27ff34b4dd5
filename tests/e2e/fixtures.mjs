// The page object every spec uses, and the checks every test gets for free:
// no console error, no uncaught exception, no request to another origin.
import { test as base, expect } from "@playwright/test";

export class Tally {
  constructor(page) {
    this.page = page;
  }

  /** Opens a route (e.g. "#/unit-economics") and waits for the first result
   *  (`timeout` in ms: longer for the largest scenarios). */
  async open(hash = "#/unit-economics", { timeout } = {}) {
    await this.page.goto(hash);
    await this.ready({ timeout });
  }

  /** Reloads the page and waits for the first result again. */
  async reload({ timeout } = {}) {
    await this.page.reload();
    await this.ready({ timeout });
  }

  async ready({ timeout } = {}) {
    await expect(this.page.locator("[data-result]").first()).toBeVisible({ timeout });
  }

  field(name) {
    return this.page.locator(`[name="${name}"]`);
  }

  result(key) {
    return this.page.locator(`[data-result="${key}"]`);
  }

  /** The full-precision value of a result, as a number (NaN if undefined). */
  async value(key) {
    return Number.parseFloat(await this.result(key).getAttribute("data-value"));
  }

  /** Types into a field the way a person does: select all, type. */
  async type(name, text) {
    const field = this.field(name);
    await field.fill(text);
  }

  /** Fails if any text of the page's main part reads NaN or infinity,
   *  read as a person sees it (innerText) after scrolling to everything:
   *  rows and tables a screen away are not laid out (content-visibility),
   *  and their innerText is empty until they are. */
  async expectNoNonFinite() {
    const text = await this.page.locator("main").evaluate((main) => {
      const all = new CSSStyleSheet();
      all.replaceSync("* { content-visibility: visible !important; }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, all];
      const text = main.innerText;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== all);
      return text;
    });
    expect(text).not.toMatch(/\bNaN\b|\binf(inity)?\b/i);
  }

  button(name) {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** For each element of `locator` the page shows, whether the browser has
   *  laid it out: a row of a long list waits until it comes near the screen
   *  (content-visibility: auto). */
  laidOut(locator) {
    return locator.evaluateAll((els) =>
      els.filter((el) => el.checkVisibility()).map((el) => el.checkVisibility({ contentVisibilityAuto: true })),
    );
  }

  /** The figures (words with a digit) shown inside `locator` that the
   *  browser breaks across two lines, written "$50,00|0" where they break.
   *  A break after a dash is a line's own ("1×–|3×"). Everything is laid
   *  out first, a screen away too (content-visibility). */
  brokenFigures(locator) {
    return locator.evaluateAll((els) => {
      const all = new CSSStyleSheet();
      all.replaceSync("* { content-visibility: visible !important; }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, all];
      const broken = els.flatMap((el) => {
        const out = [];
        const lines = (node, from, to) => {
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, to);
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        };
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement.checkVisibility()) continue;
          for (const word of node.data.matchAll(/\S*\d\S*/g)) {
            const [start, end] = [word.index, word.index + word[0].length];
            if (lines(node, start, end) < 2) continue;
            let at = start + 1;
            while (lines(node, start, at + 1) < 2) at++;
            if (!/[-–—]$/.test(node.data.slice(start, at))) out.push(`${node.data.slice(start, at)}|${node.data.slice(at, end)}`);
          }
        }
        return out;
      });
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== all);
      return broken;
    });
  }

  /** The marker labels of the page's charts that a line runs through. */
  async crossedLabels() {
    return this.page.locator("figure.chart svg").evaluateAll((charts) =>
      charts.flatMap((svg) => {
        const paths = [...svg.querySelectorAll("path.line")];
        return [...svg.querySelectorAll(".marker text")]
          .filter((text) => {
            const b = text.getBBox();
            return paths.some((path) => {
              const length = path.getTotalLength();
              for (let at = 0; at <= length; at += 1) {
                const p = path.getPointAtLength(at);
                if (p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height) return true;
              }
              return false;
            });
          })
          .map((text) => text.textContent);
      }),
    );
  }

  scenarioSelect() {
    return this.page.getByLabel("Scenario", { exact: true });
  }
}

export const test = base.extend({
  tally: async ({ page, baseURL }, use, testInfo) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
      // Chromium's word for an address change refused past its cap.
      if (m.text().startsWith("Throttling navigation")) problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) {
        problems.push(`request to another origin: ${r.url()}`);
      }
    });
    await use(new Tally(page));
    if (!testInfo.annotations.some((a) => a.type === "expects-console-errors")) {
      expect(problems, "console errors, page errors or foreign requests").toEqual([]);
    }
  },
});

/** The plain link form (docs/scenario-format.md): `#/<calc>?s=j1.` and the
 *  base64url of the scenario JSON, made here rather than by the app. */
export function linkFor(inputs, v = 1, calc = "unit-economics") {
  const json = JSON.stringify({ v, calc, inputs });
  return `#/${calc}?s=j1.` + Buffer.from(json, "utf8").toString("base64url");
}

/// A name as the page sets it apart in a sentence (`text::isolate`).
export const isolate = (name) => `\u2068${name}\u2069`;
export const quoted = (name) => `“${isolate(name)}”`;

export { expect };
