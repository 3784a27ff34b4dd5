import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { test, expect, Tally, quoted } from "./fixtures.mjs";

test("an edit survives a reload", async ({ tally, page }) => {
  await tally.open();
  await tally.type("arpa", "$3,500");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", String(2400 / (3500 * 0.8)));
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("3,500");
  expect(await tally.value("payback_months")).toBeCloseTo(2400 / 2800, 12);
});

test("named scenarios: save as, switch, rename, duplicate, delete, reset", async ({ tally, page }) => {
  await tally.open();
  await tally.button("Save as…").click();
  await page.getByLabel("Save as", { exact: true }).fill("Upside");
  await tally.button("OK").click();
  await tally.type("churn_pct", "1.5");
  await expect(tally.scenarioSelect()).toHaveValue("Upside");

  await tally.scenarioSelect().selectOption("Base case");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await tally.scenarioSelect().selectOption("Upside");
  await expect(tally.field("churn_pct")).toHaveValue("1.5");

  await tally.button("Rename…").click();
  await page.getByLabel("New name").fill("Best case");
  await tally.button("OK").click();
  await tally.button("Duplicate").click();
  await expect(tally.scenarioSelect()).toHaveValue("Copy of Best case");
  await expect(tally.field("churn_pct")).toHaveValue("1.5");

  await tally.button("Delete").click();
  await tally.button("Really delete?").click();
  const names = await tally.scenarioSelect().locator("option").allTextContents();
  expect(names).toEqual(["Base case", "Best case"]);

  await tally.scenarioSelect().selectOption("Best case");
  await tally.button("Reset to defaults").click();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");

  await tally.reload();
  const after = await tally.scenarioSelect().locator("option").allTextContents();
  expect(after).toEqual(["Base case", "Best case"]);
});

test("a reset, a removal or a delete can be undone, until the next change", async ({ tally, page }) => {
  const offer = page.locator(".undo-offer");
  await tally.open();
  await tally.button("Save as…").click();
  await page.getByLabel("Save as", { exact: true }).fill("Acme deal");
  await tally.button("OK").click();
  await tally.type("churn_pct", "1.5");
  await tally.type("arpa", "3,100");

  await tally.button("Reset to defaults").click();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(offer).toHaveText(/Inputs reset to the defaults/);
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("churn_pct")).toHaveValue("1.5");
  await expect(tally.field("arpa")).toHaveValue("3,100");
  await expect(offer).toContainText("Undone");
  await expect(offer.getByRole("button", { name: "Undo" })).toHaveCount(0);

  // A removal far down the page is offered at the foot of the screen.
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");
  await expect(offer).toContainText(`Removed the stage ${quoted("MQL → SQL")}`);
  expect((await offer.boundingBox()).y).toBeGreaterThan(page.viewportSize().height / 2);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include(".undo-offer").analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  }
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("stages.0.name")).toHaveValue("MQL → SQL");
  await expect(tally.field("stages.1.name")).toHaveValue("SQL → customer");

  // The next change withdraws the offer: undoing would take it back too.
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await tally.type("arpa", "3,200");
  await expect(offer.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");

  await tally.button("Delete").click();
  await tally.button("Really delete?").click();
  await expect(tally.scenarioSelect()).toHaveValue("Base case");
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.scenarioSelect()).toHaveValue("Acme deal");
  expect(await tally.scenarioSelect().locator("option").allTextContents()).toEqual(["Base case", "Acme deal"]);
  await expect(tally.field("arpa")).toHaveValue("3,200");

  await tally.reload();
  await expect(tally.scenarioSelect()).toHaveValue("Acme deal");
  await expect(tally.field("arpa")).toHaveValue("3,200");
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");

  // Opening another scenario withdraws it too; × dismisses it.
  await tally.button("Reset to defaults").click();
  await tally.scenarioSelect().selectOption("Base case");
  await expect(offer.getByRole("button", { name: "Undo" })).toHaveCount(0);
  // The defaults reset to the defaults: nothing changed, nothing offered.
  await tally.button("Reset to defaults").click();
  await expect(offer).toHaveText("");
  await tally.type("leads", "300");
  await tally.button("Reset to defaults").click();
  await expect(offer).toContainText("Inputs reset to the defaults");
  await offer.getByRole("button", { name: "Dismiss" }).click();
  await expect(offer).toHaveText("");
});

