import { test, expect } from "./fixtures.mjs";

test("corrupted storage is backed up, reported, and the app works", async ({ tally, page }) => {
  // Once the first load is done, so that it is the reload that finds the data.
  await tally.open();
  await page.evaluate(() => localStorage.setItem("tally", '{"v":1,"calcs":{"unit-eco'));
  await tally.reload();
  await expect(page.locator(".notices")).toContainText("Your saved scenarios could not be read (it is not JSON).");
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("tally.backup."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(backups).toEqual(['{"v":1,"calcs":{"unit-eco']);
  await tally.type("arpa", "3000");
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("3,000");
});

test("foreign data under our key is kept aside too", async ({ tally, page }) => {
  // Once the first load is done, so that it is the reload that finds the data.
  await tally.open();
  await page.evaluate(() => localStorage.setItem("tally", '{"theme":"dark"}'));
  await tally.reload();
  await expect(page.locator(".notices")).toContainText("not written by Tally");
});

/** Writes `text` under Tally's key from another document of the site: this
 *  page gets it as a storage event, as from another tab. */
async function writtenElsewhere(context, text) {
  const other = await context.newPage();
  await other.goto("favicon.svg");
  await other.evaluate((t) => localStorage.setItem("tally", t), text);
  await other.close();
}

test("foreign text another page writes under our key is kept aside, and this tab's scenarios saved again", async ({ tally, page, context }) => {
  await tally.open();
  await tally.type("arpa", "3000");
  await writtenElsewhere(context, '{"theme":"dark"}');
  await expect(page.locator(".notices")).toContainText("The saved data was not written by Tally. Another tab or page wrote it just now.");
  const stored = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).map((k) => [k.startsWith("tally.backup.") ? "backup" : k, localStorage.getItem(k)])),
  );
  expect(stored.backup).toBe('{"theme":"dark"}');
  expect(JSON.parse(stored.tally).calcs["unit-economics"].scenarios[0].inputs.arpa).toBe(3000);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("3,000");
});

test("a newer version's store saved by another tab is not overwritten by this one", async ({ tally, page, context }) => {
  await tally.open();
  const newer = '{"v":99,"calcs":{}}';
  await writtenElsewhere(context, newer);
  await expect(page.locator(".notices")).toContainText("saved by a newer version of Tally (format 99)");
  await expect(page.locator(".notices")).toContainText("this tab no longer saves, so as not to overwrite them");
  await tally.type("arpa", "4000");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", String(2400 / (4000 * 0.8)));
  expect(await page.evaluate(() => localStorage.getItem("tally"))).toBe(newer);
});

test("disabled storage leaves the app usable in memory", async ({ tally, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await tally.open();
  await expect(page.locator(".notices")).toContainText("SecurityError");
  await tally.type("arpa", "3000");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", "1");
  // Text that is not a number stays in its field while others are edited.
  await tally.type("churn_pct", "abc");
  await tally.type("arpa", "3500");
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await expect(page.locator(".field.invalid")).toHaveCount(1);
  // ...and through a removal, which has every field show its value again,
  // and a reset and its undo.
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await tally.button("Reset to defaults").click();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await page.locator(".undo-offer").getByRole("button", { name: "Undo" }).click();
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await expect(tally.field("arpa")).toHaveValue("3,500");
});

test("full storage keeps edits in memory with a notice", async ({ tally, page }) => {
  await tally.open();
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "tally") throw new DOMException("quota", "QuotaExceededError");
      return real.call(this, key, value);
    };
  });
  await tally.type("arpa", "3000");
  await expect(page.locator(".notices")).toContainText("QuotaExceededError");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", "1");
  await tally.type("arpa", "2400");
  await expect(tally.result("payback_months")).toHaveAttribute("data-value", "1.25");
});
