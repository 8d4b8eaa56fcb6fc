// Out-of-memory errors from anywhere in the core name the memory limit (issue
// 7): twin of tests/limits/test_oom_errors.py. With the scratch arena full, a
// parse error, a builtin's own failure or the evaluator's generic one all give a
// non-empty message and errorCode TCL LIMIT MEMORY.

import assert from "node:assert/strict";
import { test } from "node:test";

import { TclError, createFeather } from "../feather.js";
import { wasmModule } from "./helpers.js";

const MIB = 2 ** 20;
const ARENA = "out of memory: the scratch arena reached the memory limit";
const HOST = "memory limit of 8 MiB exceeded"; // the host's count of handles came first
const CASES = {
  "parse-words": ["list " + "x ".repeat(400000), "out of memory"],
  "parse-parts": ["list " + "a$x ".repeat(300000), "out of memory"],
  "foreach-lists": ["foreach {*}[lrepeat 200000 x {}] {}", [ARENA, HOST]],
  "regexp-compile": ["regexp [string repeat (a) 100000] x", ARENA],
  "regexp-match": ["regexp -all -inline (a)(b)?(c)? [string repeat a 300000]", ARENA],
  "expr-parse": ["expr [string repeat 1+ 300000]1", ARENA],
};

for (const [name, [script, message]] of Object.entries(CASES)) {
  test(`oom: ${name} names the memory limit`, async () => {
    const f = await createFeather(await wasmModule(), { write: () => {}, memoryLimit: 8 * MIB });
    const id = f.create();
    f.eval(id, "set ::kept 42");
    let err = null;
    try {
      f.eval(id, script);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof TclError, `expected a TclError, got ${err}`);
    assert.ok((Array.isArray(message) ? message : [message]).includes(err.result), err.result);
    assert.equal(err.errorCode, "TCL LIMIT MEMORY");
    // The next eval is not failed by what the error reporting left in the full arena.
    assert.equal(f.eval(id, "set ::after 1"), "1");
    assert.equal(f.eval(id, "set ::kept"), "42");
    assert.equal(f.memoryStats(id).wasmArenaUsed, 0);
  });
}
