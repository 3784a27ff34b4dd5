import { deflateRawSync } from "node:zlib";
import { test, expect, Tally, linkFor } from "./fixtures.mjs";

/** The compressed form, made by node's zlib rather than by the app. */
function compressedLinkFor(inputs, calc = "unit-economics") {
  const json = JSON.stringify({ v: 1, calc, inputs });
  return `#/${calc}?s=z1.` + deflateRawSync(Buffer.from(json, "utf8")).toString("base64url");
}

test("a copied link reproduces the results in a fresh browser", async ({ tally, page, browser }) => {
  await tally.open();
  await tally.type("arpa", "1.5k");
  await tally.type("churn_pct", "4%");
  await page.getByLabel("Currency").selectOption("EUR");
  await tally.button("Copy link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  const keys = ["cac", "ltv", "ltv_cac", "payback_months", "payback_months_cohort", "nrr_pct"];
  const expected = {};
  for (const k of keys) expected[k] = await tally.result(k).getAttribute("data-value");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[data-result="cac"]')).toBeVisible();
  for (const k of keys) {
    await expect(other.locator(`[data-result="${k}"]`)).toHaveAttribute("data-value", expected[k]);
  }
  await expect(other.getByLabel("Currency")).toHaveValue("EUR");
  await expect(other.getByText("You opened a shared scenario.")).toBeVisible();
  await fresh.close();
});

test("opening a link never overwrites saved scenarios", async ({ tally, page }) => {
  await tally.open();
  await tally.type("arpa", "999");
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("5,000");
  await tally.type("arpa", "6000");
  await tally.button("Close it").click();
  await expect(tally.field("arpa")).toHaveValue("999");

  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await page.getByRole("button", { name: "Save to my scenarios" }).click();
  await tally.button("OK").click();
  await expect(tally.scenarioSelect()).toHaveValue("Shared scenario");
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("5,000");
  await tally.scenarioSelect().selectOption("Base case");
  await expect(tally.field("arpa")).toHaveValue("999");
});

test("a link's printed report is named as a link's, not after the reader's own scenario", async ({ tally, page }) => {
  // The report printed a prospect's link as "Scenario “Base case”": the
  // reader's scenario, whose inputs are not the ones printed.
  const meta = page.locator(".report-meta");
  await tally.open();
  await expect(meta).toHaveText(/^Scenario “\u2068Base case\u2069” · /);
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await expect(meta).toHaveText(/^Scenario from a shared link · /);
  await page.getByRole("button", { name: "Save to my scenarios" }).click();
  await tally.button("OK").click();
  await expect(meta).toHaveText(/^Scenario “\u2068Shared scenario\u2069” · /);
});

test("edits to a shared scenario survive a reload and stay out of saved ones", async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await tally.type("arpa", "6,500");
  await expect(page).toHaveURL(/\?s=j1\./);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("6,500");
  await expect(page.getByText("You opened a shared scenario.")).toBeVisible();
  await tally.button("Close it").click();
  await expect(tally.field("arpa")).toHaveValue("2,900");
});

/** The ARPA of the plain link the address shows. */
function arpaInAddress(page) {
  return arpaIn(new URL(page.url()).hash);
}

/** Types 5001, 5002 … 5000 + `count` into a field within one task, as input
 *  events. Then, still in that task, goes to `then.go` if given, or reloads
 *  the page `then.reloadAfter` ms later if given, keeping the page busy
 *  meanwhile (none of its timers runs). Returns the hash the address showed
 *  after the edits. */
