// Trunk post_build hook: moves the inline <script type="module"> that starts
// the wasm into its own file, so the page runs under a CSP whose script-src
// is 'self' 'wasm-unsafe-eval' (no 'unsafe-inline'). Runs in the staging dir.
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
const code = match[1].trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(htmlPath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
console.log(`externalize-init: inline start-up script moved to ${name}`);
