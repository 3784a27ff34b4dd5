// The compensation page: the worked checks in the browser, both
// tools edited, reloaded and shared, offers added and removed, bad input,
// print.
import { test, expect, isolate, linkFor } from "./fixtures.mjs";

test("the plan's worked check: 260,000 at 150 % of an 800,000 quota", async ({ tally, page }) => {
  await tally.open("#/compensation");
  await tally.field("plan.role").selectOption("custom");
  await tally.type("plan.ote", "200,000");
  await tally.type("plan.base_pct", "60%");
  await tally.type("plan.quota", "800k");
  await tally.type("plan.achieved", "$1.2M");
  await expect(tally.result("plan.commission")).toHaveAttribute("data-value", "140000");
  await expect(tally.result("plan.total")).toHaveAttribute("data-value", "260000");
  await expect(tally.result("plan.total")).toHaveText("$260,000");
  await expect(tally.result("plan.rate")).toHaveAttribute("data-value", "10");
  // The payout curve marks the tier and where the plan pays now.
  await expect(page.locator(".tool").first().locator(".chart .marker")).toHaveText(["1.5× from 100%", "Now"]);
  expect(await tally.crossedLabels()).toEqual([]);
  await expect(tally.result("plan.attainment_pct")).toHaveAttribute("data-value", "150");
  // The earnings table and the reverse question.
  await expect(tally.result("plan.total_at.150")).toHaveAttribute("data-value", "260000");
  await expect(tally.result("plan.total_at.50")).toHaveAttribute("data-value", "160000");
  await tally.type("plan.target_total", "260,000");
  expect(await tally.value("plan.attainment_for")).toBeCloseTo(150, 6);
  // A cap makes more unreachable, and says so.
  await page.getByLabel("Commission is capped").check();
  await tally.type("plan.cap_pct", "100");
  await expect(tally.result("plan.attainment_for")).toHaveAttribute("data-state", "undefined");
  await expect(tally.result("plan.commission")).toHaveAttribute("data-value", "80000");
});

test("a rep far above quota sees where they stand on the payout curve, and a cap holds it flat", async ({ tally, page }) => {
  await tally.open("#/compensation");
  const chart = page.locator(".tool").first().locator(".chart");
  // 300 % of the 1,000,000 quota. Before, the curve stopped at 200 %, with
  // no mark of where the rep stands.
  await tally.type("plan.achieved", "3M");
  await expect(chart.locator(".marker")).toHaveText(["1.5× from 100%", "Now"]);
  await expect(chart.locator("svg")).toHaveAttribute("aria-label", "Total pay against attainment from 0 to 350 % of quota; now $550,000.");
  await expect(chart.locator(".grid text[dominant-baseline=hanging]").last()).toHaveText("300%");
  // Capped at 200 %: the pay is flat from there to the rep's 300 %.
  await page.getByLabel("Commission is capped").check();
  await expect(tally.result("plan.total")).toHaveAttribute("data-value", "400000");
  await expect(chart.locator(".marker")).toHaveText(["1.5× from 100%", "Now"]);
  const ends = await chart.locator("path.line").getAttribute("d");
  const ys = ends.match(/-?[\d.]+/g).filter((_, k) => k % 2 === 1).map(Number);
  expect(ys.slice(-60).every((y) => y === ys[ys.length - 1])).toBe(true);
  expect(await tally.crossedLabels()).toEqual([]);
  await tally.expectNoNonFinite();
});

