import { test, expect } from "./fixtures.mjs";

test("an edit survives a reload", async ({ tally, page }) => {
  await tally.open();
  await tally.type("arpa", "$3,500");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", String(2400 / (3500 * 0.8)));
  await page.reload();
  await tally.ready();
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

  await page.reload();
  await tally.ready();
  const after = await tally.scenarioSelect().locator("option").allTextContents();
  expect(after).toEqual(["Base case", "Best case"]);
});

test("a reset or a delete can be undone, and the undo is saved", async ({ tally, page }) => {
  await tally.open();
  await tally.button("Save as…").click();
  await page.getByLabel("Save as", { exact: true }).fill("Acme deal");
  await tally.button("OK").click();
  await tally.type("churn_pct", "1.5");
  await tally.type("arpa", "3,100");

  await tally.button("Reset to defaults").click();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await tally.button("Undo").click();
  await expect(tally.field("churn_pct")).toHaveValue("1.5");
  await expect(tally.field("arpa")).toHaveValue("3,100");
  await expect(page.locator(".bar-message [role=status]")).toHaveText("“Acme deal” is back as it was");
  await expect(tally.button("Undo")).toHaveCount(0);

  await tally.button("Delete").click();
  await tally.button("Really delete?").click();
  await expect(tally.scenarioSelect()).toHaveValue("Base case");
  await tally.button("Undo").click();
  await expect(tally.scenarioSelect()).toHaveValue("Acme deal");
  expect(await tally.scenarioSelect().locator("option").allTextContents()).toEqual(["Base case", "Acme deal"]);
  await expect(tally.field("churn_pct")).toHaveValue("1.5");

  await page.reload();
  await tally.ready();
  await expect(tally.scenarioSelect()).toHaveValue("Acme deal");
  await expect(tally.field("arpa")).toHaveValue("3,100");

  // The offer goes with the message it came with.
  await tally.button("Reset to defaults").click();
  await tally.scenarioSelect().selectOption("Base case");
  await expect(tally.button("Undo")).toHaveCount(0);
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
  await other.close();
});
