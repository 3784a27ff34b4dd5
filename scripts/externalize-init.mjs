// Trunk post_build hook, run in the staging dir:
// 1. moves the inline <script type="module"> that starts the wasm into its
//    own file, so the page runs under a CSP whose script-src is
//    'self' 'wasm-unsafe-eval' (no 'unsafe-inline');
// 2. starts the wasm download after the first paint instead of preloading it
//    from <head>: the static frame (heading, navigation) paints without
//    waiting, and on a slow link the 200 KB wasm does not compete with the
//    render-blocking CSS. Largest Contentful Paint is then the static heading.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");
const htmlPath = join(dir, "index.html");
const html = readFileSync(htmlPath, "utf8");
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error("no inline module script found in index.html");
const original = match[1].trim();
const firstStatement = original.indexOf(";") + 1; // the import of the JS glue
// Two animation frames: the first paint has then been presented. A hidden
// tab paints nothing (and runs no animation frames): it starts at once.
const afterPaint = `
// After the first paint has been presented; at once in a hidden tab.
if (document.visibilityState !== "hidden") {
  await new Promise((go) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go, 0))));
}
`;
const code = original.slice(0, firstStatement) + afterPaint + original.slice(firstStatement).trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
const page = html
  .replace(inline, `<script type="module" src="./${name}"></script>`)
  .replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/, "");
writeFileSync(htmlPath, page);
console.log(`externalize-init: inline start-up script moved to ${name}`);
