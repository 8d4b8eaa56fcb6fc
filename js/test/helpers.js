// Shared helpers for the node:test suites of the JS host.
//
// - feather.wasm is compiled once per test file and shared (loadModule).
// - tclsh (real Tcl 8.6) is the oracle for expected Tcl output, run at test time.
// - need() names builtins a test uses: the test is skipped until the core has them.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createFeather } from "../feather.js";

export const JS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(JS_DIR);
// FEATHER_WASM: test another build of the module (default: the copy beside feather.js).
export const WASM = process.env.FEATHER_WASM ?? join(JS_DIR, "feather.wasm");

let compiled = null;

/** The compiled module (once per process). */
export async function wasmModule() {
  if (compiled === null) compiled = await WebAssembly.compile(readFileSync(WASM));
  return compiled;
}

/** A Feather on its own instance. */
export async function newFeather(options = {}) {
  return createFeather(await wasmModule(), options);
}

/** A Feather with one interp whose puts output is captured. */
export async function session() {
  const out = [];
  const feather = await newFeather({ write: (text) => out.push(text) });
  const interp = feather.create();
  return {
    feather,
    interp,
    eval: (script) => feather.eval(interp, script),
    output: () => out.join(""),
    clearOutput: () => {
      out.length = 0;
    },
    stats: () => feather.memoryStats(interp),
  };
}

const TCLSH = ["tclsh", "tclsh8.6"].find((exe) => spawnSync(exe, [], { input: "exit 0\n" }).status === 0) ?? null;

export const haveTclsh = TCLSH !== null;

/** stdout of script run by tclsh 8.6 (UTF-8). */
export function tclsh(script) {
  if (TCLSH === null) throw new Error("tclsh not installed");
  const prelude = "fconfigure stdout -encoding utf-8 -translation lf\n";
  const done = spawnSync(TCLSH, [], { input: prelude + script, timeout: 60000 });
  return done.stdout.toString("utf-8");
}

/** The builtins among names that interp lacks (the core adds families over time). */
export function missing(feather, interp, ...names) {
  return names.filter((n) => {
    if (feather.call(interp, "info", "commands", n) === "") return true;
    // expr exists from the start as a stand-in that fails until the real one lands.
    return n === "expr" && feather.eval(interp, "catch {expr {1 < 2}}") !== "0";
  });
}

/** Skip test context t (returns true) unless the interp has every builtin named. */
export function need(t, s, ...names) {
  const lacking = missing(s.feather, s.interp, ...names);
  if (lacking.length) {
    t.skip(`the core has no ${lacking.join(", ")} yet`);
    return true;
  }
  return false;
}

export const haveWasm = existsSync(WASM);