test("one-click changes in a row are undone in turn, the latest first", async ({ tally, page }) => {
  const offer = page.locator(".undo-offer");
  const undo = offer.getByRole("button", { name: "Undo" });
  await tally.open();
  // A double click on "Remove": the second lands on the row that moved up.
  await page.getByRole("button", { name: "Remove stage 1" }).dblclick();
  await expect(tally.field("stages.0.name")).toHaveCount(0);
  await expect(offer).toContainText(`Removed the stage ${quoted("SQL → customer")}`);
  // And a reset on top: three changes, undone from the last.
  await tally.button("Reset to defaults").click();
  await expect(offer).toContainText("Inputs reset to the defaults");
  await undo.click();
  await expect(tally.field("stages.0.name")).toHaveCount(0);
  await expect(offer).toContainText(`Undone. Before that: Removed the stage ${quoted("SQL → customer")}`);
  await undo.click();
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");
  await expect(offer).toContainText(`Undone. Before that: Removed the stage ${quoted("MQL → SQL")}`);
  await undo.click();
  await expect(tally.field("stages.0.name")).toHaveValue("MQL → SQL");
  await expect(tally.field("stages.1.name")).toHaveValue("SQL → customer");
  await expect(offer).toHaveText(/^Undone/);
  await expect(undo).toHaveCount(0);

  // An edit in between ends the run: neither removal is offered any more.
  await page.getByRole("button", { name: "Remove stage 1" }).dblclick();
  await tally.type("arpa", "3,000");
  await expect(undo).toHaveCount(0);
});

