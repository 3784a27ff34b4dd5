// The equity page: the Venture Hacks pool shuffle typed in, rounds added,
// reordered and removed, the link round trip, invalid financings, the exit.
import { test, expect, isolate, quoted, linkFor as plainLink } from "./fixtures.mjs";

const linkFor = (inputs) => plainLink(inputs, 1, "equity");

const SHUFFLE = {
  holders: [{ name: "Founders", class: "common", shares: 6000000 }],
  rounds: [{ name: "Series A", kind: "priced", pre_money: 8000000, amount: 2000000, pool_target_pct: 20 }],
  follow: "Founders",
  exit_value: 5000000,
};

test("with rupees, share counts are in lakhs like the amounts beside them", async ({ tally, page }) => {
  // An Indian cap table writes 60,00,000 shares beside ₹80,00,000; it read
  // "6,000,000" there, two notations on one page.
  await page.goto(linkFor({ ...SHUFFLE, currency: "INR" }));
  await tally.ready();
  await expect(tally.field("holders.0.shares")).toHaveValue("60,00,000");
  await expect(tally.result("new_shares:Series A")).toHaveText("20,00,000");
  await expect(tally.result("total_shares")).toHaveText("1,00,00,000");
  await expect(tally.result("exit:Founders")).toHaveText("₹30,00,000");
  // Typed either way, and written back in lakhs.
  await tally.type("holders.0.shares", "7,000,000");
  await expect(tally.result("shares:Founders")).toHaveAttribute("data-value", "7000000");
  await tally.field("holders.0.shares").blur();
  await expect(tally.field("holders.0.shares")).toHaveValue("70,00,000");
});

test("the option pool shuffle from a link: 1.00 a share, to the share", async ({ tally, page }) => {
  await page.goto(linkFor(SHUFFLE));
  await tally.ready();
  await expect(tally.result("price:Series A")).toHaveAttribute("data-value", "1");
  await expect(tally.result("pool_increase:Series A")).toHaveAttribute("data-value", "2000000");
  await expect(tally.result("new_shares:Series A")).toHaveAttribute("data-value", "2000000");
  await expect(tally.result("shares:Option pool")).toHaveAttribute("data-value", "2000000");
  await expect(tally.result("pct:Founders")).toHaveAttribute("data-value", "60");
  await expect(tally.result("follow_pct:Series A")).toHaveAttribute("data-value", "60");
  await expect(tally.result("total_shares")).toHaveAttribute("data-value", "10000000");
  // At $5M the Series A takes its $2M preference; the pool takes nothing.
  await expect(tally.result("exit:Series A")).toHaveAttribute("data-value", "2000000");
  await expect(tally.result("exit:Founders")).toHaveAttribute("data-value", "3000000");
  await expect(tally.result("exit:Option pool")).toHaveAttribute("data-value", "0");
  await expect(tally.result("exit_per_common_share")).toHaveAttribute("data-value", "0.5");
  // Each column of the ownership table shows exactly 100.00 %.
  await expect(page.locator(".ownership tfoot td").first()).toHaveText("100.00%");
  // Shares of a whole read to two decimals everywhere, the exit's too, and
  // each stacked bar is named after its round.
  await expect(tally.result("follow_pct:Series A")).toHaveText("60.00%");
  await expect(tally.result("pct:Founders")).toHaveText("(60.00%)");
  await expect(page.locator(".waterfall tbody td:nth-child(3)")).toHaveText(["60.00%", "0.00%", "40.00%"]);
  await expect(page.locator(".stacked .bar-labels span")).toHaveText(["Series A"]);
  // How the round got there, with its numbers: the shuffle's 2,000,000
  // pool shares are in the count the pre-money divides by.
  const how = page.locator(".rounds-how");
  await how.locator("summary").click();
  await expect(how.locator("li")).toHaveText([
    "\u2068Series A\u2069: price = pre-money $8,000,000 ÷ 8,000,000 shares (every share and option before the new money, " +
      "with the conversions and the pool increase) = $1.00, to 4 places; new shares = $2,000,000 ÷ $1.00 = 2,000,000 shares, " +
      "rounded down; post-money = $1.00 × 10,000,000 shares = $10,000,000.",
  ]);
});