function editAtOnce(page, name, count, then = {}) {
  return page.evaluate(
    ([name, count, { go, reloadAfter }]) => {
      const field = document.querySelector(`[name="${name}"]`);
      for (let i = 1; i <= count; i++) {
        field.value = String(5000 + i);
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const shown = location.hash;
      if (go) location.hash = go;
      if (reloadAfter !== undefined) {
        const due = performance.now() + reloadAfter;
        while (performance.now() < due);
        location.reload();
      }
      return shown;
    },
    [name, count, then],
  );
}

/** The ARPA of a plain link's hash. */
function arpaIn(hash) {
  const payload = hash.split("s=j1.")[1]?.split("&")[0] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")).inputs.arpa;
}

test("a quick run of edits to a shared scenario survives a reload whole, within the browser's cap on address changes", async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  // 250 edits at once: past Chromium's cap of 200 address changes in 10 s
  // (Safari's is 100 in 30 s). Each one the page took is in the address
  // before long; before the changes were paced, the address stopped at
  // the 199th.
  await editAtOnce(page, "arpa", 250);
  // CAC 2,400 over ARPA × 80 %.
  await expect.poll(() => tally.value("payback_months")).toBeCloseTo(2400 / (5250 * 0.8), 12);
  await expect.poll(() => arpaInAddress(page)).toBe(5250);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("5,250");
  // Paced, not stopped: the next edit reaches the address.
  await tally.type("arpa", "6000");
  await expect.poll(() => arpaInAddress(page)).toBe(6000);
});

test("edits to a shared scenario still waiting for the address survive a reload at once", async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  // Past the 20 changes let through at once: the last 10 wait for the
  // address, and the page reloads at once. A reload opens the address the
  // browser shows; before the waiting change was kept for it, it showed
  // 5,020.
  const reloaded = page.waitForEvent("load");
  expect(arpaIn(await editAtOnce(page, "arpa", 30, { reloadAfter: 0 }))).toBeLessThan(5030);
  await reloaded;
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("5,030");
  expect(arpaInAddress(page)).toBe(5030);
  // Kept for that reload only, and then gone.
  expect(await page.evaluate(() => sessionStorage.getItem("tally.address") ?? "")).toBe("");
  await tally.type("arpa", "6000");
  await expect.poll(() => arpaInAddress(page)).toBe(6000);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("6,000");
});

test("edits to a shared scenario survive a reload that starts just before their change reaches the address", async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  // The last 10 edits wait for the address; the reload is asked for when
  // their change is due (the pace's longest wait is 500 ms), so the change
  // is made after the browser fixed the address the reload opens. A busy
  // machine did this in CI, and the reload showed 5,022.
  // Chromium's reload then also loses the entry's state.
  const opening = await page.evaluate(() => history.state);
  expect(typeof opening).toBe("number");
  const reloaded = page.waitForEvent("load");
  expect(arpaIn(await editAtOnce(page, "arpa", 30, { reloadAfter: 600 }))).toBeLessThan(5030);
  await reloaded;
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("5,030");
  expect(arpaInAddress(page)).toBe(5030);
  expect(await page.evaluate(() => sessionStorage.getItem("tally.address") ?? "")).toBe("");
  // The same opening of the link: the text typed into its fields is kept
  // under that number (drafts).
  expect(await page.evaluate(() => history.state)).toBe(opening);
});

test("edits to a shared scenario still waiting for the address are there on coming back to it", { tag: "@history" }, async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  // The last 10 edits wait for the address, and the tab goes to another
  // calculator at once (which reloads into its own wasm), then back.
  await editAtOnce(page, "arpa", 30, { go: "#/roi" });
  await expect(page.locator("article.roi")).toBeVisible();
  await page.goBack();
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("5,030");
  expect(arpaInAddress(page)).toBe(5030);
  // Within one document too: a link pasted, then Back to the first.
  await editAtOnce(page, "arpa", 30, { go: linkFor({ arpa: 7000 }) });
  await expect(tally.field("arpa")).toHaveValue("7,000");
  await page.goBack();
  await expect(tally.field("arpa")).toHaveValue("5,030");
  await expect.poll(() => arpaInAddress(page)).toBe(5030);
  // And another site, then Back: the page comes back from the back-forward
  // cache as it was left, or, without that cache, loads anew and makes the
  // change kept for it.
  expect(arpaIn(await editAtOnce(page, "arpa", 40))).toBeLessThan(5040);
  await page.goto("data:text/html,<title>Away</title><p>Away");
  await page.goBack({ waitUntil: "commit" });
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue(/^5,?040$/);
  await expect.poll(() => arpaInAddress(page)).toBe(5040);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("5,040");
});

