// A plain static file server for the built dist/, mounted under a sub-path
// (/tally/) the way a CDN folder would host it, sending the README's CSP.
// With `?pause=<ms>` in its address, the page's HTML is sent in two parts,
// cut after the navigation's first link, that long apart: a slow link.
// Usage: node tests/e2e/server.mjs [port] [dist-dir]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { CSP } from "./csp.mjs";

export const BASE = "/tally/";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export function serve(port, dist) {
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end("not found");
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(BASE.length))));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "content-security-policy": CSP,
        "cache-control": "no-cache",
      });
      const pause = Number(url.searchParams.get("pause"));
      if (pause > 0 && path.endsWith(".html")) {
        const text = body.toString("utf8");
        const cut = text.indexOf("</a>", text.indexOf("site-nav"));
        res.write(text.slice(0, cut));
        setTimeout(() => res.end(text.slice(cut)), pause);
      } else {
        res.end(body);
      }
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 4173);
  const dist = process.argv[3] ?? "dist";
  await serve(port, dist);
  console.log(`serving ${dist} at http://127.0.0.1:${port}${BASE}`);
}
