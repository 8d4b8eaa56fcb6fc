// The browser REPL (index.html) in a real headless Chromium: Debian's
// /usr/bin/chromium (or $CHROMIUM), driven by playwright-core (no browser
// download), against the page served on localhost by serve.js. Saves a
// screenshot as build/browser-repl.png.

import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";

import { serve } from "../serve.js";
import { ROOT, missing, newFeather } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let chromium = null;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  chromium = null;
}

const skip =
  chromium === null
    ? "playwright-core is not installed (npm ci in js/)"
    : !existsSync(CHROMIUM)
      ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
      : false;

let browser = null;
let server = null;
let url = "";

/** Start the server and the browser on first use (not when every test here is filtered out). */
async function start() {
  if (browser !== null) return;
  ({ server, url } = await serve(0));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
}

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

async function openRepl() {
  await start();
  const page = await browser.newPage({ viewport: { width: 900, height: 560 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
  return { page, problems };
}

async function type(page, text) {
  await page.locator("#input").pressSequentially(text);
  await page.keyboard.press("Enter");
}

test("browser: the REPL page evaluates, shows errors distinctly, continues lines, recalls history", { skip }, async () => {
  const probe = await newFeather({ write: () => {} });
  const expr = missing(probe, probe.create(), "expr").length === 0;
  const { page, problems } = await openRepl();

  if (expr) {
    await type(page, "set x [expr {6*7}]");
    await page.waitForSelector(".result");
    assert.equal(await page.locator(".result").last().textContent(), "42");
  } else {
    await type(page, "set x 42");
    await page.waitForSelector(".result");
    assert.equal(await page.locator(".result").last().textContent(), "42");
  }

  await type(page, "nosuchcmd a b");
  await page.waitForSelector(".error");
  assert.equal(await page.locator(".error").last().textContent(), 'invalid command name "nosuchcmd"');
  const color = await page.locator(".error").last().evaluate((el) => getComputedStyle(el).color);
  const okColor = await page.locator(".result").last().evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(color, okColor, "errors are shown distinctly");

  // Multi-line input: an open brace continues on the next line.
  await type(page, "proc greet {who} {");
  assert.equal(await page.locator(".cmd").count(), 2, "an incomplete command is not run");
  await type(page, 'puts "hello, $who"; return done}');
  await type(page, "greet browser");
  await page.waitForFunction(() => document.querySelectorAll(".result").length >= 2);
  assert.equal(await page.locator(".output").last().textContent(), "hello, browser");
  assert.equal(await page.locator(".result").last().textContent(), "done");

  // History: the up arrow recalls the last command.
  await page.locator("#input").press("ArrowUp");
  assert.equal(await page.locator("#input").inputValue(), "greet browser");
  await page.locator("#input").fill("");

  assert.match(await page.locator("#stats").textContent(), /scratch handles 0 · arena 0 B/);
  mkdirSync(join(ROOT, "build"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "build", "browser-repl.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("browser: feather.js loads and evaluates in a page (createFeather from a URL)", { skip }, async () => {
  const { page, problems } = await openRepl();
  const result = await page.evaluate(async () => {
    const { createFeather } = await import("./feather.js");
    const f = await createFeather("./feather.wasm", { write: () => {} });
    const i = f.create();
    f.eval(i, "set l {}; foreach w {a b c} {append l $w}");
    // A trap replaces the instance synchronously (new WebAssembly.Instance on
    // the main thread); the interp keeps its state.
    f.runtime.imports.state = () => {
      throw new RangeError("simulated");
    };
    let trap = "";
    try {
      f.eval(i, "set y 1");
    } catch (e) {
      trap = e.message;
    }
    delete f.runtime.imports.state;
    return [f.eval(i, "set l"), f.memoryStats(i).scratchHandles, trap, f.memoryStats(i).instances];
  });
  assert.deepEqual(result, ["abc", 0, "feather: trap: simulated", 2]);
  assert.deepEqual(problems, []);
  await page.close();
});