test("a link pasted while edits wait for the address opens, and they do not overwrite it", async ({ tally, page }) => {
  await tally.open();
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  const pasted = linkFor({ arpa: 7000 });
  // Past the 20 changes let through at once, then another link at once.
  await editAtOnce(page, "arpa", 30, { go: pasted });
  await expect(tally.field("arpa")).toHaveValue("7,000");
  // Past the pace's longest wait (500 ms): a waiting write is due by now.
  await page.waitForTimeout(1500);
  expect(new URL(page.url()).hash).toBe(pasted);
  await tally.reload();
  await expect(tally.field("arpa")).toHaveValue("7,000");
});

test("values from a link are checked like typed input", async ({ tally, page }) => {
  await page.goto(linkFor({ churn_pct: 140, arpa: "2k", cac_override: -5, future: 1 }));
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("2,000");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  const problems = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(problems).toContainText("churn_pct");
  await expect(problems).toContainText("cac_override");
});

for (const [what, hash, message] of [
  ["truncated", (l) => l.slice(0, -7), "damaged"],
  ["tampered", (l) => l.replace("j1.ey", "j1.e$"), "damaged"],
  // Past the plain form of 256 KiB of JSON.
  ["oversized", () => "#/unit-economics?s=j1." + "A".repeat(350_000), "too long"],
  ["newer", () => linkFor({}, 9), "newer version"],
  // A megabyte of spaces compresses to about a kilobyte.
  ["compressed bomb", () => compressedLinkFor({ arpa: 5000, pad: " ".repeat(1 << 20) }), "unpacks to more than"],
  ["damaged compressed", () => compressedLinkFor({ arpa: 5000 }).slice(0, -8), "compressed link could not be opened"],
  ["other calculator", () => linkFor({}, 1, "roi").replace("#/roi", "#/unit-economics"), "another calculator"],
]) {
  test(`a ${what} link is explained and the app keeps working`, async ({ tally, page }) => {
    await page.goto(hash(linkFor({ arpa: 5000 })));
    await tally.ready();
    await expect(page.locator(".notices")).toContainText(message);
    await expect(tally.field("arpa")).toHaveValue("2,900");
    await tally.type("arpa", "3000");
    await expect(tally.result("payback_months")).toHaveAttribute("data-value", String(2400 / 2400));
  });
}

test("a compressed link opens like the plain one and the address turns plain", async ({ tally, page }) => {
  const inputs = { arpa: 4321, churn_pct: "2.5%", currency: "JPY", stages: [{ name: "Demo", rate_pct: 30 }] };
  const z = compressedLinkFor(inputs);
  expect(z.length).toBeLessThan(linkFor(inputs).length);
  await page.goto(z);
  await tally.ready();
  await expect(tally.field("arpa")).toHaveValue("4,321");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(page.getByText("You opened a shared scenario.")).toBeVisible();
  expect(new URL(page.url()).hash).toBe(linkFor(inputs));
  const plain = {};
  for (const k of ["cac", "ltv", "payback_months_cohort"]) plain[k] = await tally.result(k).getAttribute("data-value");
  // Pasted into the address bar of an open page, too.
  await page.evaluate((hash) => (location.hash = hash), compressedLinkFor({ ...inputs, arpa: 999 }));
  await expect(tally.field("arpa")).toHaveValue("999");
  await page.goto(linkFor(inputs));
  for (const k of Object.keys(plain)) await expect(tally.result(k)).toHaveAttribute("data-value", plain[k]);
});

test("copy link gives the compressed form when it is shorter", async ({ tally, page }) => {
  await tally.open();
  await tally.button("Copy link").click();
  const url = await page.getByLabel("Link to this scenario").inputValue();
  expect(url).toContain("?s=z1.");
});

test("copying a link while a field holds text it refuses says what the link carries", async ({ tally, page }) => {
  await tally.open();
  const said = page.locator(".bar-message");
  await tally.type("arpa", "3,50");
  await tally.button("Copy link").click();
  await expect(said).toContainText("One field holds text it does not accept; the link carries its last valid value.");
  const url = await page.getByLabel("Link to this scenario").inputValue();
  expect(url).toContain("#/unit-economics?s=");
  await tally.type("churn_pct", "2,5");
  await tally.button("Copy link").click();
  await expect(said).toContainText("2 fields hold text they do not accept");
  // A number out of the field's range is refused as well.
  await tally.type("gross_margin_pct", "140");
  await tally.button("Copy link").click();
  await expect(said).toContainText("3 fields hold text they do not accept");
  await tally.type("arpa", "3,500");
  await tally.type("churn_pct", "2.5");
  await tally.type("gross_margin_pct", "80");
  await tally.button("Copy link").click();
  await expect(said).toHaveText(/^(Link copied\. Anyone who opens it sees these inputs\.|Copy the link from the box below\.)$/);
});