test("each SAFE's and note's conversion shows its cap price against the round's discounted price", async ({ tally, page }) => {
  // A note at a $4M pre-money cap with 8 % interest for a year, an
  // uncapped post-money SAFE at 15 % off, into a round priced on dollars
  // invested: (20,000,000 + 858,000) ÷ 10,996,797.3 = $1.8967.
  const rounds = [
    { name: "Note", kind: "note", amount: 100000, interest_pct: 8, issue_date: "2025-01-01", cap: 4000000, discount_pct: 20 },
    { name: "SAFE", kind: "safe_post", amount: 500000, cap: null, discount_pct: 15 },
    { name: "Pre SAFE", kind: "safe_pre", amount: 250000, cap: 6000000, discount_pct: 0 },
    { name: "Series A", kind: "priced", pre_money: 20000000, amount: 5000000, date: "2026-01-01", price_basis: "dollars_invested" },
  ];
  await tally.open(linkFor({ rounds }));
  const how = page.locator(".rounds-how");
  await how.locator("summary").click();
  const lines = how.locator("li");
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(0)).toHaveText(
    "\u2068Note\u2069: converts in \u2068Series A\u2069 at the lower of its cap price, $4,000,000 ÷ 10,000,000 shares " +
      "(the shares before the round, with its pool increase) = $0.40, and \u2068Series A\u2069's price less 20%, " +
      "$1.8967 × (1 − 20%) = $1.5174: $0.40; new shares = $108,000 of principal and interest ÷ $0.40 = 270,000 shares, rounded down.",
  );
  await expect(lines.nth(1)).toHaveText(
    "\u2068SAFE\u2069: converts in \u2068Series A\u2069 at \u2068Series A\u2069's price less 15%, $1.8967 × (1 − 15%) = $1.6122: " +
      "$1.6122; new shares = $500,000 ÷ $1.6122 = 310,135 shares, rounded down.",
  );
  await expect(lines.nth(3)).toContainText("price = (pre-money $20,000,000 + $858,000 converting) ÷ 10,996,797.3 shares");
  await expect(tally.result("price:Series A")).toHaveAttribute("data-value", "1.8967");
  // The default Seed SAFE's side letter: its part of the Series A too.
  await tally.open("#/equity");
  await how.locator("summary").click();
  await expect(lines.nth(1)).toHaveText(
    /^\u2068Seed SAFE\u2069: .*= 1,250,000 shares, rounded down; it also buys 333,333 of \u2068Series A\u2069's new shares at \$2\.40, its pro-rata part\.$/,
  );
});

test("with many holders, the bars give the seven largest a colour each and group the rest", async ({ tally, page }) => {
  const holders = Array.from({ length: 12 }, (_, k) => ({ name: `F${k + 1}`, class: "common", shares: 1000 * (k + 1) }));
  await page.goto(linkFor({ ...SHUFFLE, holders, follow: "F1" }));
  await tally.ready();
  // The round's investor and the pool hold the most; then F12 to F8.
  await expect(page.locator(".stacked .swatch")).toHaveText(["F8", "F9", "F10", "F11", "F12", "Option pool", "Series A", "Everyone else (7 holders)"]);
  const bars = await page.locator(".stacked .bar-labels span").count();
  await expect(page.locator(".stacked rect")).toHaveCount(8 * bars);
  // The ownership table still lists every holder.
  await expect(page.locator(".ownership tbody tr")).toHaveCount(14);
});

