// Trunk post_build hook, run in the staging dir:
// 1. moves the inline <script type="module"> that starts the wasm into its
//    own file, so the page runs under a CSP whose script-src is
//    'self' 'wasm-unsafe-eval' (no 'unsafe-inline');
// 2. drops Trunk's preload of the wasm from <head>: the download must not
//    compete with the static frame's first paint.
// scripts/assemble.mjs then replaces this start-up with the one dist/ ships,
// which picks each page's wasm and requests it after the first paint.
// A release build's HTML is minified (Trunk.toml): attributes unquoted and
// in another order.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");
const htmlPath = join(dir, "index.html");
const html = readFileSync(htmlPath, "utf8");
const inline = /<script type="?module"?[^>]*>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error("no inline module script found in index.html");
const original = match[1].trim();
const code = original + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
const page = html
  .replace(inline, `<script type="module" src="./${name}"></script>`)
  .replace(/<link\b[^>]*\btype="?application\/wasm"?[^>]*>/, "");
writeFileSync(htmlPath, page);
console.log(`externalize-init: inline start-up script moved to ${name}`);
