// Joins the per-page release builds into one dist/ (run by scripts/build.sh).
//
// dist/ holds the shell build (the home page); each calculator page was
// built on its own, with only its page compiled in, into <pages>/<route>/.
// Their wasm and JS glue are put next to the shell's (under names that
// hash their contents, so nothing collides), and the start-up script is
// replaced by one that starts the wasm of the page the address names (and
// brings a page back to where it was on a reload, Back or Forward).
// Moving to another page reloads (src/ui/app.rs), and the start-up script
// then picks that page's wasm.
//
// Usage: node scripts/assemble.mjs <dist> <pages dir> <route>...
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const [dist, pagesDir, ...routes] = process.argv.slice(2);
if (!dist || !pagesDir || routes.length === 0) {
  throw new Error("usage: node scripts/assemble.mjs <dist> <pages dir> <route>...");
}

/** The one file of a build whose name matches `pattern`. */
function only(dir, pattern) {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`${dir}: expected one file matching ${pattern}, found ${found.length}`);
  return found[0];
}
const glueOf = (dir) => only(dir, /^tally-[0-9a-f]+\.js$/);
const wasmOf = (dir) => only(dir, /^tally-[0-9a-f]+_bg\.wasm$/);

/** JavaScript as shipped: minified by terser (scripts/tools.sh puts it on
 *  PATH), which Trunk does not do for wasm-bindgen's glue and snippets,
 *  and does differently from one build to the next for head.js. */
const minify = (code, { module = true } = {}) =>
  execFileSync("terser", [...(module ? ["--module"] : []), "--compress", "--mangle"], { input: code, encoding: "utf8" });
const sri = (code) => `sha384-${createHash("sha384").update(code).digest("base64")}`;

// A build's glue and wasm, put into dist/ under a hash of what they hold.
// Trunk's names hash cargo's output, which still names this clone's folder
// (wasm-bindgen's section, dropped from the shipped wasm): with these, the
// same commit gives the same names in any folder.
function place(dir) {
  const glue = minify(readFileSync(join(dir, glueOf(dir)), "utf8"));
  const wasm = readFileSync(join(dir, wasmOf(dir)));
  const hash = createHash("sha256").update(glue).update(wasm).digest("hex").slice(0, 16);
  const names = [`tally-${hash}.js`, `tally-${hash}_bg.wasm`];
  if (dir === dist) for (const old of [glueOf(dist), wasmOf(dist)]) rmSync(join(dist, old));
  writeFileSync(join(dist, names[0]), glue);
  writeFileSync(join(dist, names[1]), wasm);
  return names;
}

const bundles = { "": place(dist) };
for (const route of routes) bundles[route] = place(join(pagesDir, route));