test("rounds are added, reordered and removed, and the order changes the maths", async ({ tally, page }) => {
  await page.goto(linkFor(SHUFFLE));
  await tally.ready();
  await page.getByLabel("New round").selectOption("safe_post");
  await tally.button("Add the round").click();
  // Added after the Series A, the SAFE has no priced round to convert in.
  await expect(tally.result("price:Round 2")).toHaveAttribute("data-state", "undefined");
  await expect(tally.result("total_shares")).toHaveAttribute("data-value", "10000000");
  // From the keyboard, focus moves with the round: to the same button in
  // its new place, or to the other where that one is disabled.
  const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label"));
  await page.getByRole("button", { name: "Move Round 2 earlier" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(focused).toBe("Move Round 2 later");
  await page.keyboard.press("Enter");
  await expect(tally.field("rounds.1.name")).toHaveValue("Round 2");
  await expect.poll(focused).toBe("Move Round 2 earlier");
  await page.keyboard.press("Enter");
  // Now it converts: $500k at a $10M post-money cap is 5 % of the
  // capitalization at $0.xx, and the Series A price falls.
  await expect(tally.result("price:Round 2")).toHaveAttribute("data-state", "defined");
  expect(await tally.value("price:Series A")).toBeLessThan(1);
  await expect(tally.field("rounds.0.name")).toHaveValue("Round 2");
  await page.getByRole("button", { name: "Remove Round 2" }).click();
  await expect(tally.result("price:Series A")).toHaveAttribute("data-value", "1");
  await expect(page.locator(".round")).toHaveCount(1);
});

test("a scenario survives a reload and a copied link", async ({ tally, page, browser }) => {
  await tally.open("#/equity");
  await tally.type("holders.0.shares", "8,000,000");
  await tally.field("rounds.2.price_basis").selectOption("dollars_invested");
  await tally.type("exit_value", "$90M");
  const price = await tally.result("price:Series A").getAttribute("data-value");
  await tally.reload();
  await expect(tally.result("price:Series A")).toHaveAttribute("data-value", price);
  await tally.button("Copy link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[data-result="price:Series A"]')).toHaveAttribute("data-value", price);
  await expect(other.locator('[name="rounds.2.price_basis"]')).toHaveValue("dollars_invested");
  await expect(other.locator('[data-result="exit:Founders"]')).toHaveAttribute(
    "data-value",
    await tally.result("exit:Founders").getAttribute("data-value"),
  );
  await fresh.close();
});

test("invalid financings say why instead of showing numbers", async ({ tally, page }) => {
  await page.goto(linkFor({
    holders: [{ name: "Founders", class: "common", shares: 1000000 }],
    rounds: [
      { name: "A", kind: "safe_post", amount: 6000000, cap: 10000000 },
      { name: "B", kind: "safe_post", amount: 5000000, cap: 10000000 },
      { name: "Series A", kind: "priced", pre_money: 10000000, amount: 1000000 },
    ],
  }));
  await expect(page.getByRole("alert").filter({ hasText: "would own the whole company" })).toBeVisible();
  await expect(tally.result("price:Series A")).toHaveAttribute("data-state", "undefined");
  await expect(tally.result("price:Series A")).toContainText("not computed");
  await expect(tally.result("exit_per_common_share")).toHaveAttribute("data-state", "undefined");
  // Bad typed values are refused beside the field and keep the last good one.
  await tally.type("rounds.0.discount_pct", "120%");
  await expect(page.locator("#f-rounds\\.0\\.discount_pct-error")).toContainText("Must be between 0 % and 99 %");
  await tally.type("holders.0.shares", "-3");
  await expect(page.locator("#f-holders\\.0\\.shares-error")).toContainText("Must be 0 or more");
  await tally.expectNoNonFinite();
});

test("a cap table before any round, and one with no shares, say so instead of showing empty tables and blanks", async ({ tally, page }) => {
  await page.goto(linkFor(SHUFFLE));
  await tally.ready();
  const stake = page.locator("h3", { hasText: "through the rounds" });
  await page.getByRole("button", { name: "Remove Series A" }).click();
  // Before: a round table of headings alone, a blank where the bars go,
  // and a chart of one point, which draws no line.
  await expect(page.locator("table.rounds")).toHaveCount(0);
  await expect(page.locator("h3", { hasText: "Round by round" }).locator("+ p")).toHaveText(
    "No rounds yet: add a SAFE, a note or a priced round under “Rounds, in order”.",
  );
  await expect(page.locator("figure.stacked")).toHaveCount(0);
  await expect(stake.locator("+ figure.chart")).toHaveCount(0);
  await expect(stake.locator("+ p")).toHaveText(`${isolate("Founders")} holds 100.00% of the company, fully diluted, before any round.`);
  await expect(tally.result("exit:Founders")).toHaveAttribute("data-value", "5000000");
  // On paper (A4 less its margins): no heading over nothing, and the stake
  // in words beside the exit, where its chart goes.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("h3", { hasText: "Round by round" })).toBeHidden();
  await expect(page.locator("legend", { hasText: "Rounds, in order" })).toBeHidden();
  const [sentence, exit] = [await stake.locator("+ p").boundingBox(), await page.locator("table.waterfall").boundingBox()];
  expect(sentence.x + sentence.width).toBeLessThanOrEqual(exit.x);
  expect(sentence.y).toBeLessThan(exit.y + exit.height);
  await page.emulateMedia({ media: "screen" });
  // A round added back brings them back.
  await tally.button("Add the round").click();
  await expect(page.locator("table.rounds")).toHaveCount(1);
  await expect(page.locator("figure.stacked")).toHaveCount(1);
  await expect(stake.locator("+ figure.chart path.line")).toHaveCount(1);
  await page.getByRole("button", { name: "Remove Round 1" }).click();
  // The unissued pool alone: before, "Each common share receives $0.00",
  // and the $5M sale paid to no one without a word.
  const perShare = tally.result("exit_per_common_share");
  await tally.field("holders.0.class").selectOption("pool");
  await expect(tally.result("exit:Founders")).toHaveAttribute("data-value", "0");
  await expect(perShare).toHaveAttribute("data-state", "undefined");
  await expect(perShare).toHaveText("— (no one holds common shares)");
  await tally.field("holders.0.class").selectOption("common");
  await expect(perShare).toHaveAttribute("data-value", "0.8333333333333334");
  // No shares at all: before, "Each common share receives $0.00" under an
  // exit table with no rows.
  await tally.type("holders.0.shares", "0");
  await expect(page.locator("table.waterfall tbody")).toHaveText("No one holds shares yet: add holders under “Cap table before the rounds”.");
  await expect(perShare).toHaveAttribute("data-state", "undefined");
  await expect(perShare).toHaveText("— (no one holds common shares)");
  await tally.expectNoNonFinite();
});

test("a followed holder renamed away leaves a note where its chart was, and choosing again brings the chart back", async ({ tally, page }) => {
  await tally.open("#/equity");
  const section = page.locator("h3", { hasText: "through the rounds" });
  const chart = section.locator("+ figure.chart");
  const note = section.locator("+ p.help");
  await expect(chart).toHaveCount(1);
  await tally.type("holders.1.name", "Ana, engineer");
  // Before, the chart stayed under the old name, with no line on it.
  await expect(note).toHaveText(`${quoted("Early engineer")} is not in the table: choose whom to follow under “Follow and exit”.`);
  await expect(chart).toHaveCount(0);
  await page.locator("#f-follow").selectOption("Ana, engineer");
  await expect(section).toHaveText(`${isolate("Ana, engineer")}'s stake through the rounds`);
  await expect(chart.locator("path, polyline").first()).toBeAttached();
  await expect(note).toHaveCount(0);
  await expect(tally.result("follow_pct:Series A")).toHaveAttribute("data-state", "defined");
});

test("on a phone the followed holder's stake and exit stay at the top while the rounds scroll", async ({ tally, page }) => {
  // At 320 px the round table sits under every holder and round, some
  // 4,000 px down: a round's edit changed a stake out of sight. A bar
  // above the inputs, like the other pages' headline figures, says where
  // the followed holder ends.
  await page.setViewportSize({ width: 320, height: 740 });
  await tally.open("#/equity");
  const peek = page.locator(".layout > .peek");
  const shown = async () => [
    (await tally.result("follow_pct:Series A").textContent()).trim(),
    (await tally.result("exit:Early engineer").textContent()).trim(),
  ];
  await expect(peek).toBeVisible();
  await expect(peek.locator("span")).toHaveText([`${isolate("Early engineer")} after Series A`, "At the exit"]);
  await expect(peek.locator("b")).toHaveText(await shown());
  expect((await peek.boundingBox()).y).toBeLessThan((await page.locator(".layout > .inputs").boundingBox()).y);
  // Down among the rounds, with the table well below the screen: Series A
  // doubled dilutes the engineer, and the bar, stuck at the top, says so.
  const before = await shown();
  await tally.type("rounds.2.amount", "16,000,000");
  await tally.field("rounds.2.amount").evaluate((el) => el.scrollIntoView({ block: "center" }));
  expect((await tally.result("follow_pct:Series A").boundingBox()).y).toBeGreaterThan(740);
  expect(Math.round((await peek.boundingBox()).y)).toBe(0);
  const after = await shown();
  expect(after[0]).not.toBe(before[0]);
  await expect(peek.locator("b")).toHaveText(after);
  // No one followed (renamed away): no bar; followed again, it is back.
  await tally.type("holders.1.name", "Ana");
  await expect(peek).toBeHidden();
  await page.locator("#f-follow").selectOption("Ana");
  await expect(peek.locator("span").first()).toHaveText(`${isolate("Ana")} after Series A`);
  await expect(peek).toBeVisible();
  // With the round table on screen, the bar goes; beside the results there is none.
  await tally.result("follow_pct:Series A").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(peek).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => scrollTo(0, 0));
  await expect(peek).toBeHidden();
  // Before any round: the stake before them, until the words that stand
  // for the round table come into view.
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(linkFor({ ...SHUFFLE, rounds: [] }));
  await tally.ready();
  await expect(peek.locator("span")).toHaveText([`${isolate("Founders")} before the rounds`, "At the exit"]);
  await expect(peek.locator("b")).toHaveText(["100.00%", "$5,000,000"]);
  await expect(peek).toBeVisible();
  await page.locator(".no-rounds").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(peek).toBeHidden();
});

test("the SAFE comparison toggle shows both kinds on the same terms", async ({ tally, page }) => {
  await tally.open("#/equity");
  await page.getByLabel("Compare the SAFEs as post-money and as pre-money").check();
  const table = page.locator(".safe-comparison");
  await expect(table).toBeVisible();
  // As pre-money SAFEs the same caps buy less: the founders keep more.
  // Read by their text once each shows a share: innerText gives "" for a
  // cell whose table is a screen away and not laid out (`.far`,
  // content-visibility: checked on a bare page), which made NaN once in CI.
  const founders = table.locator("tr", { hasText: "Founders" }).locator("td");
  const share = async (cell) => {
    await expect(cell).toHaveText(/^\d+\.\d+%$/);
    return Number.parseFloat(await cell.textContent());
  };
  const asEntered = await share(founders.nth(0));
  const swapped = await share(founders.nth(1));
  expect(swapped).toBeGreaterThan(asEntered);
});

test("print: a report of the rounds, ownership and exit, without the editing buttons", async ({ tally, page }) => {
  await tally.open("#/equity");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".scenario-bar")).toBeHidden();
  await expect(page.locator(".report-meta")).toBeVisible();
  await expect(page.locator(".rounds")).toBeVisible();
  await expect(page.locator(".ownership")).toBeVisible();
  await expect(page.locator(".waterfall")).toBeVisible();
  await expect(tally.button("Add the round")).toBeHidden();
  await expect(page.getByRole("button", { name: "Remove Series A" })).toBeHidden();
  // The ownership bars' legend keeps its colours on paper.
  const swatch = page.locator(".stacked .swatch").first();
  expect(await swatch.evaluate((el) => getComputedStyle(el, "::before").printColorAdjust)).toBe("exact");
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, format).toBe(1);
  }
});

