#!/usr/bin/env node
// stress-test.js -- the seed's M10 stress test on the JS host.
//
//   node js/stress-test.js [ITERATIONS] [--wasm PATH]     (default 10,000)
//
// Evaluates the seed's script ITERATIONS times as top-level evals, prints the
// memory statistics every 1,000 iterations, and fails (exit status 1) on
// growth: after every eval the scratch handles and the WASM arena must be back
// to 0, and linear memory must be the same size at the end as after the first
// 100 iterations. Until the core has list, lappend, string and expr, a script
// of the same shape using only the first builtins runs instead (it says so).
// With node --expose-gc, the JS heap is also checked (growth under 4 MiB).

import { createFeather } from "./feather.js";

const SEED_SCRIPT = `
set x [list a b c d e f g h i j]
lappend x [string repeat "x" 100]
proc tmp {} { return [expr {1 + 2}] }
tmp
rename tmp {}
`;

const BASIC_SCRIPT = `
set x {a b c d e f g h i j}
append x [set y xxxxxxxxxx]
proc tmp {} { incr ::n; return 3 }
tmp
rename tmp {}
`;

function hasBuiltins(feather, interp) {
  for (const name of ["list", "lappend", "string"]) {
    if (feather.call(interp, "info", "commands", name) === "") return false;
  }
  return feather.eval(interp, "catch {expr {1 + 2}}") === "0";
}

async function stressTest(iterations, wasm) {
  const feather = await createFeather(wasm);
  const interp = feather.create();
  const script = hasBuiltins(feather, interp) ? SEED_SCRIPT : BASIC_SCRIPT;
  if (script === BASIC_SCRIPT) console.log("note: the core lacks list/lappend/string/expr: running the basic script");
  const heap = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const startMem = feather.memoryStats(interp);
  console.log("Start:", JSON.stringify(startMem));
  let memoryAt100 = 0;
  let heapAt100 = 0;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    feather.eval(interp, script);
    const stats = feather.memoryStats(interp);
    if (stats.scratchHandles !== 0 || stats.wasmArenaUsed !== 0 || stats.evalDepth !== 0) {
      console.error(`FAIL at iteration ${i}: memory not reclaimed:`, JSON.stringify(stats));
      return 1;
    }
    if (i === 99) {
      memoryAt100 = stats.wasmMemoryBytes;
      if (globalThis.gc) heapAt100 = heap();
    }
    if (i % 1000 === 0 || i === iterations - 1) console.log(`Iteration ${i}:`, JSON.stringify(stats));
  }
  const ms = performance.now() - t0;
  const endMem = feather.memoryStats(interp);
  console.log("End:", JSON.stringify(endMem));
  console.log(`${iterations} iterations in ${ms.toFixed(0)} ms (${((ms * 1000) / iterations).toFixed(1)} µs each)`);
  if (iterations > 100 && endMem.wasmMemoryBytes !== memoryAt100) {
    console.error(`FAIL: linear memory grew from ${memoryAt100} to ${endMem.wasmMemoryBytes} bytes`);
    return 1;
  }
  if (endMem.procCount !== startMem.procCount || endMem.namespaceCount !== startMem.namespaceCount) {
    console.error("FAIL: procs or namespaces accumulate");
    return 1;
  }
  if (globalThis.gc && iterations > 100) {
    const growth = heap() - heapAt100;
    console.log(`JS heap growth since iteration 100: ${growth} bytes`);
    if (growth > 4 * 1024 * 1024) {
      console.error("FAIL: the JS heap grows");
      return 1;
    }
  }
  console.log("PASS: no memory leaks detected");
  return 0;
}

const args = process.argv.slice(2);
let wasm;
const at = args.indexOf("--wasm");
if (at >= 0) {
  wasm = args[at + 1];
  args.splice(at, 2);
}
const iterations = args.length ? Number(args[0]) : 10000;

stressTest(iterations, wasm).then(
  (status) => {
    process.exitCode = status;
  },
  (e) => {
    console.error("Error:", e);
    process.exitCode = 1;
  },
);