const table = Object.fromEntries(Object.entries(bundles).map(([route, [glue, wasm]]) => [route, [`./${glue}`, `./${wasm}`]]));
// The route is read as src/scenario.rs (parse_hash) reads it. The page
// learns which route its wasm was chosen for (html[data-bundle]): a wasm
// without the page of the route reloads only if the address has moved on
// since, so a disagreement can never reload for ever.
const source = `// Starts the wasm of the page the address names (scripts/assemble.mjs).
const BUNDLES = ${JSON.stringify(table, null, 2)};
const routeOf = () => location.hash.replace(/^#*\\/*/, "").split("?")[0].replace(/\\/+$/, "");
const route = routeOf();
const chosen = route in BUNDLES ? route : "";
document.documentElement.dataset.bundle = chosen;
const [glue, wasm] = BUNDLES[chosen];
// A reload, Back and Forward come back to where the page was. The browser
// restores the scroll before the wasm has built the page, when there is
// only the static frame to scroll; so the place is kept here, as the field
// at the top of the screen (rows of estimated height above it cannot move
// it), else the scroll offset. It is kept per history entry, by the
// Navigation API's key, which a reload and \`replaceState\` keep: moving to
// another page (a new entry, which reloads) starts at its top. Without
// that API, per page and for a reload only.
const PLACES = "tally.places";
const placeOf = () => {
  for (const y of [0.25, 0.5]) {
    for (const x of [0.25, 0.5, 0.75]) {
      const field = document.elementFromPoint(innerWidth * x, innerHeight * y)?.closest(".field")?.querySelector("[id]");
      if (field) return { id: field.id, top: field.getBoundingClientRect().top };
    }
  }
  return {};
};
const places = () => {
  try {
    return JSON.parse(sessionStorage.getItem(PLACES)) ?? {};
  } catch {
    return {};
  }
};
const navigation = globalThis.navigation;
// The entry this page is on. A new entry for the same page (a pasted link)
// is followed. One for another page is not: the page reloads into it, and
// the place is this page's, taken at once, before the wasm empties the
// page to reload (which scrolls it to its top).
let entry = navigation?.currentEntry?.key;
let leaving;
navigation?.addEventListener("currententrychange", () => {
  if (routeOf() === route) entry = navigation.currentEntry?.key;
  else leaving ??= { y: scrollY, ...placeOf() };
});
const key = () => entry ?? \`page:\${route}\`;
history.scrollRestoration = "manual";
addEventListener("pagehide", () => {
  try {
    const all = places();
    delete all[key()];
    if (entry || routeOf() === route) all[key()] = leaving ?? { y: scrollY, ...placeOf() };
    // The 20 entries last left.
    for (const old of Object.keys(all).slice(0, -20)) delete all[old];
    sessionStorage.setItem(PLACES, JSON.stringify(all));
  } catch {}
});
const type = performance.getEntriesByType("navigation")[0]?.type;
const kept = entry || type === "reload" ? places()[key()] : undefined;
// After the browser reports the frame painted, so that the download never
// competes with the first paint (Lighthouse counts a download that ends
// before it as needed for it); at once in a hidden tab, which does not paint.
if (document.visibilityState !== "hidden") {
  await new Promise((go) => {
    const soon = () => setTimeout(go, 0);
    setTimeout(go, 3000); // in case the paint is never reported
    if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName("first-contentful-paint").length === 0) return;
        observer.disconnect();
        soon();
      }).observe({ type: "paint", buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(soon));
    }
  });
}
// The wasm and its JS glue download side by side. Should that fail (no
// network, a page cached from before a new version replaced the files,
// WebAssembly turned off), the page says why and offers to try again,
// rather than "Loading" for ever.
const failure = (kind, why, action) => {
  const notice = document.createElement("div");
  notice.className = \`notice \${kind}\`;
  notice.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent = why;
  const again = document.createElement("button");
  again.type = "button";
  again.textContent = action;
  again.addEventListener("click", () => location.reload());
  notice.append(text, again);
  return notice;
};
const loadFailed = (why) => document.querySelector("#app .loading")?.replaceWith(failure("load-failed", why, "Try again"));
// A panic stops the wasm for good: it aborts, which reaches the page as an
// uncaught WebAssembly.RuntimeError, and the page would look alive and do
// nothing. It says so instead, over the page.
const stopped = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError) || document.querySelector(".stopped")) return;
  document.body.append(failure("stopped", "Tally stopped because of an error in this page; the browser's console has its details. Reload to go on: your saved scenarios are kept.", "Reload"));
};
if (typeof WebAssembly !== "object") {
  loadFailed("This browser has WebAssembly turned off, and Tally computes with it. Lockdown Mode on an iPhone, iPad or Mac does this; its settings can exclude this site.");
} else {
  try {
    const response = fetch(wasm).then((r) => {
      if (!r.ok) throw new Error(\`the server answered \${r.status}\`);
      return r;
    });
    response.catch(() => {}); // reported below, through init
    const { default: init } = await import(glue);
    addEventListener("error", (e) => stopped(e.error));
    addEventListener("unhandledrejection", (e) => stopped(e.reason));
    await init({ module_or_path: response });
  } catch (error) {
    console.error(error);
    const { CompileError, LinkError, RuntimeError } = WebAssembly;
    // A panic as it starts is not the download's fault.
    if (error instanceof RuntimeError) stopped(error);
    else loadFailed(
      error instanceof CompileError || error instanceof LinkError
        ? \`The calculator could not start in this browser (\${error.message}). Try again; if it fails again, the browser may be too old to run it.\`
        : \`The calculator could not be loaded: \${error instanceof TypeError ? "the network failed" : error.message}. Check the connection and try again.\`,
    );
  }
}
// Charts and result tables far from the screen are not drawn again on each
// edit (class "far", style/main.css). On a phone the inputs come first, and
// typing into one had the browser lay out and paint the charts and tables
// below it every time: 40 to 56 ms to the screen (median) where a frame
// is 16. Only what was drawn and then left a screen or more away is set
// aside, at the size it was drawn at (style's contain-intrinsic-size: auto,
// on the same selector), and it is taken back a screen before it comes
// into view. (content-visibility:
// auto on them from the start drew the ones on screen as the page opened
// a frame late, which moved them.)
const FAR = ".chart, .grid-view, .results .table-wrap";
const near = new IntersectionObserver((entries) => {
  for (const e of entries) e.target.classList.toggle("far", !e.isIntersecting);
}, { rootMargin: "100% 0px" });
const watch = (node, add) => {
  if (node.nodeType !== 1) return;
  for (const el of [node, ...node.querySelectorAll(FAR)]) {
    if (el.matches(FAR)) add ? near.observe(el) : near.unobserve(el);
  }
};
watch(document.body, true);
new MutationObserver((records) => {
  for (const r of records) {
    for (const n of r.removedNodes) watch(n, false);
    for (const n of r.addedNodes) watch(n, true);
  }
}).observe(document.body, { childList: true, subtree: true });
if (kept) {
  requestAnimationFrame(() => {
    const field = kept.id && document.getElementById(kept.id);
    scrollTo(0, field ? scrollY + field.getBoundingClientRect().top - kept.top : kept.y);
  });
}
`;
// Shipped minified, under a first line that names this file.
const code = `${source.slice(0, source.indexOf("\n"))}\n${minify(source)}`;
const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;