test("print: ten rounds' ownership bars take a line of their own, not a sliver beside the table", async ({ tally, page }) => {
  const rounds = Array.from({ length: 10 }, (_, k) => ({
    name: `Series ${String.fromCharCode(65 + k)}`,
    kind: "priced",
    pre_money: 30e6 * 2 ** k,
    amount: 8e6 * 2 ** k,
  }));
  await tally.open(linkFor({ rounds, exit_value: 5e9 }));
  // A4's width less the report's margins of 10 mm.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const box = (selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON());
  const [table, bars, next] = [await box(".table-wrap:has(.ownership)"), await box(".stacked"), await box(".results > h3:has(+ .chart)")];
  expect(bars.width).toBeGreaterThan(700);
  expect(bars.top).toBeGreaterThanOrEqual(table.bottom);
  expect(next.top).toBeGreaterThanOrEqual(bars.bottom);
  await expect(page.locator(".stacked .bar-labels span")).toHaveCount(10);
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, format).toBeLessThanOrEqual(2);
  }
});

test("CSV: the cap table downloads, and a starting table imports", async ({ tally, page }) => {
  await tally.open("#/equity");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the cap table after the rounds (CSV)" }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(text.split("\r\n")[0]).toBe("holder,class,series,shares,invested,fully_diluted_pct,exit_proceeds");
  expect(text).toContain("Series A,preferred,Series A,3000000,");
  await page.locator("#import-csv").setInputFiles({
    name: "holders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from('name,class,shares,strike\r\n"Ada, founder",common,"6,000,000",\r\nPool,pool,0,\r\nBo,options,"10,000",$0.45\r\n'),
  });
  await expect(page.getByText("Imported 3 holders.")).toBeVisible();
  await expect(tally.field("holders.2.strike")).toHaveValue("0.45");
  // The followed holder is gone from the new table: the page says so.
  await expect(page.locator("#f-follow option:checked")).toHaveText(`Choose (${quoted("Early engineer")} is not in the table)`);
  await page.locator("#f-follow").selectOption("Ada, founder");
  await expect(tally.result("follow_pct:Series A")).toHaveAttribute("data-state", "defined");
  await expect(tally.field("holders.0.name")).toHaveValue("Ada, founder");
  await expect(tally.field("holders.0.shares")).toHaveValue("6,000,000");
  await page.locator("#import-csv").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,class,shares\r\nBob,stock,5\r\n"),
  });
  await expect(page.getByText("Nothing imported: Line 2: class must be")).toBeVisible();
  await expect(tally.field("holders.0.name")).toHaveValue("Ada, founder");
});