test("an SDR plan counts meetings and pays per meeting", async ({ tally, page }) => {
  await tally.open("#/compensation");
  // At 100 % the tier's start and "now" are one marker.
  await expect(page.locator(".tool").first().locator(".chart .marker")).toHaveText(["Now · 1.5× from 100%"]);
  // Below the curve, clear of it.
  expect(await tally.crossedLabels()).toEqual([]);
  await tally.field("plan.role").selectOption("sdr");
  await expect(tally.field("plan.quota")).toHaveValue("50");
  await expect(tally.field("plan.period")).toHaveValue("monthly");
  await tally.type("plan.achieved", "60");
  // A role fills in every number of the plan; one click takes it back.
  await tally.type("plan.ote", "95,000");
  await tally.field("plan.role").selectOption("smb_ae");
  await expect(tally.field("plan.quota")).toHaveValue("500,000");
  await expect(page.locator(".undo-offer")).toContainText("The plan's numbers were set for SMB AE");
  await page.locator(".undo-offer").getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("plan.role")).toHaveValue("sdr");
  await expect(tally.field("plan.ote")).toHaveValue("95,000");
  await tally.type("plan.ote", "80,000");
  // 80,000 × 40 % ÷ 12 ÷ 50 = 53.33 a meeting; 50 + 10 × 1.5 = 65 paid meetings.
  expect(await tally.value("plan.rate")).toBeCloseTo(53.3333333, 5);
  expect(await tally.value("plan.commission")).toBeCloseTo(53.3333333 * 65, 4);
  await expect(tally.result("plan.rate")).toHaveText("$53.33");
});

test("a name cannot turn the figures after it around", async ({ tally, page }) => {
  // A right-to-left override (U+202E) in a shared link's offer name used to
  // run on through the next offer's formula, showing its figures reversed.
  await tally.open("#/compensation");
  await tally.type("offers.0.name", "Offer A\u202E");
  await tally.button("Add an offer").click();
  await tally.type("offers.1.shares", "48,000");
  const how = page.locator(".comparison tbody tr", { hasText: "Grant, % of the company" }).locator("details");
  await how.locator("summary").click();
  const formula = how.locator(".formula");
  await expect(formula).toContainText(/Offer B\W*: 48,000 ÷ 10,000,000/);
  // Where each character of Offer B's figures is drawn: left to right.
  const lefts = await formula.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const at = node.data.indexOf("48,000 ÷ 10,000,000", node.data.indexOf("Offer B"));
      if (at < 0 || node.data.indexOf("Offer B") < 0) continue;
      return [...Array(19).keys()].map((k) => {
        const range = document.createRange();
        range.setStart(node, at + k);
        range.setEnd(node, at + k + 1);
        return range.getBoundingClientRect().left;
      });
    }
    return [];
  });
  expect(lefts).toHaveLength(19);
  for (let k = 1; k < lefts.length; k++) expect(lefts[k], `character ${k}`).toBeGreaterThan(lefts[k - 1]);
});

test("the vesting worked check, by the calendar", async ({ tally, page }) => {
  await tally.open("#/compensation");
  await tally.type("offers.0.shares", "48,000");
  await tally.field("offers.0.start_date").fill("2026-01-15");
  // 48,000 of 10,000,000 shares: a stake is written to the hundredth.
  await expect(tally.result("offer.0.grant_pct")).toHaveText("0.48%");
  // Each row's formula carries each offer's own numbers.
  for (const [row, live] of [
    ["Grant, % of the company", `${isolate("Offer A")}: 48,000 ÷ 10,000,000`],
    ["Grant's value at the exit", `${isolate("Offer A")}: 48,000 × max(0, $500,000,000 × (1 − 30%) ÷ 10,000,000 − $1)`],
    ["Annualized total", `${isolate("Offer A")}: $150,000 + 48,000 × max(0, $3 − $1) ÷ 4 + $150,000 × 10% + $0 ÷ 4`],
  ]) {
    const how = page.locator(".comparison tbody tr", { hasText: row }).locator("details");
    await how.locator("summary").click();
    await expect(how.locator(".formula")).toContainText(live);
  }
  for (const [day, shares] of [["2027-01-14", "0"], ["2027-01-15", "12000"], ["2027-02-15", "13000"], ["2030-01-15", "48000"]]) {
    await tally.field("as_of").fill(day);
    await expect(tally.result("offer.0.vested_shares")).toHaveAttribute("data-value", shares);
  }
  // On 2030-01-15 the whole grant has vested: 48 of 48 months.
  const vested = page.locator(".comparison tbody tr", { hasText: /^\s*Vested on the date/ }).locator("details");
  await vested.locator("summary").click();
  await expect(vested.locator(".formula")).toContainText(`${isolate("Offer A")}: floor(48,000 × 48 months ÷ 48)`);
  // Cleared, the date is today again (as a new scenario has it).
  await tally.field("as_of").fill("");
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  await expect(tally.field("as_of")).toHaveValue(iso);
  await page.locator(".schedule summary").first().click();
  await expect(page.locator(".vesting tbody tr").first()).toContainText("January 15, 2027");
  await expect(page.locator(".vesting tbody tr")).toHaveCount(37);
});

