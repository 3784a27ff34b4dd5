import { test, expect, linkFor } from "./fixtures.mjs";

const HOSTILE = ["", "-", "1e999", "NaN", "Infinity", "<script>alert(1)</script>", "9".repeat(10_000), "1,2,3", "--5", "$-"];

const PAGES = [
  ["#/unit-economics", "ltv_cac", 8, async () => {}],
  // Every kind of ROI field: the GPU basis and a line entered by year.
  ["#/roi", "npv", 12, async (tally, page) => {
    await page.getByLabel("Known as").selectOption("gpu");
    await tally.button("Add a line").click();
  }],
  ["#/compensation", "plan.total", 30, async (tally) => {
    await tally.button("Add an offer").click();
  }],
  // Every kind of round: add a note and a pre-money SAFE to the default.
  ["#/equity", "total_shares", 15, async (tally, page) => {
    await page.getByLabel("New round").selectOption("note");
    await tally.button("Add the round").click();
    await page.getByLabel("New round").selectOption("safe_pre");
    await tally.button("Add the round").click();
  }],
];
for (const [hash, watched, minimum, prepare] of PAGES) {
  test(`every input on ${hash} refuses hostile strings, keeps its value, and the page stays alive`, async ({ tally, page }) => {
    // Ten strings into each of up to 35 fields, three checks each.
    test.setTimeout(120_000);
    await tally.open(hash);
    await prepare(tally, page);
    const names = await page.locator("main input[type=text][inputmode]").evaluateAll((els) => els.map((e) => e.name));
    expect(names.length).toBeGreaterThan(minimum);
    const before = await tally.result(watched).getAttribute("data-value");
    for (const name of names) {
      const field = tally.field(name);
      for (const text of HOSTILE) {
        await field.fill(text);
        const message = page.locator(`#f-${name.replaceAll(".", "\\.")}-error`);
        await expect(message).not.toBeEmpty();
        await expect(tally.result(watched)).toHaveAttribute("data-value", before);
      }
    }
    // Nothing on the page reads NaN or infinity.
    await tally.expectNoNonFinite();
    // Still alive: a valid edit computes.
    await tally.field(names[0]).fill("12");
    await expect(tally.result(watched)).not.toHaveAttribute("data-value", before);
  });
}

test("out-of-range values name the range", async ({ tally, page }) => {
  await tally.open();
  await tally.type("churn_pct", "140%");
  await expect(page.locator("#f-churn_pct-error")).toHaveText("Must be between 0 % and 100 %");
  await tally.type("other_sm_spend", "-100");
  await expect(page.locator("#f-other_sm_spend-error")).toHaveText("Must be 0 or more");
});

test("user text is rendered as text, never as markup", async ({ tally, page }) => {
  await tally.open();
  await page.locator('[name="stages.0.name"]').fill('<img src=x onerror="window.pwned=1">');
  await expect(page.locator(".funnel")).toContainText("<img src=x");
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator(".funnel img").count()).toBe(0);
});

