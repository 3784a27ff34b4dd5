// The ROI page: the worked check in the browser, the presentation a
// prospect opens from a link, the copy they edit and what differs from the
// version sent, print, and bad input.
import { test, expect, isolate, linkFor } from "./fixtures.mjs";

/** The worked check of issue 3: 50,000 a month, 60 % less, a 5,000 licence,
 *  40,000 of implementation, 36 months, no discounting. */
async function enterWorkedCheck(tally, page) {
  await tally.open("#/roi");
  await page.getByLabel("Given as").selectOption("reduction");
  await tally.type("current_monthly_cost", "50,000");
  await tally.type("cost_reduction_pct", "60%");
  await tally.type("license_monthly", "$5k");
  await tally.type("implementation_cost", "40000");
  await tally.type("horizon_months", "36");
  await tally.type("discount_rate_pct", "0");
}

test("the worked check holds in the browser, to the cent", async ({ tally, page }) => {
  await enterWorkedCheck(tally, page);
  await expect(tally.result("total_benefits")).toHaveAttribute("data-value", "1080000");
  await expect(tally.result("total_costs")).toHaveAttribute("data-value", "220000");
  await expect(tally.result("net_benefit")).toHaveAttribute("data-value", "860000");
  expect(await tally.value("roi_pct")).toBeCloseTo(390.909090909, 6);
  await expect(tally.result("roi_pct")).toHaveText("390.9%");
  expect(await tally.value("payback_months")).toBeCloseTo(1.6, 12);
  await expect(tally.result("payback_date")).toHaveAttribute("data-value", "2026-02-18");
  // The studies' table: the initial period is the implementation, costs in
  // parentheses; three years of 300,000 net each.
  await expect(tally.result("table.net.initial")).toHaveAttribute("data-value", "-40000");
  await expect(tally.result("table.costs.initial")).toHaveText("($40,000)");
  await expect(tally.result("table.net.y1")).toHaveAttribute("data-value", "300000");
  await expect(tally.result("table.net.y3")).toHaveAttribute("data-value", "300000");
  await expect(tally.result("table.net.total")).toHaveAttribute("data-value", "860000");
  // Half the savings: 15,000 a month, paid back after 4 months.
  expect(await tally.value("half.payback_months")).toBeCloseTo(4, 12);
  await expect(tally.result("half.npv")).toHaveAttribute("data-value", "320000");
  // The chart marks the payback and the tornado lists the levers.
  await expect(page.locator(".chart .marker")).toContainText("Paid back, month 1.6");
  await expect(page.locator('.tornado tr[data-lever="cost_reduction_pct"]')).toContainText("48%");
  // The formula behind a result carries the live numbers.
  const how = page.locator('[data-result="roi_pct"] ~ details');
  await how.locator("summary").click();
  await expect(how.locator(".formula")).toHaveText("NPV ÷ PV of costs = $860,000 ÷ $220,000");
});

test("payback waits for a ramp with no fee up front, and there is none with no costs", async ({ tally, page }) => {
  // No implementation fee, a 20,000 licence, 30,000 of savings ramping up
  // over 4 months: the cumulative net starts at 0, falls to −17,500 and is
  // back to zero half-way through month 5, on May 17, 2026.
  const ramp = {
    current_monthly_cost: 50000, change_basis: "reduction", cost_reduction_pct: 60,
    license_monthly: 20000, implementation_cost: 0, ramp_months: 4,
    horizon_months: 36, discount_rate_pct: 0, start_date: "2026-01-01",
  };
  await tally.open(linkFor(ramp, 1, "roi"));
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", "4.5");
  await expect(tally.result("payback_date")).toHaveText("May 17, 2026");
  await expect(page.locator(".chart .marker text")).toHaveText("Paid back, month 4.5");
  // Its formula carries the month it comes back in, with the live numbers.
  const how = page.locator('[data-result="payback_months"] ~ details');
  await how.locator("summary").click();
  await expect(how.locator(".formula")).toHaveText(
    "The undiscounted cumulative net cash flow is -$5,000 after month 4, and month 5 nets $10,000; " +
      "from then on it stays at or above zero: 4 + $5,000 ÷ $10,000 = 4.5 mo",
  );
  // The tornado tries the ramp at whole months, as its field takes them,
  // not at 3.2 and 4.8; its caption says so.
  const ramped = page.locator('.tornado tr[data-lever="ramp_months"] td');
  await expect(ramped.nth(0)).toContainText(/^3 mo → /);
  await expect(ramped.nth(1)).toContainText(/^5 mo → /);
  await expect(page.locator(".tornado caption")).toContainText("the ramp by whole months");
  // No costs at all: no payback, for the reason ROI gives none.
  await tally.open(linkFor({ ...ramp, license_monthly: 0 }, 1, "roi"));
  await expect(tally.result("roi_pct")).toHaveAttribute("data-state", "undefined");
  await expect(tally.result("payback_months")).toHaveAttribute("data-state", "undefined");
  await expect(tally.result("payback_months")).toContainText("no costs to pay back");
  await expect(tally.result("payback_date")).toHaveText("Not defined: there are no costs to pay back");
  await expect(page.locator(".chart .marker")).toHaveCount(0);
});