test("offers are added, compared, removed; everything survives a reload and a link", async ({ tally, page, browser }) => {
  await tally.open("#/compensation");
  // One offer is not the best of anything.
  await expect(tally.result("offer.0.year1_total")).toHaveAttribute("data-best", "false");
  await expect(page.locator(".star")).toHaveCount(0);
  await tally.button("Add an offer").click();
  await tally.type("offers.1.name", "Globex <i>Inc</i>");
  await tally.type("offers.1.base", "190,000");
  await tally.field("offers.1.equity_type").selectOption("rsu");
  await tally.type("offers.1.shares", "5,000");
  await tally.type("offers.1.share_price", "20");
  // RSUs are not bought: no strike field, and the exercise cost says why.
  await expect(tally.field("offers.1.strike")).toHaveCount(0);
  await expect(tally.result("offer.1.exercise_cost")).toHaveAttribute("data-state", "undefined");
  // Best in each row: the higher base wins the first year.
  await expect(tally.result("offer.1.year1_total")).toHaveAttribute("data-best", "true");
  await expect(tally.result("offer.0.year1_total")).toHaveAttribute("data-best", "false");
  await expect(page.locator(".comparison thead")).toContainText("Globex <i>Inc</i>");
  expect(await page.locator(".comparison thead i").count()).toBe(0);
  await tally.button("Add an offer").click();
  await tally.button("Add an offer").click();
  await expect(tally.button("Add an offer")).toBeDisabled();
  await page.getByRole("button", { name: "Remove Offer C" }).click();
  await expect(page.locator("fieldset.offer")).toHaveCount(3);
  await page.locator(".undo-offer").getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("fieldset.offer")).toHaveCount(4);
  await page.getByRole("button", { name: "Remove Offer C" }).click();
  await expect(page.locator("fieldset.offer")).toHaveCount(3);
  const year1 = await tally.result("offer.1.year1_total").getAttribute("data-value");

  await tally.reload();
  await expect(page.locator("fieldset.offer")).toHaveCount(3);
  await expect(tally.field("offers.1.name")).toHaveValue("Globex <i>Inc</i>");
  await expect(tally.result("offer.1.year1_total")).toHaveAttribute("data-value", year1);

  await tally.button("Copy link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[data-result="offer.1.year1_total"]')).toHaveAttribute("data-value", year1);
  await expect(other.locator('[name="offers.1.equity_type"]')).toHaveValue("rsu");
  await expect(other.locator('[data-result="plan.total"]')).toHaveAttribute(
    "data-value",
    await tally.result("plan.total").getAttribute("data-value"),
  );
  await fresh.close();
});

test("bad input is refused beside the field and loses nothing", async ({ tally, page }) => {
  await tally.open("#/compensation");
  const before = await tally.result("plan.total").getAttribute("data-value");
  for (const [name, text, message] of [
    ["plan.base_pct", "140%", "Must be between 0 % and 100 %"],
    ["plan.quota", "-1", "Must be 0 or more"],
    ["plan.team_quarters_hit", "5", "Must be between 0 and 4"],
    ["plan.tiers.1.multiplier", "1e999", ""],
  ]) {
    await tally.type(name, text);
    const error = page.locator(`#f-${name.replaceAll(".", "\\.")}-error`);
    await expect(error).not.toBeEmpty();
    if (message) await expect(error).toContainText(message);
    await expect(tally.result("plan.total")).toHaveAttribute("data-value", before);
  }
  await tally.type("offers.0.cliff_months", "12.5");
  await expect(page.locator("#f-offers\\.0\\.cliff_months-error")).toContainText("whole number of months");
  await tally.expectNoNonFinite();
});