test("a name typed without spaces wraps where it is shown; no page scrolls sideways", async ({ tally, page }) => {
  // The longest name a field takes (80 characters), as one word: a heading
  // ("…'s stake through the rounds"), the charts' legends and a button
  // ("Remove …") had the page scroll sideways, 1,867 px at 1,280.
  const name = "W".repeat(80);
  const cases = [
    ["equity", { holders: [{ name, class: "common", shares: 7_900_000 }, { name: "Option pool", class: "pool", shares: 2_000_000 }], follow: name }],
    ["compensation", { offers: [{ name, base: 150_000 }, { name: `${name.slice(1)}2`, base: 160_000 }] }],
    // The prospect as the presentation's title, a line's name in its table.
    ["roi", { prospect: name, items: [{ name, type: "benefit", initial: 0, yearly: [1000] }] }, "&view=present"],
    ["unit-economics", { stages: [{ name, rate_pct: 25 }] }],
  ];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [calc, inputs, view = ""] of cases) {
      await tally.open(linkFor(inputs, 1, calc) + view);
      // Everything laid out, as it is once scrolled to: charts and rows a
      // screen away are set aside (content-visibility) until then.
      await page.evaluate(() => {
        const all = new CSSStyleSheet();
        all.replaceSync("* { content-visibility: visible !important; }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, all];
      });
      await expect(page.locator("main")).toContainText(name);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${calc} at ${width} px`).toBe(width);
    }
  }
  // On a phone the bars of figures kept at the top hold a long name to a
  // line or two: no taller than the scroll padding that keeps a focused
  // field clear of them (equity's bar was 218 px with this name). Four
  // offers, at 320 px, are the tallest bar.
  const offers = [1, 2, 3, 4].map((k) => ({ name: `${name.slice(1)}${k}`, base: 150_000 + k }));
  for (const [calc, inputs] of [cases[0], ["compensation", { offers }]]) {
    await page.setViewportSize({ width: 320, height: 740 });
    await tally.open(linkFor(inputs, 1, calc));
    const heights = await page.locator(".peek").evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height));
    const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
    expect(heights.length, calc).toBeGreaterThan(0);
    for (const h of heights) expect(h, `${calc}: a bar against the scroll padding`).toBeLessThanOrEqual(padding);
  }
});

test("a long name prints whole in its field's place, wrapping, on every page", async ({ tally, page }) => {
  // An input is one line cut at its width, and paper does not scroll: a
  // prospect, a line, an offer, a holder or a stage named in more than
  // about 20 characters was printed cut ("Northwind Analytics, Sta"). And
  // nothing is wider than the page: equity's exit table, beside the chart,
  // ran off its edge with such a holder.
  const name = "Northwind Analytics International Holdings, Staff Engineer (Remote)";
  const cases = [
    // A line's name is printed in the list of lines (roi.spec), not its
    // field; one without a space breaks there too.
    ["roi", { prospect: name, items: [{ name, type: "benefit", initial: 0, yearly: [1000] }, { name: "W".repeat(80), type: "cost", monthly: 10 }] }, ["prospect"]],
    // An offer's name is printed as its card's legend (below), not twice.
    ["compensation", { offers: [{ name }, { name: `${name} 2` }, { name: "B" }, { name: "C" }] }, []],
    // The holder followed is a select, as wide as its longest name.
    ["equity", { holders: [{ name, class: "common", shares: 7_900_000 }, { name: "Option pool", class: "pool", shares: 2_000_000 }], follow: name }, ["holders.0.name", "follow"]],
    ["unit-economics", { stages: [{ name, rate_pct: 25 }] }, ["stages.0.name"]],
  ];
  await page.setViewportSize({ width: 718, height: 1000 });
  for (const [calc, inputs, named] of cases) {
    await tally.open(linkFor(inputs, 1, calc));
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      // Controls still printed as controls (numbers, dates, choices).
      cut: [...document.querySelectorAll("main :is(input, select)")]
        .filter((el) => el.offsetWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.name),
      texts: Object.fromEntries([...document.querySelectorAll(".field[data-text]")].map((field) => {
        const input = field.querySelector("input, select");
        return [input.name, {
          input: input.offsetWidth,
          shown: getComputedStyle(field, "::after").content,
          value: input.value,
          spills: field.scrollWidth > field.clientWidth + 1,
          lines: Math.round(field.getBoundingClientRect().height / parseFloat(getComputedStyle(field).lineHeight)),
        }];
      })),
    }));
    expect(printed.cut, calc).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${calc}: nothing wider than the page`).toBeLessThanOrEqual(718);
    for (const key of named) {
      const text = printed.texts[key];
      expect(text, `${calc} ${key}`).toBeDefined();
      expect(text.value).toContain(name);
      expect(text, `${calc} ${key}`).toMatchObject({ input: 0, shown: JSON.stringify(text.value), spills: false });
      expect(text.lines, `${calc} ${key} wraps`).toBeGreaterThan(1);
    }
    if (calc === "compensation") {
      await expect(page.locator(".offer .field[data-text]").first()).toBeHidden();
      // On paper the offers are one table, a column each, headed by its
      // name: no name runs into the next column or off the table.
      const legends = await page.locator(".offer > legend").evaluateAll((els) => els.map((el, i) => {
        const right = i + 1 < els.length ? els[i + 1].getBoundingClientRect().left : el.closest(".offer-cards").getBoundingClientRect().right;
        return { text: el.textContent, spills: el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > right + 1 };
      }));
      expect(legends).toEqual([{ text: name, spills: false }, { text: `${name} 2`, spills: false }, { text: "B", spills: false }, { text: "C", spills: false }]);
    }
    await page.emulateMedia({ media: "screen" });
  }
});

test("undefined results say why instead of showing a number", async ({ tally, page }) => {
  await tally.open();
  await tally.type("churn_pct", "0");
  const lifetime = tally.result("lifetime_months");
  await expect(lifetime).toHaveAttribute("data-state", "undefined");
  await expect(lifetime).toHaveAttribute("data-value", "");
  await expect(lifetime).toContainText("never leaves");
  await page.getByLabel("I know my CAC").check();
  await tally.type("cac_override", "0");
  await expect(tally.result("ltv_cac")).toHaveAttribute("data-state", "undefined");
  // No leads, no customers, no CAC: its formulas say so in words, never in
  // a programmer's "undefined".
  await page.getByLabel("I know my CAC").uncheck();
  await tally.type("leads", "0");
  await expect(tally.result("cac")).toHaveAttribute("data-state", "undefined");
  const how = page.locator('[data-result="ltv_cac"] ~ details');
  await how.locator("summary").click();
  await expect(how.locator(".formula")).toHaveText(/^LTV ÷ CAC = \$[\d,]+ ÷ not defined$/);
});

test("results match the formulas", async ({ tally }) => {
  await tally.open();
  await expect(tally.result("new_customers")).toHaveAttribute("data-value", "10");
  await expect(tally.result("cac")).toHaveAttribute("data-value", "2400");
  await tally.type("expansion_pct", "0");
  // LTV = ARPA × GM / churn = 2900 × 0.8 / 0.025.
  expect(await tally.value("ltv")).toBeCloseTo(92800, 6);
  expect(await tally.value("ltv_cac")).toBeCloseTo(92800 / 2400, 9);
  expect(await tally.value("lifetime_months")).toBeCloseTo(40, 9);
});