test("keyboard: focus stays in the list through a removal and its undo, and Ctrl+Z undoes", async ({ tally, page }) => {
  const offer = page.locator(".undo-offer");
  // What has focus: its accessible name, and the stage name of its row.
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const row = a.closest(".stage");
      return [a.getAttribute("aria-label") || a.textContent.trim(), row ? row.querySelector("input").value : null];
    });
  await tally.open();

  // The row below moves up into the removed one's place, and so does focus.
  await page.getByRole("button", { name: "Remove stage 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");
  await expect.poll(focused).toEqual(["Remove stage 1", "SQL → customer"]);

  // Ctrl+Z, from that button, undoes it; focus is on the row that is back.
  await page.keyboard.press("Control+z");
  await expect(tally.field("stages.0.name")).toHaveValue("MQL → SQL");
  await expect(offer).toContainText("Undone");
  await expect.poll(focused).toEqual(["Remove stage 1", "MQL → SQL"]);

  // The last row's removal focuses the row above; the only row's, "Add a stage".
  await page.getByRole("button", { name: "Remove stage 2" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(focused).toEqual(["Remove stage 1", "MQL → SQL"]);
  await page.keyboard.press("Enter");
  await expect(tally.field("stages.0.name")).toHaveCount(0);
  await expect.poll(focused).toEqual(["Add a stage", null]);

  // "Undo" pressed in the notice: it stays there while an earlier removal
  // is on offer, then goes back to the restored row.
  await offer.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(tally.field("stages.0.name")).toHaveValue("MQL → SQL");
  await expect(offer).toContainText(`Before that: Removed the stage ${quoted("SQL → customer")}`);
  await expect.poll(focused).toEqual(["Undo", null]);
  await page.keyboard.press("Enter");
  await expect(tally.field("stages.1.name")).toHaveValue("SQL → customer");
  await expect.poll(focused).toEqual(["Remove stage 1", "MQL → SQL"]);

  // In a text field Ctrl+Z is the field's own: the removals stay.
  await page.getByRole("button", { name: "Remove stage 1" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(focused).toEqual(["Remove stage 1", "SQL → customer"]);
  await page.keyboard.press("Enter");
  await tally.field("arpa").focus();
  await page.keyboard.press("Control+z");
  await expect(offer.getByRole("button", { name: "Undo" })).toHaveCount(1);
  await expect(tally.field("stages.0.name")).toHaveCount(0);

  // "×" pressed: focus goes back to the list, not to the top of the page.
  await offer.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(offer).toHaveText("");
  await expect.poll(focused).toEqual(["Add a stage", null]);
});

test("keyboard: Save as… and Rename… put focus in the name, Escape cancels, and focus comes back to the button", async ({ tally, page }) => {
  // The name's field appeared below the bar with focus left on the button:
  // a keyboard user had to find it, and Escape did nothing.
  const name = page.locator("#scenario-name");
  const selected = () => name.evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
  await tally.open();
  const saveAs = tally.button("Save as…");
  await saveAs.focus();
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("Base case (copy)");
  expect(await selected()).toEqual([0, 16, 16]);
  await page.keyboard.press("Escape");
  await expect(name).toHaveCount(0);
  await expect(saveAs).toBeFocused();
  await expect(tally.scenarioSelect()).toHaveValue("Base case");

  // Typed over, Enter saves; focus is back on the button.
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await page.keyboard.type("Plan B");
  await page.keyboard.press("Enter");
  await expect(tally.scenarioSelect()).toHaveValue("Plan B");
  await expect(saveAs).toBeFocused();

  // Rename's Cancel, reached by Tab, changes nothing and gives focus back.
  const rename = tally.button("Rename…");
  await rename.focus();
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("Plan B");
  await page.keyboard.type("Plan C");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(tally.button("Cancel")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(name).toHaveCount(0);
  await expect(rename).toBeFocused();
  await expect(tally.scenarioSelect()).toHaveValue("Plan B");
});
test("a backup file brings every scenario to another browser, and overwrites none there", async ({ tally, page, browser }) => {
  await tally.open();
  await tally.button("Save as…").click();
  await page.getByLabel("Save as", { exact: true }).fill("Acme");
  await tally.button("OK").click();
  await tally.type("arpa", "3,100");
  await tally.open("#/roi");
  await tally.type("discount_rate_pct", "8");
  await page.goto("#/");
  const section = page.locator(".backup");
  await expect(section).toContainText("3 scenarios are saved in this browser");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tally-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = readFileSync(await download.path(), "utf8");
  // The file is the stored document itself (docs/scenario-format.md).
  expect(JSON.parse(backup)).toEqual(JSON.parse(await page.evaluate(() => localStorage.getItem("tally"))));

  // Another browser, whose own "Acme" has other inputs.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on("pageerror", (e) => errors.push(e.message));
  other.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const there = new Tally(other);
  await other.goto(new URL("#/unit-economics", page.url()).href);
  await there.ready();
  await there.button("Save as…").click();
  await other.getByLabel("Save as", { exact: true }).fill("Acme");
  await there.button("OK").click();
  await there.type("arpa", "500");
  await other.goto(new URL("#/", page.url()).href);
  const restore = other.getByLabel(/Restore from a backup/);
  await restore.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await expect(other.locator(".backup [role=status]")).toHaveText(
    `Restored 2 scenarios. Added beside those of the same name: ${quoted("Acme")} as ${quoted("Acme (restored)")}. 1 scenario already here.`,
  );
  // Twice: nothing more is added.
  await restore.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await expect(other.locator(".backup [role=status]")).toHaveText(
    "Nothing to restore: every scenario in the backup is already here.",
  );
  await other.goto(new URL("#/unit-economics", page.url()).href);
  await there.ready();
  expect(await there.scenarioSelect().locator("option").allTextContents()).toEqual(["Base case", "Acme", "Acme (restored)"]);
  await expect(there.scenarioSelect()).toHaveValue("Acme");
  await expect(there.field("arpa")).toHaveValue("500");
  await there.scenarioSelect().selectOption("Acme (restored)");
  await expect(there.field("arpa")).toHaveValue("3,100");
  await other.goto(new URL("#/roi", page.url()).href);
  await there.ready();
  await expect(there.field("discount_rate_pct")).toHaveValue("8");

  // What is not a backup changes nothing, and says why.
  await other.goto(new URL("#/", page.url()).href);
  // The calculator's wasm reloads into the shell's, whose home page this is.
  await expect(restore).toBeVisible();
  const before = await other.evaluate(() => localStorage.getItem("tally"));
  const status = other.locator(".backup [role=status]");
  for (const [text, says] of [
    ["{not json", "Nothing restored: this backup could not be read (it is not JSON)."],
    ['{"theme":"dark"}', "Nothing restored: this file is not a Tally backup."],
    ['{"v":9,"calcs":{}}', "Nothing restored: this backup was written by a newer version of Tally (format 9); this one reads format 1."],
  ]) {
    await restore.setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(status).toHaveText(says);
  }
  expect(await other.evaluate(() => localStorage.getItem("tally"))).toBe(before);
  expect(errors).toEqual([]);
  await fresh.close();
});

test("two tabs stay consistent", async ({ tally, page, context }) => {
  await tally.open();
  const other = await context.newPage();
  await other.goto("#/unit-economics");
  await expect(other.locator('[data-result="cac"]')).toBeVisible();

  await tally.type("cost_per_lead", "150");
  await expect(other.locator('[name="cost_per_lead"]')).toHaveValue("150");
  await expect(other.locator('[data-result="cac"]')).toHaveAttribute("data-value", "3400");

  await other.locator('[name="leads"]').fill("400");
  await expect(tally.field("leads")).toHaveValue("400");
  // Each tab kept the other's edit: no lost update, no loop.
  await expect(tally.field("cost_per_lead")).toHaveValue("150");
  await page.waitForTimeout(300);
  expect(await tally.value("cac")).toBe((400 * 150 + 4000) / 20);

  // An undo here does not overwrite an edit made there since.
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await expect(other.locator('[name="stages.0.name"]')).toHaveValue("SQL → customer");
  await other.locator('[name="arpa"]').fill("3,300");
  await expect(tally.field("arpa")).toHaveValue("3,300");
  await page.locator(".undo-offer").getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".undo-offer")).toContainText("The scenario has changed since; nothing was undone");
  await expect(tally.field("arpa")).toHaveValue("3,300");
  await expect(other.locator('[name="arpa"]')).toHaveValue("3,300");
  await other.close();
});

test("a tab back from the back-forward cache shows what another tab saved meanwhile, and its next edit keeps it", async ({ tally, page, context }) => {
  await tally.open();
  await page.evaluate(() => addEventListener("pageshow", (e) => (window.restored = e.persisted)));
  await tally.type("arpa", "1111");
  // Away to another document: this page goes into the cache.
  await page.goto("data:text/html,<title>Away</title><p>Away");
  const other = await context.newPage();
  await other.goto("#/unit-economics");
  await expect(other.locator('[name="arpa"]')).toHaveValue("1,111");
  await other.locator('[name="leads"]').fill("400");
  await page.goBack({ waitUntil: "commit" });
  await expect.poll(() => page.evaluate(() => window.restored)).toBe(true);
  await expect(tally.field("leads")).toHaveValue("400");
  await tally.type("churn_pct", "4");
  await expect(other.locator('[name="churn_pct"]')).toHaveValue("4");
  await expect(other.locator('[name="leads"]')).toHaveValue("400");
  await expect(tally.field("arpa")).toHaveValue("1,111");
  await other.close();
});

test("text that is not a number yet comes back after a reload, in its own scenario only", async ({ tally, page }) => {
  await tally.open();
  const arpa = tally.field("arpa");
  const message = page.locator(".field.invalid .message");
  const ratio = await tally.result("ltv_cac").getAttribute("data-value");
  await tally.type("arpa", "2,90");
  await expect(message).toHaveText("Commas group thousands (1,234.5); use a point for decimals");
  // A reload, then a trip to another calculator (which reloads too): the
  // text and its message are back, and the value in force is still 2,900.
  await tally.reload();
  await expect(arpa).toHaveValue("2,90");
  await expect(message).toHaveText("Commas group thousands (1,234.5); use a point for decimals");
  await expect(tally.result("ltv_cac")).toHaveAttribute("data-value", ratio);
  await page.getByRole("link", { name: "ROI" }).click();
  await tally.ready();
  await page.getByRole("link", { name: "Unit economics" }).click();
  await tally.ready();
  await expect(arpa).toHaveValue("2,90");
  // Another scenario with another ARPA shows its own value, and no message.
  await tally.button("Duplicate").click();
  await expect(arpa).toHaveValue("2,90");
  await tally.type("arpa", "3000");
  await tally.scenarioSelect().selectOption("Base case");
  await expect(arpa).toHaveValue("2,90");
  await tally.scenarioSelect().selectOption({ index: 1 });
  await expect(arpa).toHaveValue("3,000");
  await expect(message).toHaveCount(0);
  // Mended, the draft is gone: the reload shows the number.
  await tally.scenarioSelect().selectOption("Base case");
  await tally.type("arpa", "2.90");
  await tally.reload();
  await expect(arpa).toHaveValue("2.9");
  expect(await page.evaluate(() => localStorage.getItem("tally.drafts"))).toBeNull();
});

test("a reset clears text that is not a number, even over a default; a rename keeps it", async ({ tally, page }) => {
  await tally.open();
  await tally.type("arpa", "abc");
  await tally.button("Rename…").click();
  await page.getByLabel("New name").fill("Plan");
  await tally.button("OK").click();
  await tally.reload();
  await expect(tally.scenarioSelect()).toHaveValue("Plan");
  await expect(tally.field("arpa")).toHaveValue("abc");
  await expect(page.locator(".field.invalid")).toHaveCount(1);
  // Every value in force is a default already, so the reset changes no
  // value: it still shows them.
  await tally.button("Reset to defaults").click();
  await expect(tally.field("arpa")).toHaveValue("2,900");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("2,900");
  expect(await page.evaluate(() => localStorage.getItem("tally.drafts"))).toBeNull();
});

test("text that is not a number moves with its row when a row above is removed or rounds are reordered", async ({ tally, page }) => {
  const offer = page.locator(".undo-offer");
  await tally.open();
  // Stage 2's conversion holds text; stage 1 goes, and stage 2 moves up.
  await tally.type("stages.1.rate_pct", "2O");
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await expect(tally.field("stages.0.name")).toHaveValue("SQL → customer");
  await expect(tally.field("stages.0.rate_pct")).toHaveValue("2O");
  // Undone, it goes back down with its stage.
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("stages.0.rate_pct")).toHaveValue("25");
  await expect(tally.field("stages.1.rate_pct")).toHaveValue("2O");
  await tally.reload();
  await expect(tally.field("stages.0.rate_pct")).toHaveValue("25");
  await expect(tally.field("stages.1.rate_pct")).toHaveValue("2O");
  // Equity: both SAFEs have no discount. Text typed over the first's 0
  // stays with that round when it moves later, not with the round that
  // takes its place.
  await tally.open("#/equity");
  await tally.type("rounds.0.discount_pct", "1O");
  await page.getByRole("button", { name: "Move Pre-seed SAFE later" }).click();
  await expect(tally.field("rounds.0.name")).toHaveValue("Seed SAFE");
  await expect(tally.field("rounds.0.discount_pct")).toHaveValue("0");
  await expect(tally.field("rounds.1.discount_pct")).toHaveValue("1O");
  await tally.reload();
  await expect(tally.field("rounds.0.discount_pct")).toHaveValue("0");
  await expect(tally.field("rounds.1.discount_pct")).toHaveValue("1O");
});

test("deleting a scenario deletes the text typed into it; undoing the delete brings it back", async ({ tally, page }) => {
  await tally.open();
  await tally.type("churn_pct", "abc");
  // The only scenario: a fresh "Base case" of defaults takes its place,
  // with none of the deleted one's text.
  await tally.button("Delete").click();
  await tally.button("Really delete?").click();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
  await page.locator(".undo-offer").getByRole("button", { name: "Undo" }).click();
  await expect(tally.scenarioSelect()).toHaveValue("Base case (2)");
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await tally.reload();
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await tally.scenarioSelect().selectOption("Base case");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
});

test("undoing a reset brings back the text it cleared; typing withdraws the undo", async ({ tally, page }) => {
  const offer = page.locator(".undo-offer");
  await tally.open();
  // Text over a default only: the reset changes no value, yet it clears
  // the text, so it can be undone.
  await tally.type("arpa", "abc");
  await tally.button("Reset to defaults").click();
  await expect(tally.field("arpa")).toHaveValue("2,900");
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("arpa")).toHaveValue("abc");
  await expect(page.locator(".field.invalid")).toHaveCount(1);

  // Text over a changed value, beside another change.
  await tally.type("leads", "300");
  await tally.type("churn_pct", "2,90");
  await tally.button("Reset to defaults").click();
  await expect(tally.field("leads")).toHaveValue("200");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
  await offer.getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("leads")).toHaveValue("300");
  await expect(tally.field("churn_pct")).toHaveValue("2,90");
  await expect(tally.field("arpa")).toHaveValue("abc");
  await tally.reload();
  await expect(tally.field("leads")).toHaveValue("300");
  await expect(tally.field("churn_pct")).toHaveValue("2,90");
  await expect(tally.field("arpa")).toHaveValue("abc");

  // Refused text is an edit like any other: the undo would take it back.
  await tally.button("Reset to defaults").click();
  await tally.type("arpa", "xyz");
  await expect(offer.getByRole("button", { name: "Undo" })).toHaveCount(0);
});