test("text typed into a link's fields goes when the link is closed, and with the scenario it is saved as", async ({ tally, page }) => {
  await tally.open();
  // The link's churn and the saved scenario's are both the default 2.5 %.
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await tally.type("churn_pct", "abc");
  await tally.button("Close it").click();
  await expect(tally.field("arpa")).toHaveValue("2,900");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
  // Opened again, the link shows its own values.
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");

  await tally.type("churn_pct", "xyz");
  await page.getByRole("button", { name: "Save to my scenarios" }).click();
  await tally.button("OK").click();
  await expect(tally.scenarioSelect()).toHaveValue("Shared scenario");
  await expect(tally.field("churn_pct")).toHaveValue("xyz");
  await page.goto(linkFor({ arpa: 5000 }));
  await tally.ready();
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(page.locator(".field.invalid")).toHaveCount(0);
});

test("text typed into a link shows again in that opening of it only: a reload, or going back, not the link opened anew", { tag: "@history" }, async ({ tally, page, context }) => {
  const link = linkFor({ arpa: 5000 });
  const refused = page.locator(".field.invalid");
  await tally.open(link);
  await tally.type("churn_pct", "abc");
  await tally.reload();
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await expect(refused).toHaveCount(1);

  // The same link in another tab, and another link in this one, with the
  // same churn (the default 2.5 %): neither shows the text.
  const other = new Tally(await context.newPage());
  await other.open(link);
  await expect(other.field("churn_pct")).toHaveValue("2.5");
  await expect(other.page.locator(".field.invalid")).toHaveCount(0);
  await tally.open(linkFor({ arpa: 6000 }));
  await expect(tally.field("arpa")).toHaveValue("6,000");
  await expect(tally.field("churn_pct")).toHaveValue("2.5");
  await expect(refused).toHaveCount(0);

  // Back to the first opening: its text is there again.
  await page.goBack();
  await expect(tally.field("arpa")).toHaveValue("5,000");
  await expect(tally.field("churn_pct")).toHaveValue("abc");
  await expect(refused).toHaveCount(1);
});

test("a large compressed link still opens after a reload, when the address holds it plain", async ({ tally, page }) => {
  // 50 lines of 50 years each: compressed it is short, plain it is longer
  // than 32 KiB (the payload limit before).
  const items = Array.from({ length: 50 }, (_, k) => ({
    name: `Line ${k}: savings from moving workload ${k} to the new stack`,
    type: k % 5 ? "benefit" : "cost",
    initial: 1000 * k,
    yearly: Array.from({ length: 50 }, (_, y) => 12345.67 * (k + 1) + 997 * y),
  }));
  const inputs = { prospect: "Acme", horizon_months: 600, items };
  const plain = linkFor(inputs, 1, "roi");
  expect(plain.length).toBeGreaterThan(32 * 1024);
  const shared = async () => {
    await expect(page.getByRole("button", { name: "Save to my scenarios" })).toBeVisible();
    await expect(tally.field("prospect")).toHaveValue("Acme");
    await expect(page.locator(".notice")).toHaveCount(0);
    return tally.result("npv").getAttribute("data-value");
  };
  // 2,550 fields take 1.3 to 1.6 s to open on a 2-core machine by
  // themselves, and took 8 to 29 s while another worker's browser was busy
  // beside them: this test is about what opens, not how fast (the README's
  // open problem).
  test.slow();
  await tally.open(compressedLinkFor(inputs, "roi"), { timeout: 60_000 });
  const npv = await shared();
  await expect(page).toHaveURL(/s=j1\./);
  await tally.reload({ timeout: 60_000 });
  expect(await shared()).toBe(npv);
});
