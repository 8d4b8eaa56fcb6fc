#!/usr/bin/env node
// serve.js -- serve js/ (the browser REPL index.html, feather.js, feather.wasm)
// on localhost, for `nox -s serve` and the browser test.
//
//   node js/serve.js [PORT]        (default 8000; 0 picks a free port)
//
// Binds 127.0.0.1 only. Serves files of this directory and nothing above it.

import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";

const ROOT = dirname(fileURLToPath(import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** Start the server; resolves with {server, url}. */
export function serve(port = 8000, host = "127.0.0.1") {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      const rel = normalize(path === "/" ? "/index.html" : path).replace(/^([/\\])+/, "");
      const file = join(ROOT, rel);
      if (!file.startsWith(ROOT + sep) || rel.split(/[/\\]/).includes("node_modules")) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      resolve({ server, url: `http://${host}:${bound}/` });
    });
  });
}

function isMain() {
  try {
    return process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMain()) {
  const port = process.argv[2] ? Number(process.argv[2]) : 8000;
  serve(port).then(({ url }) => console.log(`Feather browser REPL: ${url}  (Ctrl-C stops)`));
}