test("OCF: export, edit, import brings the table and the SAFEs back", async ({ tally, page }) => {
  await tally.open("#/equity");
  const before = await tally.result("price:Series A").getAttribute("data-value");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /as OCF JSON/ }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const doc = JSON.parse(text);
  expect(doc.transactions.file_type).toBe("OCF_TRANSACTIONS_FILE");
  expect(doc.transactions.items.filter((t) => t.object_type === "TX_CONVERTIBLE_ISSUANCE")).toHaveLength(2);
  // Change the table, then bring the export back.
  await tally.type("holders.0.shares", "1,000");
  await page.getByRole("button", { name: "Remove Pre-seed SAFE" }).click();
  await expect(tally.result("price:Series A")).not.toHaveAttribute("data-value", before);
  await page.locator("#import-ocf").setInputFiles({ name: "cap-table.ocf.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByText("Imported 3 holders and 2 SAFEs or notes from OCF.")).toBeVisible();
  await expect(tally.field("holders.0.shares")).toHaveValue("7,900,000");
  await expect(tally.result("price:Series A")).toHaveAttribute("data-value", before);
  await page.locator("#import-ocf").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
  await expect(page.getByText("Nothing imported: The file is not JSON")).toBeVisible();
});

test("every part of the equity page passes axe, the comparison and an error included", async ({ tally, page }) => {
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  await tally.open("#/equity");
  await page.getByLabel("Compare the SAFEs as post-money and as pre-money").check();
  // $500k at a $400k post-money cap would own more than the company.
  await tally.type("rounds.0.cap", "400,000");
  await expect(page.getByRole("alert").filter({ hasText: "would own the whole company" })).toBeVisible();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => ["serious", "critical"].includes(v.impact))
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  expect(await serious()).toEqual([]);
});