test("four offers on a phone: the comparison's formulas keep their figures whole", async ({ tally, page }) => {
  // The formulas under the row names broke "$500,000,0" over "00" in the
  // narrow first column.
  await page.setViewportSize({ width: 360, height: 740 });
  const offers = ["A", "B", "C", "D"].map((name) => ({ name }));
  await tally.open(linkFor({ offers }, 1, "compensation"));
  const comparison = page.locator(".comparison");
  for (const how of await comparison.locator("details").all()) await how.locator("summary").click();
  await expect(comparison.locator(".formula").first()).toBeVisible();
  expect(await tally.brokenFigures(comparison)).toEqual([]);
  // An offer's long name, which the formulas repeat, still breaks rather
  // than widen the column past the screen (keeping every word whole, a
  // first version made it 830 px wide).
  offers[0].name = "N".repeat(80);
  await tally.open(linkFor({ offers }, 1, "compensation"));
  await comparison.locator("details").evaluateAll((all) => all.forEach((how) => (how.open = true)));
  await expect(comparison.locator(".formula").first()).toBeVisible();
  expect(await comparison.locator("tbody th").first().evaluate((th) => th.offsetWidth)).toBeLessThan(200);
  expect(await tally.brokenFigures(comparison)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
});

test("on a phone each offer's first-year total stays at the top while the offers scroll", async ({ tally, page }) => {
  // At 360 px two offers' cards are about 2,700 px: an edit of the second
  // was far from the comparison under them.
  await page.setViewportSize({ width: 360, height: 740 });
  await tally.open(linkFor({ offers: [{ name: "Startup" }, { name: "BigCo", equity_type: "rsu" }] }, 1, "compensation"));
  const peek = page.locator(".offers > .peek");
  const totals = () => Promise.all([0, 1].map((n) => tally.result(`offer.${n}.year1_total`).textContent()));
  await tally.type("offers.1.base", "190,000");
  await tally.field("offers.1.dilution_pct").evaluate((el) => el.scrollIntoView({ block: "center" }));
  expect((await page.locator(".comparison").boundingBox()).y).toBeGreaterThan(740);
  await expect(peek).toBeVisible();
  expect(Math.round((await peek.boundingBox()).y)).toBe(0);
  await expect(peek.locator("span")).toHaveText(["Startup", "BigCo"]);
  // 190,000 + 10 % bonus + 15,000 benefits + a year of 48,000 RSUs at $3.
  await expect(peek.locator("b")).toHaveText(["$204,000", "$260,000"]);
  expect(await totals()).toEqual(["$204,000", "$260,000"]);
  // With the comparison on screen, the bar goes.
  await page.locator(".comparison").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(peek).toBeHidden();
});

test("print keeps both tools' results, tables and charts", async ({ tally, page }) => {
  await tally.open("#/compensation");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".scenario-bar")).toBeHidden();
  await expect(page.locator(".report-meta")).toBeVisible();
  await expect(tally.result("plan.total")).toBeVisible();
  await expect(page.locator(".comparison")).toBeVisible();
  await expect(page.locator(".chart svg").first()).toBeVisible();
  await expect(tally.button("Add an offer")).toBeHidden();
  // A page for each tool, with one offer to four. As cards, each repeating
  // its labels, three took a third page on Letter, and four on either.
  for (const offers of [1, 2, 3, 4]) {
    for (const format of ["A4", "Letter"]) {
      const pdf = await page.pdf({ format });
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, `${offers} offers, ${format}`).toBe(2);
    }
    if (offers === 4) break;
    await page.emulateMedia({ media: "screen" });
    await tally.button("Add an offer").click();
    await page.emulateMedia({ media: "print" });
  }
});