/** The name and text of the file a click on `button` downloads. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

test("the cash flows download month by month and add up to the results, in the presentation too", async ({ tally, page }) => {
  await enterWorkedCheck(tally, page);
  await tally.type("discount_rate_pct", "12");
  await tally.type("ramp_months", "3");
  const button = page.getByRole("button", { name: "Download the cash flows month by month (CSV)" });
  const check = async () => {
    const { name, text } = await downloaded(page, button);
    expect(name).toBe("roi-cash-flows.csv");
    const [header, ...rows] = text.trimEnd().split("\r\n").map((line) => line.split(","));
    expect(header.join(",")).toBe("month,date,benefits,costs,net,discount_factor,present_value,cumulative_net");
    expect(rows).toHaveLength(37);
    expect(rows[0].slice(0, 5).join(",")).toBe("0,2026-01-01,0,40000,-40000");
    expect(rows[36][1]).toBe("2029-01-01");
    const sum = (c) => rows.reduce((total, row) => total + Number(row[c]), 0);
    expect(sum(6)).toBeCloseTo(await tally.value("npv"), 6);
    expect(sum(2)).toBeCloseTo(await tally.value("total_benefits"), 6);
    expect(Number(rows[36][7])).toBeCloseTo(await tally.value("net_benefit"), 6);
  };
  await check();
  await tally.button("Copy presentation link").click();
  await page.goto(await page.getByLabel("Link to this scenario").inputValue());
  await expect(page.locator(".present-title")).toBeVisible();
  await check();
});

test("a presentation link opens read-only in a fresh browser, and edits go to a copy", async ({ tally, page, browser }) => {
  await enterWorkedCheck(tally, page);
  await tally.type("prospect", "Acme <b>Corp</b>");
  await tally.type("prepared_by", "Dana, Solutions");
  await tally.field("sources.current_monthly_cost").selectOption("prospect");
  await tally.button("Copy presentation link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  expect(url).toContain("&view=present");
  const npv = await tally.result("npv").getAttribute("data-value");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on("pageerror", (e) => errors.push(e.message));
  other.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await other.goto(url);
  await expect(other.locator(".present-title")).toHaveText("Business case for Acme <b>Corp</b>");
  expect(await other.locator(".present-title b").count()).toBe(0);
  await expect(other.locator(".byline")).toContainText(`Prepared by ${isolate("Dana, Solutions")}`);
  // Dates written out as everywhere else, the discounting in plain words.
  const today = await other.evaluate(() => new Date().toLocaleDateString("default", { day: "numeric", month: "long", year: "numeric" }));
  await expect(other.locator(".byline")).toContainText(`${today} · starting January 1, 2026 over 36 months · not discounted`);
  // The frame's line about sales engineers is not shown to the prospect.
  await expect(other.locator(".page-head .lede")).toBeHidden();
  await expect(other.locator('[data-result="npv"]')).toHaveAttribute("data-value", npv);
  // Read-only: no input, no scenario bar; assumptions with their sources.
  expect(await other.locator("main input, main select").count()).toBe(0);
  await expect(other.locator(".scenario-bar")).toHaveCount(0);
  const assumptions = other.locator(".assumptions");
  await expect(assumptions.getByRole("row", { name: /Current monthly cost/ })).toContainText("Prospect's figure");
  await expect(assumptions.getByRole("row", { name: /Cost reduction/ })).toContainText("60%");
  await expect(other.locator(".chart svg")).toBeVisible();

  // Editing makes a copy; the page lists what differs from the version sent.
  await other.getByRole("button", { name: "Edit a copy" }).click();
  await expect(other.locator(".page-head .lede")).toBeVisible();
  await expect(other.locator('[data-differences="0"]')).toBeVisible();
  await other.locator('[name="license_monthly"]').fill("6000");
  const differences = other.locator(".differences table");
  await expect(differences).toHaveAttribute("data-differences", "1");
  await expect(differences.locator('tr[data-key="license_monthly"]')).toContainText("$5,000");
  await expect(differences.locator('tr[data-key="license_monthly"]')).toContainText("$6,000");
  await expect(differences.getByRole("row", { name: /Net present value/ })).toContainText("$860,000");
  await expect(differences.getByRole("row", { name: /Net present value/ })).toContainText("$824,000");
  // A reload keeps the copy's edit and the version it came from.
  await other.reload();
  await expect(other.locator('[name="license_monthly"]')).toHaveValue("6,000");
  await expect(other.locator(".differences table")).toHaveAttribute("data-differences", "1");
  // Nothing was saved in the prospect's browser until they choose to.
  expect((await other.evaluate(() => localStorage.getItem("tally"))) ?? "").not.toContain("Acme");
  expect(errors).toEqual([]);
  await fresh.close();

  // The sender's scenario is as they left it.
  await expect(tally.field("license_monthly")).toHaveValue("5,000");
  await expect(tally.result("npv")).toHaveAttribute("data-value", npv);
});

for (const format of ["A4", "Letter"]) {
  test(`the presentation prints on at most two ${format} pages`, async ({ tally, page }) => {
    await enterWorkedCheck(tally, page);
    await tally.type("prospect", "Acme Corp");
    await tally.button("Show as the prospect sees it").click();
    await expect(page.locator(".present-title")).toHaveText("Business case for Acme Corp");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".actions")).toBeHidden();
    await expect(page.locator(".assumptions")).toBeVisible();
    await expect(page.locator(".summary-by-year")).toBeVisible();
    await expect(page.locator(".chart svg")).toBeVisible();
    await expect(page.locator(".formula").first()).toBeVisible();
    const pdf = await page.pdf({ format });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });
    await tally.button("Back to editing").click();
    await expect(tally.field("prospect")).toHaveValue("Acme Corp");
  });
}

test("the editing page prints as a one-page report", async ({ tally, page }) => {
  await enterWorkedCheck(tally, page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".scenario-bar")).toBeHidden();
  await expect(page.locator(".report-meta")).toContainText("Base case");
  await expect(page.locator(".inputs")).toBeVisible();
  await expect(page.locator(".summary-by-year")).toBeVisible();
  await expect(page.locator(".chart svg")).toBeVisible();
  await expect(tally.result("npv")).toBeVisible();
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, format).toBe(1);
  }
});

test("other lines print a line each: the editing page on one page, the presentation as a list", async ({ tally, page }) => {
  // Their fields printed one to a row down a third of the page: ten lines
  // of five years took three pages. And the presentation ran them together
  // in one right-aligned paragraph.
  const items = Array.from({ length: 10 }, (_, k) => ({ name: `Line ${k + 1}`, type: k % 3 ? "benefit" : "cost", initial: 1000 * k, yearly: [1000, 2000, 3000, 4000, 5000] }));
  items[9] = { name: "Support contract", type: "cost", monthly: 2500 };
  const link = linkFor({ horizon_months: 60, items }, 1, "roi");
  // A4's width less the report's margins.
  await page.setViewportSize({ width: 718, height: 1000 });
  const want = [
    ...items.slice(0, 9).map((it, k) => `${isolate(it.name)} (${it.type}): initial $${(1000 * k).toLocaleString("en-US")}, by year $1,000, $2,000, $3,000, $4,000, $5,000`),
    `${isolate("Support contract")} (cost): $2,500 a month`,
  ];
  await tally.open(link);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".items")).toBeHidden();
  await expect(page.locator(".inputs .lines li")).toHaveText(want);
  const pages = async (format) => ((await page.pdf({ format })).toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(await pages("A4")).toBe(1);
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".inputs .lines")).toBeHidden();
  // On Letter, 21 mm shorter, eight lines (ten take the results to a
  // second page).
  await tally.open(linkFor({ horizon_months: 60, items: items.slice(2) }, 1, "roi"));
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".inputs .lines li")).toHaveText(want.slice(2));
  expect(await pages("Letter")).toBe(1);
  await page.emulateMedia({ media: "screen" });

  await tally.open(`${link}&view=present`);
  const row = page.locator(".assumptions tr", { has: page.locator("th", { hasText: "Other lines" }) });
  await expect(row.locator(".lines li")).toHaveText(want);
  // Left-aligned, a line each; and on paper no source broken inside a
  // word ("Vendor benchm|ark" when the column was squeezed).
  expect(await row.locator(".lines").evaluate((ul) => getComputedStyle(ul).textAlign)).toBe("left");
  await page.emulateMedia({ media: "print" });
  const broken = await page.locator(".assumptions td:nth-child(3)").evaluateAll((tds) =>
    tds.flatMap((td) => {
      const node = td.firstChild;
      if (!node) return [];
      return [...node.textContent.matchAll(/\S+/g)].filter((word) => {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        return range.getClientRects().length > 1;
      }).map((word) => word[0]);
    }),
  );
  expect(broken).toEqual([]);
  expect(await page.locator(".assumptions td:nth-child(3)", { hasText: "Vendor benchmark" }).count()).toBe(1);
});

test("ten years of cash flows in the billions print whole, a year to a row, on one page", async ({ tally, page }) => {
  // Initial, ten years, Total and Present value side by side are wider
  // than a page: on paper, where nothing scrolls, the table on screen lost
  // Year 10, Total and Present value at the page's edge.
  await tally.open(linkFor({ current_monthly_cost: 1e9, horizon_months: 120 }, 1, "roi"));
  const cols = ["initial", ...Array.from({ length: 10 }, (_, k) => `y${k + 1}`), "total", "pv"];
  const onScreen = [];
  for (const col of cols) {
    const row = [];
    for (const key of ["benefits", "costs", "net"]) row.push(await tally.result(`table.${key}.${col}`).innerText());
    onScreen.push(row);
  }
  // A4's width less the report's margins of 10 mm.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".summary")).toBeHidden();
  const byYear = page.locator(".summary-by-year");
  await expect(byYear.locator("tbody th")).toHaveText(["Initial", ...Array.from({ length: 10 }, (_, k) => `Year ${k + 1}`), "Total", "Present value"]);
  const onPaper = await byYear.locator("tbody tr").evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerText)));
  expect(onPaper).toEqual(onScreen);
  expect(onPaper[11][2]).toMatch(/^\$\d+,\d{3},\d{3},\d{3}$/);
  const cut = await page.locator("table").evaluateAll((tables) =>
    tables.filter((t) => t.offsetParent && t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((t) => t.className),
  );
  expect(cut).toEqual([]);
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, format).toBe(1);
  }
});

test("the one field that takes negatives asks a phone for a keyboard with a minus sign", async ({ tally, page }) => {
  await tally.open("#/roi");
  // iOS's decimal pad has digits and a point only: a shrinking workload
  // (−10 % a month) could not be typed on an iPhone.
  const numeric = page.locator("main input[type=text][inputmode]");
  await expect(numeric.and(page.locator("[inputmode=text]"))).toHaveCount(1);
  await expect(tally.field("workload_growth_pct")).toHaveAttribute("inputmode", "text");
  await expect(tally.field("current_monthly_cost")).toHaveAttribute("inputmode", "decimal");
  await tally.type("workload_growth_pct", "-10");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
});

test("bad input on the ROI page is refused beside the field and loses nothing", async ({ tally, page }) => {
  await tally.open("#/roi");
  const before = await tally.result("npv").getAttribute("data-value");
  for (const [name, text, message] of [
    ["current_monthly_cost", "-5", "Must be 0 or more"],
    ["speedup", "0", "Must be between"],
    ["confidence_pct", "140%", "Must be between 0 % and 100 %"],
    ["horizon_months", "1e999", ""],
    ["license_monthly", "<script>", ""],
  ]) {
    await tally.type(name, text);
    const error = page.locator(`#f-${name}-error`);
    await expect(error).not.toBeEmpty();
    if (message) await expect(error).toContainText(message);
    await expect(tally.result("npv")).toHaveAttribute("data-value", before);
  }
  await tally.button("Add a line").click();
  await tally.type("items.0.name", "x".repeat(10_000));
  await tally.type("items.0.yearly.0", "NaN");
  await expect(page.locator("#f-items\\.0\\.yearly\\.0-error")).not.toBeEmpty();
  await tally.type("items.0.yearly.0", "12,000");
  expect(await tally.value("npv")).toBeGreaterThan(Number(before));
  await tally.expectNoNonFinite();
  // A version-sent parameter that cannot be read is explained, not fatal.
  // (The focused amount field blurs as the page is rebuilt under it: that
  // used to read a disposed signal and panic.)
  await expect(tally.field("items.0.yearly.0")).toBeFocused();
  const url = page.url().split("#")[0];
  await page.goto(`${url}#/roi?s=j1.eyJ2IjoxLCJjYWxjIjoicm9pIiwiaW5wdXRzIjp7fX0&sent=j1.broken`);
  await expect(page.getByText("The version this copy was made from could not be read")).toBeVisible();
  await expect(tally.result("npv")).toBeVisible();
});

test("inputs read at full precision in formulas and in the presentation", async ({ tally, page }) => {
  await tally.open("#/roi");
  const how = page.locator('[data-result="new_monthly_cost"] ~ details');
  await how.locator("summary").click();
  // The published 2.37×, not a rounded 2.4×.
  await expect(how.locator(".formula")).toHaveText("today's cost ÷ speed-up = $50,000 ÷ 2.37×");
  // Formulas carry their live numbers: the savings summed, the payback dated.
  const benefits = page.locator('[data-result="total_benefits"] ~ details');
  await benefits.locator("summary").click();
  await expect(benefits.locator(".formula")).toContainText("Σ over 36 months: savings $28,903 × 100% confidence");
  const dated = page.locator('[data-result="payback_date"] ~ details');
  await dated.locator("summary").click();
  await expect(dated.locator(".formula")).toHaveText("start date January 1, 2026 + 1.7 months, by the calendar");
  await tally.type("license_monthly", "1,234.56");
  await tally.button("Show as the prospect sees it").click();
  const assumptions = page.locator(".assumptions");
  await expect(assumptions.getByRole("row", { name: /Licence/ })).toContainText("$1,234.56");
  await expect(assumptions.getByRole("row", { name: /Speed-up/ })).toContainText("2.37×");
  await expect(assumptions.getByRole("row", { name: /Speed-up/ })).toContainText("Vendor benchmark");
  await expect(assumptions).toContainText("arXiv:2410.16144");
});

test("on a phone the presentation's assumptions keep every figure whole", async ({ tally, page }) => {
  // At 360 px the assumptions' value column was let shrink below its
  // figures: "$50,00" over "0", "monthl" over "y", in the view a CFO opens.
  await page.setViewportSize({ width: 360, height: 740 });
  const inputs = {
    prospect: "Northwind", currency: "INR", current_monthly_cost: 12345678,
    items: [{ name: "Support team savings, second line of the business case", type: "benefit", monthly: 125000 }],
  };
  await tally.open(linkFor(inputs, 1, "roi") + "&view=present");
  const assumptions = page.locator(".assumptions");
  await expect(assumptions.getByRole("row", { name: /Current monthly cost/ })).toContainText("₹1,23,45,678");
  expect(await tally.brokenFigures(assumptions)).toEqual([]);
  expect(await tally.brokenFigures(page.locator("main"))).toEqual([]);
  const cell = assumptions.getByRole("row", { name: /Cost known as/ }).getByRole("cell").first();
  expect(await cell.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);
  // And the page still fits the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  // Figures in the trillions, whole, are wider than a phone: the table
  // scrolls under its row names, the page does not.
  const vast = { ...inputs, current_monthly_cost: 987654321000, implementation_cost: 123456789000 };
  await tally.open(linkFor(vast, 1, "roi") + "&view=present");
  await expect(assumptions.getByRole("row", { name: /Current monthly cost/ })).toContainText("₹9,87,65,43,21,000");
  expect(await tally.brokenFigures(assumptions)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  // The other lines, with the table's own figures short: their cell was
  // as narrow as the value column less the list's indent, and they could
  // break anywhere: "$4,00|0 a month", "$12,0|00". Their names may still
  // break anywhere; their figures never, and they take the source's
  // column, which they have none of.
  const lines = [
    { name: "Fewer support tickets", type: "benefit", monthly: 4000 },
    { name: "Training", type: "cost", initial: 12000, yearly: [2000, 2000, 2000] },
  ];
  for (const more of [{}, { currency: "INR", items: [{ ...lines[1], initial: 123456789012, yearly: [98765432101, 98765432101] }] }]) {
    await tally.open(linkFor({ items: lines, ...more }, 1, "roi") + "&view=present");
    const row = assumptions.getByRole("row", { name: /Other lines/ });
    await expect(row.locator("li").first()).toContainText(more.currency ? "₹1,23,45,67,89,012" : "$4,000 a month");
    expect(await tally.brokenFigures(row)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  }
});

test("ROI edits, lines and sources survive a reload", async ({ tally, page }) => {
  await tally.open("#/roi");
  await tally.type("prospect", "Globex");
  await page.getByLabel("Known as").selectOption("tokens");
  await tally.type("tokens_per_month", "12,000");
  await tally.type("cost_per_million_tokens", "2.5");
  await tally.field("sources.tokens_per_month").selectOption("prospect");
  await tally.button("Add a line").click();
  await tally.type("items.0.name", "Fewer GPUs to buy");
  await tally.field("items.0.type").selectOption("benefit");
  await tally.type("items.0.initial", "10k");
  await tally.type("items.0.yearly.1", "24,000");
  const npv = await tally.result("npv").getAttribute("data-value");
  await expect(tally.result("current_monthly_cost")).toHaveAttribute("data-value", "30000");
  await tally.reload();
  await expect(tally.field("prospect")).toHaveValue("Globex");
  await expect(tally.field("cost_basis")).toHaveValue("tokens");
  await expect(tally.field("sources.tokens_per_month")).toHaveValue("prospect");
  await expect(tally.field("items.0.name")).toHaveValue("Fewer GPUs to buy");
  await expect(tally.field("items.0.yearly.1")).toHaveValue("24,000");
  await expect(tally.result("npv")).toHaveAttribute("data-value", npv);
  // The line is in the table: 10,000 at the start, 24,000 in year 2.
  await expect(tally.result("table.benefits.initial")).toHaveAttribute("data-value", "10000");
});

test("the presentation and the copy's differences pass axe", async ({ tally, page }) => {
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  await tally.open("#/roi");
  await tally.type("prospect", "Acme");
  await tally.button("Copy presentation link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  await page.goto(url);
  await expect(page.locator(".present-title")).toHaveText("Business case for Acme");
  await expect(page.locator(".byline")).toContainText("over 36 months · discounted at 10% a year, at each year-end");
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => ["serious", "critical"].includes(v.impact))
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  expect(await serious()).toEqual([]);
  await tally.button("Edit a copy").click();
  await tally.type("license_monthly", "6000");
  await expect(page.locator(".differences table")).toBeVisible();
  expect(await serious()).toEqual([]);
});

test("the payback date keeps to one line at any width, on the page and in the presentation", async ({ tally, page }) => {
  await tally.open("#/roi");
  // Started in August, paid back in September: the longest month's name.
  await tally.field("start_date").fill("2026-08-01");
  await expect(tally.result("payback_date")).toHaveText(/^September \d\d, 2026$/);
  await tally.button("Copy presentation link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  for (const where of ["page", "presentation"]) {
    if (where === "presentation") {
      await page.goto(url);
      await tally.ready();
    }
    for (const width of [1280, 1220, 1100, 1000, 800, 600, 360]) {
      await page.setViewportSize({ width, height: 900 });
      const shape = await tally.result("payback_date").evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return { lines, fits: el.scrollWidth <= el.clientWidth };
      });
      expect(shape, `${where} at ${width} px`).toEqual({ lines: 1, fits: true });
    }
  }
});

test("a result of 190 digits reads as a power of ten, and every result stays in its card", async ({ tally, page }) => {
  // A trillion a month, growing 100 % a month for 50 years: the benefits
  // reach 10¹⁹². Written in full, they ran across the cards beside them on
  // a wide screen and made a phone's page scroll sideways.
  await tally.open(linkFor({ current_monthly_cost: 1e12, workload_growth_pct: 100, horizon_months: 600 }, 1, "roi"));
  const superscript = (n) => [...String(n)].map((d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d]).join("");
  const npv = await tally.value("npv");
  const power = Math.floor(Math.log10(npv));
  const mantissa = Number((npv / 10 ** power).toPrecision(3));
  expect(power).toBeGreaterThan(180);
  await expect(tally.result("npv")).toHaveText(`$${mantissa} × 10${superscript(power)}`);
  await expect(page.locator(".summary")).toContainText("× 10");
  await tally.expectNoNonFinite();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const spill = await page.locator(".result .value").evaluateAll((values) =>
      values.filter((value) => value.scrollWidth > value.clientWidth).map((value) => value.innerText),
    );
    expect(spill, `at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `at ${width} px`).toBe(width);
  }
});

test("a figure in the trillions keeps to one line in its card, at every width; a short one keeps its size", async ({ tally, page }) => {
  // A trillion a month of inference: figures of 16 to 19 characters. They
  // broke mid-number ("$26,295,316,7" over "25") in three columns.
  await tally.open(linkFor({ current_monthly_cost: 1e12, horizon_months: 60 }, 1, "roi"));
  await expect(tally.result("npv")).toHaveText(/^\$\d{2},\d{3},\d{3},\d{3},\d{3}$/);
  for (const width of [1280, 1000, 700, 600, 412, 360, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const figures = await page.locator(".result .value:not(.undefined)").evaluateAll((values) =>
      values.map((value) => {
        const style = getComputedStyle(value);
        return {
          text: value.innerText,
          lines: Math.round(value.getBoundingClientRect().height / parseFloat(style.lineHeight)),
          spills: value.scrollWidth > value.clientWidth,
          size: parseFloat(style.fontSize),
        };
      }),
    );
    expect(figures.filter((f) => f.lines !== 1 || f.spills), `at ${width} px`).toEqual([]);
    const short = figures.find((f) => f.text === "$340,000");
    expect(short.size, `at ${width} px`).toBe(20);
  }
});

test("the payback label sits clear of the lines, on a wide screen and a phone", async ({ tally, page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await tally.open("#/roi");
    await expect(page.locator(".chart .marker text")).toHaveText("Paid back, month 1.7");
    expect(await tally.crossedLabels(), `at ${width} px`).toEqual([]);
  }
});

test("a long case lays out a far line when it is typed into, and every line on paper", async ({ tally, page }) => {
  // 30 lines of 10 years on a phone: most lines are far below the screen,
  // and the page lays them out only when they come near it (the stylesheet's
  // content-visibility): the largest cases open about a third quicker.
  await page.setViewportSize({ width: 412, height: 823 });
  const items = Array.from({ length: 30 }, (_, k) => ({
    name: `Line ${k + 1}`,
    type: "benefit",
    initial: 0,
    yearly: Array.from({ length: 10 }, () => 1000 * (k + 1)),
  }));
  await tally.open(linkFor({ horizon_months: 120, items }, 1, "roi"));
  expect(await tally.laidOut(tally.field("current_monthly_cost"))).toEqual([true]);
  expect(await tally.laidOut(tally.field("items.29.yearly.9"))).toEqual([false]);
  const before = await tally.value("npv");
  await tally.type("items.29.yearly.9", "50k");
  await expect.poll(() => tally.value("npv")).toBeGreaterThan(before);
  expect(await tally.laidOut(tally.field("items.29.yearly.9"))).toEqual([true]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ media: "print" });
  // On paper every line is there, a line each, in words.
  await expect(page.locator(".inputs .lines li")).toHaveCount(30);
  expect(await tally.laidOut(page.locator(".inputs .lines li"))).toEqual(Array(30).fill(true));
});

test("a case of a month or two marks whole months on its chart, not quarters of one", async ({ tally, page }) => {
  await page.goto(linkFor({ horizon_months: 1 }, 1, "roi"));
  await tally.ready();
  // Before: 0, 0.25, 0.5, 0.75 and 1 "months from the start".
  const ticks = page.locator(".chart .grid text[dominant-baseline=hanging]");
  await expect(ticks).toHaveText(["0", "", "", "", "1"]);
  await tally.type("horizon_months", "36");
  await expect(ticks).toHaveText(["0", "10", "20", "30"]);
});