test("an option's strike is paid out of its exit proceeds, and only above water", async ({ tally, page }) => {
  // 6,000,000 founder shares and 1,000,000 options sold for $14M with no
  // rounds: a share is worth 2.00 plus the strikes spread over 7,000,000.
  const inputs = {
    holders: [
      { name: "Founders", class: "common", shares: 6000000 },
      { name: "Employee", class: "options", shares: 1000000 },
    ],
    rounds: [],
    follow: "Employee",
    exit_value: 14000000,
  };
  await page.goto(linkFor(inputs));
  await tally.ready();
  await expect(tally.result("exit:Employee")).toHaveAttribute("data-value", "2000000");
  // Only the options row has a strike field; typing in it keeps the focus.
  await expect(tally.field("holders.0.strike")).toHaveCount(0);
  await tally.field("holders.1.strike").pressSequentially("0.7");
  await expect(tally.field("holders.1.strike")).toBeFocused();
  await tally.field("holders.1.strike").blur();
  // (14M + 0.7M) / 7M = 2.10 a share; the employee takes 2.10 − 0.70.
  await expect(page.locator(".table-wrap:has(.waterfall) + p")).toContainText("options are exercised only where a common share is worth more than their strike");
  await expect(tally.result("exit_per_common_share")).toHaveAttribute("data-value", "2.1");
  expect(await tally.value("exit:Employee")).toBeCloseTo(1400000, 4);
  // Under water at a strike of 3: not exercised, nothing paid.
  await tally.type("holders.1.strike", "3");
  await expect(tally.result("exit:Employee")).toHaveAttribute("data-value", "0");
  await expect(tally.result("exit:Founders")).toHaveAttribute("data-value", "14000000");
  // The strike is saved: a reload keeps it.
  await tally.reload();
  await expect(tally.field("holders.1.strike")).toHaveValue("3");
});