const htmlPath = join(dist, "index.html");
const html = readFileSync(htmlPath, "utf8");
const boot = /<script type="module" src="\.\/(boot-[0-9a-f]+\.js)"><\/script>/;
const old = html.match(boot);
if (!old) throw new Error("dist/index.html: no start-up script (scripts/externalize-init.mjs runs first)");
rmSync(join(dist, old[1]));
writeFileSync(join(dist, name), code);
// The shell's glue is preloaded by Trunk; a calculator page does not use
// it. The snippets (wasm-bindgen's modules of src/ui/*.js) are minified,
// and their preloads given the new files' integrity, in one order
// (Trunk's varies). Trunk's HTML is minified: attributes may be unquoted,
// in any order.
const preload = /\s*<link\b[^>]*\brel="?modulepreload"?[^>]*>/g;
const hrefOf = (link) => link.match(/href="?\.\/([^"\s>]+)/)[1];
const snippets = (html.match(preload) ?? [])
  .map((link) => link.trim())
  .filter((link) => !/^tally-[0-9a-f]+\.js$/.test(hrefOf(link)))
  .map((link) => {
    const path = join(dist, hrefOf(link));
    const minified = minify(readFileSync(path, "utf8"));
    writeFileSync(path, minified);
    if (!/integrity="?sha384-/.test(link)) throw new Error(`${link}: no integrity to replace`);
    return link.replace(/integrity="?sha384-[^"\s>]+"?/, `integrity="${sri(minified)}"`);
  })
  .sort();
// head.js (a classic script, index.html), minified and named by its content.
const headTag = /<script\b[^>]*\bsrc="?\.\/(head-[0-9a-f]+\.js)"?[^>]*><\/script>/;
const headOld = html.match(headTag);
if (!headOld) throw new Error("dist/index.html: no head.js");
const headCode = minify(readFileSync(join(dist, headOld[1]), "utf8"), { module: false });
const headName = `head-${createHash("sha256").update(headCode).digest("hex").slice(0, 16)}.js`;
rmSync(join(dist, headOld[1]));
writeFileSync(join(dist, headName), headCode);
const page = html
  .replace(headTag, `<script src="./${headName}" integrity="${sri(headCode)}"></script>`)
  .replace(preload, "")
  .replace(boot, `<script type="module" src="./${name}"></script>${snippets.join("")}`);
writeFileSync(htmlPath, page);
console.log(`assemble: ${routes.length} pages and the shell in ${dist}/, started by ${name}`);
