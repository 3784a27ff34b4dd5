// Names the page for its route before the wasm arrives and on every route
// change: the heading is the page's largest text, so painting it from static
// HTML keeps Largest Contentful Paint independent of the wasm download.
// (A file, not an inline script, so the CSP needs no 'unsafe-inline'.)
(function () {
  var PAGES = {
    "unit-economics": ["Unit economics", "What a customer costs to win, what it is worth, and how fast it pays back. Monthly figures throughout."],
    roi: ["Return on investment", "The business case a sales engineer sends to a prospect: savings, costs, NPV, payback."],
    compensation: ["Compensation", "Sales compensation plans and offer packages, side by side."],
    equity: ["Equity dilution", "A cap table through SAFEs, notes and priced rounds, to the exit."],
  };
  var HOME = ["Tally", "Business calculators that run entirely in your browser. Nothing you type leaves this device unless you share a link."];
  function show() {
    var route = location.hash.replace(/^#\/?/, "").split("?")[0].replace(/\/$/, "");
    var page = PAGES[route] || HOME;
    document.getElementById("page-title").textContent = page[0];
    document.getElementById("page-lede").textContent = page[1];
    document.title = page === HOME ? "Tally — business calculators" : page[0] + " — Tally";
  }
  show();
  addEventListener("hashchange", show);
})();