test("a senior series is paid its preference first at a small exit", async ({ tally, page }) => {
  const inputs = {
    holders: [{ name: "Founders", class: "common", shares: 6000000 }],
    rounds: [
      { name: "Series A", kind: "priced", pre_money: 6000000, amount: 2000000 },
      { name: "Series B", kind: "priced", pre_money: 16000000, amount: 4000000 },
    ],
    follow: "Founders",
    exit_value: 5000000,
  };
  await page.goto(linkFor(inputs));
  await tally.ready();
  // Side by side: 5/6 of each preference.
  expect(await tally.value("exit:Series B")).toBeCloseTo(4000000 * 5 / 6, 4);
  await expect(page.locator(".table-wrap:has(.waterfall) + p")).toContainText("side by side (pari passu)");
  await tally.type("rounds.1.seniority", "1");
  await expect(page.locator(".table-wrap:has(.waterfall) + p")).toContainText("A series with a higher seniority is paid its preference first");
  await expect(tally.result("exit:Series B")).toHaveAttribute("data-value", "4000000");
  await expect(tally.result("exit:Series A")).toHaveAttribute("data-value", "1000000");
  await expect(tally.result("exit:Founders")).toHaveAttribute("data-value", "0");
});

test("a note outstanding at the exit is owed its interest to the exit date", async ({ tally, page }) => {
  const inputs = {
    holders: [{ name: "Founders", class: "common", shares: 9000000 }],
    rounds: [{ name: "Bridge", kind: "note", amount: 1000000, interest_pct: 10, issue_date: "2026-01-01", cap: 9000000 }],
    follow: "Founders",
    exit_value: 5000000,
  };
  await page.goto(linkFor(inputs));
  await tally.ready();
  // No exit date: the principal.
  await expect(tally.result("exit:Bridge")).toHaveAttribute("data-value", "1000000");
  await tally.field("exit_date").fill("2027-01-01");
  // 365 days at 10 % simple: $1,100,000.
  expect(await tally.value("exit:Bridge")).toBeCloseTo(1100000, 4);
  expect(await tally.value("exit:Founders")).toBeCloseTo(3900000, 4);
  const terms = page.locator(".table-wrap:has(.waterfall) + p");
  await expect(terms).toContainText("Notes still outstanding are debt");
  await expect(terms).not.toContainText("issued after the sale");
  // A sale dated before the note was issued: no interest, said (before,
  // the principal alone, without a word).
  await tally.field("exit_date").fill("2025-06-01");
  await expect(tally.result("exit:Bridge")).toHaveAttribute("data-value", "1000000");
  await expect(terms).toContainText(`The note ${quoted("Bridge")} is issued after the sale's date: it is owed no interest.`);
  await tally.field("exit_date").fill("2027-01-01");
  // Repaid twice its principal at a sale, plus the interest: $2.1M.
  await tally.type("rounds.0.sale_multiple", "2");
  expect(await tally.value("exit:Bridge")).toBeCloseTo(2100000, 4);
  await tally.type("rounds.0.sale_multiple", "0.5");
  await expect(page.locator("#f-rounds\\.0\\.sale_multiple-error")).toContainText("Must be between 1 and 10");
  expect(await tally.value("exit:Bridge")).toBeCloseTo(2100000, 4);
  // Without a note, no exit date to ask for.
  await page.getByRole("button", { name: "Remove Bridge" }).click();
  await expect(tally.field("exit_date")).toHaveCount(0);
});