test("on paper the offers are one table, a row for each field across them", async ({ tally, page }) => {
  const offers = [{ name: "A", equity_type: "rsu" }, { name: "B" }, { name: "C" }];
  await tally.open(linkFor({ offers }, 1, "compensation"));
  await page.emulateMedia({ media: "print" });
  const top = (name) => page.locator(`[name='${name}']`).evaluate((e) => Math.round(e.getBoundingClientRect().top));
  // An RSU has no strike price: its column skips that row, and the rows
  // below it stay level with the other offers'.
  for (const key of ["base", "shares", "vest_months", "dilution_pct"]) {
    const rows = await Promise.all([0, 1, 2].map((i) => top(`offers.${i}.${key}`)));
    expect(new Set(rows).size, key).toBe(1);
  }
  expect(await top("offers.1.strike")).toBe(await top("offers.2.strike"));
  expect(await top("offers.0.company_shares")).toBeLessThan(await top("offers.1.strike"));
  expect(await top("offers.0.vest_months")).toBeGreaterThan(await top("offers.1.strike"));
  // Each label once: in the first column, and the strike price's with the
  // first offer that has one.
  await expect(page.locator(".offer label:visible", { hasText: "Base salary" })).toHaveCount(1);
  await expect(page.locator(".offer label:visible", { hasText: "Strike price" })).toHaveCount(1);
  await expect(page.locator("[data-offer='1'] label:visible", { hasText: "Strike price" })).toHaveCount(1);
});

test("the cumulative chart labels where one offer passes another", async ({ tally, page }) => {
  await tally.open("#/compensation");
  await tally.type("offers.0.base", "200,000");
  await tally.type("offers.0.shares", "0");
  await tally.button("Add an offer").click();
  await tally.type("offers.1.share_price", "10");
  // B's cash trails A's by 55,000 a year, but 108,000 of options vest at
  // the cliff: B passes A in month 12 and stays ahead.
  await expect(page.locator(".offers .chart .marker")).toHaveText([`${isolate("Offer B")} passes ${isolate("Offer A")}, month 12`]);
  // Below A's line, clear of both.
  expect(await tally.crossedLabels()).toEqual([]);
});

test("a big company's grant reads as the small share it is, not 0.00% beside a startup's", async ({ tally, page }) => {
  const offers = [
    { name: "Startup", shares: 48000, company_shares: 10000000 },
    { name: "BigCo", equity_type: "rsu", shares: 1000, share_price: 150, company_shares: 1000000000 },
  ];
  await page.goto(linkFor({ offers }, 1, "compensation"));
  await tally.ready();
  await expect(tally.result("offer.0.grant_pct")).toHaveText("0.48%");
  // 1,000 of a billion shares: before, "0.00%".
  await expect(tally.result("offer.1.grant_pct")).toHaveText("0.0001%");
  await expect(tally.result("offer.1.grant_pct")).toHaveAttribute("data-value", "0.0001");
});

test("a cap below the threshold is said under the commission it shapes", async ({ tally, page }) => {
  await page.goto(linkFor({ plan: { role: "custom", threshold_pct: 150, cap_pct: 100 } }, 1, "compensation"));
  await tally.ready();
  const note = page.locator(".result:has([data-result='plan.commission']) .note");
  await expect(note).toHaveText(
    "The cap, 100%, is below the threshold, 150%: nothing is paid below 150% of quota, and there at once the commission up to the cap.",
  );
  // Before, a plan that pays nothing to 150 % and then the capped amount
  // at once said nothing of it. A threshold at the cap is an ordinary plan.
  await tally.type("plan.threshold_pct", "100");
  await expect(note).toHaveCount(0);
});
