// Tells the page its route before the first paint: this script is in <head>
// and blocks rendering (it is tiny), so the static heading for the route
// (index.html, shown by CSS through html[data-route]) is right from the
// first frame and nothing moves when the wasm arrives. Keeping the heading
// static also keeps Largest Contentful Paint independent of the wasm.
// (A file, not an inline script, so the CSP needs no 'unsafe-inline'.)
(function () {
  var TITLES = {
    "unit-economics": "Unit economics",
    roi: "Return on investment",
    compensation: "Compensation",
    equity: "Equity dilution",
  };
  function show() {
    var route = location.hash.replace(/^#*\/*/, "").split("?")[0].replace(/\/+$/, "");
    if (!TITLES[route]) route = "home";
    document.documentElement.setAttribute("data-route", route);
    document.title = route === "home" ? "Tally — business calculators" : TITLES[route] + " — Tally";
  }
  show();
  addEventListener("hashchange", show);
})();