test("a long cap table lays out a far holder when it is typed into, and every row on paper", async ({ tally, page }) => {
  // 60 holders and 10 rounds on a phone: the page lays out a holder or a
  // round only when it comes near the screen (content-visibility).
  await page.setViewportSize({ width: 412, height: 823 });
  const holders = Array.from({ length: 60 }, (_, k) => ({ name: `Holder ${k + 1}`, class: "common", shares: 10000 * (k + 1) }));
  const rounds = Array.from({ length: 10 }, (_, k) => ({ name: `Round ${k + 1}`, kind: "priced", pre_money: 1e7 * (k + 1), amount: 1e6 * (k + 1) }));
  await tally.open(linkFor({ holders, rounds }));
  expect(await tally.laidOut(tally.field("holders.0.shares"))).toEqual([true]);
  expect(await tally.laidOut(tally.field("holders.59.shares"))).toEqual([false]);
  const before = await tally.value("total_shares");
  await tally.type("holders.59.shares", "700000");
  await expect.poll(() => tally.value("total_shares")).toBeGreaterThan(before);
  expect(await tally.laidOut(tally.field("holders.59.shares"))).toEqual([true]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ media: "print" });
  // On paper every row is laid out: none is left out by content-visibility.
  expect(await tally.laidOut(page.locator('.holder [name$=".shares"]'))).toEqual(Array(60).fill(true));
  // (The name's field: paper shows its text in the input's place.)
  expect(await tally.laidOut(page.locator('.round .field:has([name$=".name"])'))).toEqual(Array(10).fill(true));
});
