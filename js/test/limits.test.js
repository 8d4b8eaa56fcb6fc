// Limits, recovery, isolation and hostile input on the JS host (issue 7): twin
// of tests/limits/ and tests/fuzz/test_hostile.py. The only timing assertions
// are generous bounds (stopped within the limit plus a margin).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { TclError, createFeather } from "../feather.js";
import { CHUNK, HANDLE_BYTES, Limits, formatBytes, formatSeconds } from "../limits.js";
import { PREFIX, SIGNATURES } from "../imports.js";
import { parseImports } from "../wasm.js";
import { JS_DIR, ROOT, WASM, wasmModule } from "./helpers.js";

const MIB = 2 ** 20;
const LIMIT = 0.3;
const MARGIN = 1.5; // seconds past the limit a stop may take on a busy machine
const NESTING = "too many nested evaluations (infinite loop?)";

const SETUP = `
set ::kept 42
array set ::arr {a 1 b 2}
namespace eval ::keep { variable v ns-value; proc hello {who} { return "hello $who" } }
proc twice {x} { expr {2 * $x} }
trace add variable ::watched write {lappend ::trace_log}
`;
const PROBE =
  "list $::kept $::arr(b) $::keep::v [::keep::hello you] [twice 21] [namespace exists ::keep] [set ::watched 1]";
const PROBE_ANSWER = "42 2 ns-value {hello you} 42 1 1";

async function feather(options = {}) {
  return createFeather(await wasmModule(), { write: () => {}, ...options });
}

/** A fresh interp (on its own Feather unless one is given) with SETUP's state. */
async function interp(createOptions = {}, featherOptions = {}, f = null) {
  const fe = f ?? (await feather(featherOptions));
  const id = fe.create(createOptions);
  fe.eval(id, SETUP);
  assert.equal(fe.eval(id, PROBE), PROBE_ANSWER);
  return { f: fe, id, eval: (s, o) => fe.eval(id, s, o) };
}

function assertClean(f, id) {
  const stats = f.memoryStats(id);
  assert.equal(stats.scratchHandles, 0);
  assert.equal(stats.wasmArenaUsed, 0);
  assert.equal(stats.evalDepth, 0);
}

function assertStateKept(f, id) {
  assert.equal(f.eval(id, PROBE), PROBE_ANSWER);
  assert.equal(f.eval(id, "set n 0; for {set i 0} {$i < 2000} {incr i} {incr n $i}; set n"), String((2000 * 1999) / 2));
  assertClean(f, id);
}

/** The eval throws a TclError; returns it. */
function failing(fn) {
  let err = null;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof TclError, `expected a TclError, got ${err}`);
  return err;
}

function expectStop(fn, limit = LIMIT) {
  const start = performance.now();
  const err = failing(fn);
  const elapsed = (performance.now() - start) / 1000;
  assert.ok(elapsed < limit + MARGIN, `stopped after ${elapsed.toFixed(2)} s`);
  assert.equal(err.code, 1);
  assert.equal(err.result, `time limit of ${limit} s exceeded`);
  assert.equal(err.errorCode, "TCL LIMIT TIME"); // as tclsh's `interp limit ... time`
  return err;
}

/** "ok: result" or "error: message"; anything but a TclError fails. */
function outcome(f, id, script) {
  try {
    return `ok: ${f.eval(id, script)}`;
  } catch (e) {
    if (!(e instanceof TclError)) throw e;
    return `error: ${e.result}`;
  }
}

// ---------------------------------------------------------------- time

const RUNAWAYS = {
  while: "while 1 {}",
  for: "for {} 1 {} {}",
  "while-body": "set i 0; while 1 {incr i; set x [string length $i]}",
  "catch-swallows": "while 1 {catch {while 1 {}}}",
  "try-finally": "while 1 {try {while 1 {}} on error {m} {} finally {set x 1}}",
  "recursion-with-catch": "proc f {} {catch f; catch f}; while 1 {f}",
  "exponential-recursion": "proc f {n} {if {$n > 0} {f [incr n -1]; f $n}}; f 60",
};

for (const [name, script] of Object.entries(RUNAWAYS)) {
  test(`time: runaway ${name} is stopped and the interp goes on`, async () => {
    const s = await interp({ timeLimit: LIMIT });
    expectStop(() => s.eval(script));
    assertStateKept(s.f, s.id);
    expectStop(() => s.eval(script));
    assertStateKept(s.f, s.id);
  });
}

test("time: catch and try cannot catch a stop", async () => {
  const s = await interp({ timeLimit: LIMIT });
  expectStop(() => s.eval("catch {while 1 {}} m; set ::after_catch $m"));
  assert.equal(s.eval("info exists ::after_catch"), "0");
  expectStop(() => s.eval("try {while 1 {}} on error {m} {set ::in_handler 1}"));
  assert.equal(s.eval("info exists ::in_handler"), "0");
});

test("time: a per-eval limit, call and subst under the interp's limit, setLimits", async () => {
  const s = await interp();
  assert.equal(s.f.limits(s.id).timeLimit, null);
  expectStop(() => s.eval("while 1 {}", { timeLimit: LIMIT }));
  assert.equal(s.eval("for {set i 0} {$i < 3000} {incr i} {}; set i"), "3000");
  s.f.setLimits(s.id, { timeLimit: LIMIT });
  assert.equal(s.f.limits(s.id).timeLimit, LIMIT);
  expectStop(() => s.f.call(s.id, "while", "1", ""));
  expectStop(() => s.f.subst(s.id, "[while 1 {}]"));
  // A longer per-eval limit wins over the interp's.
  s.f.register(s.id, "nap", ([ms]) => {
    const end = performance.now() + Number(ms);
    while (performance.now() < end);
  });
  const slow = "nap 400; for {set i 0} {$i < 3000} {incr i} {}; set i";
  expectStop(() => s.eval(slow));
  assert.equal(s.eval(slow, { timeLimit: 60 }), "3000");
  s.f.setLimits(s.id, { timeLimit: null });
  assert.equal(s.eval(slow), "3000");
  assert.equal(s.f.runtime.limiter.deadline, Infinity);
  assert.equal(s.f.runtime.imports.checking, false);
  for (const bad of [-1, Number.NaN, "x"]) {
    assert.throws(() => s.f.create({ timeLimit: bad }), RangeError);
    assert.throws(() => s.f.setLimits(s.id, { timeLimit: bad }), RangeError);
    assert.throws(() => s.eval("set a 1", { timeLimit: bad }), RangeError);
  }
});

test("time: a zero limit stops at the first poll", async () => {
  const s = await interp({ timeLimit: 0 });
  assert.equal(s.eval("set a 1"), "1");
  expectStop(() => s.eval("for {set i 0} {$i < 5000} {incr i} {}"), 0);
});

test("time: a nested eval never outlives the outer deadline", async () => {
  const f = await feather();
  const outer = f.create({ timeLimit: LIMIT });
  const inner = f.create();
  f.eval(inner, SETUP);
  const seen = [];
  f.register(outer, "run_inner", () => {
    try {
      return f.eval(inner, "while 1 {}");
    } catch (e) {
      seen.push(e.result);
      throw e;
    }
  });
  expectStop(() => f.eval(outer, "catch run_inner; while 1 {}"));
  assert.deepEqual(seen, [`time limit of ${LIMIT} s exceeded`]);
  assertStateKept(f, inner);
});

test("time: a nested eval with its own shorter limit", async () => {
  const f = await feather();
  const outer = f.create();
  const inner = f.create();
  f.register(outer, "run_inner", () => {
    try {
      return f.eval(inner, "while 1 {}", { timeLimit: 0.1 });
    } catch (e) {
      return `inner: ${e.result}`;
    }
  });
  assert.equal(f.eval(outer, "set r [run_inner]; set r"), "inner: time limit of 0.1 s exceeded");
  assertClean(f, outer);
});

test("time: a huge single command is stopped near the deadline", async () => {
  const s = await interp({ timeLimit: LIMIT });
  expectStop(() => s.eval("llength [lrepeat 100000000 x]"));
  assertStateKept(s.f, s.id);
});

// Long single builtins poll too (twin of tests/limits/test_builtin_polls.py):
// under a limit of 0 the first poll inside the builtin stops the eval; without
// the builtin's own polls each script would complete (data under 1 MiB, below
// the size from which the host checks the deadline itself).
const POLL_N = 40000;
const POLL_WORDS = Array.from({ length: POLL_N }, (_, k) => `w${(k * 7919) % POLL_N}x`);
const POLL_SCRIPTS = {
  lsort: "lsort $L",
  "lsort-dictionary": "lsort -dictionary $L",
  "lsort-integer": "lsort -integer $I",
  "lsort-unique": "lsort -unique $L",
  lsearch: "lsearch $L nothere",
  "lsearch-all": "lsearch -all $L w5x",
  "lsearch-all-glob": "lsearch -all -glob $L *5*",
  lrepeat: "lrepeat 100000 x",
  split: "split $S",
  "split-chars": "split $T {}",
  join: "join $L ,",
  concat: "concat $S $S",
  "string-map": "string map {w W x X} $S",
  "string-map-nocase": "string map -nocase {W v} $S",
  "string-repeat": "string repeat abc 300000",
  "string-replace": "string replace $S 0 0 z",
  "string-reverse": "string reverse $S",
  "string-toupper": "string toupper $S",
  "string-is": "string is alpha $T",
  "regexp-all": "regexp -all {w} $S",
  "regexp-one-match": "regexp {(w+)+y} $S", // one long search: the engine's steps
  "regexp-all-inline": "regexp -all -inline {w[0-9]+} $S",
  "regsub-all": "regsub -all {w([0-9])} $S {v\\1}",
  "regsub-all-literal": "regsub -all w $S v",
  lreverse: "lreverse $L",
  "llength-parse": 'llength "$S "', // a new string each time: the core parses it
  "string-first": "string first nothere $S",
  "string-last": "string last nothere $S",
  "string-match": "string match *nothere* $S",
  "string-match-nocase": "string match -nocase *NOTHERE $S",
  "format-width": "format %500000s x",
  "format-zero-pad": "format %0500000d 7",
  "dict-keys": "dict keys $D",
  "dict-values": "dict values $D w*",
  "dict-filter": "dict filter $D key w1*",
  "dict-merge": "dict merge $D {extra 1}",
  // Loops whose empty bodies run no command: each script evaluated is a unit.
  "foreach-empty": "foreach x $L {}",
  "lmap-empty": "lmap x $L {}",
  "dict-for-empty": "dict for {k v} $D {}",
  "time-empty": "time {} 40000",
};

test("time: long single builtins poll the limit", async () => {
  const s = await interp();
  s.f.call(s.id, "set", "L", POLL_WORDS);
  s.f.call(s.id, "set", "I", Array.from({ length: POLL_N }, (_, k) => POLL_N - k));
  s.f.call(s.id, "set", "S", POLL_WORDS.join(" "));
  s.f.call(s.id, "set", "T", "abc".repeat(100000));
  s.eval("set D [dict create {*}$L]; llength $D");
  for (const [name, script] of Object.entries(POLL_SCRIPTS)) {
    assert.equal(s.eval(`llength [${script}]; set ::done 1`), "1", name); // no limit: it completes
    s.eval("unset ::done");
    const err = failing(() => s.eval(`set r [${script}]; set ::done 1`, { timeLimit: 0 }));
    assert.equal(err.result, "time limit of 0 s exceeded", name);
    assert.equal(err.errorCode, "TCL LIMIT TIME", name);
    assert.equal(s.eval("info exists ::done"), "0", name); // stopped inside the builtin
    assert.ok(err.errorInfo.includes(script.split(" ")[0]), name);
    // The stop is the eval's outcome even when nothing runs after it.
    const last = failing(() => s.eval(script, { timeLimit: 0 }));
    assert.equal(last.result, "time limit of 0 s exceeded", name);
    assert.equal(last.errorCode, "TCL LIMIT TIME", name);
    assertStateKept(s.f, s.id);
  }
});

test("time: the host checks the deadline while building a huge list or concat", async () => {
  const s = await interp();
  const limiter = s.f.runtime.limiter;
  const original = limiter.tick.bind(limiter);
  let ticks = 0;
  limiter.tick = () => {
    ticks++;
    original();
  };
  try {
    const n = 3 * CHUNK + 5;
    s.f.call(s.id, "set", "big", Array(n).fill("ab").join(" "));
    assert.equal(s.eval("llength [split $big]", { timeLimit: 60 }), String(n));
    assert.ok(ticks >= 4, `split: ${ticks} ticks`); // list_from_spans: one a chunk
    ticks = 0;
    assert.equal(s.eval("string length [join [split $big] {}]", { timeLimit: 60 }), String(2 * n));
    assert.ok(ticks >= 8, `join: ${ticks} ticks`); // and string_concat's parts
    ticks = 0;
    assert.equal(s.eval("llength [split $big]"), String(n)); // no limit: no checks
    assert.equal(ticks, 0);
  } finally {
    limiter.tick = original;
  }
});

// ---------------------------------------------------------------- memory

const CAP = 50 * MIB;
const HOST_MESSAGE = "memory limit of 50 MiB exceeded";
const ARENA_MESSAGE = "out of memory: the scratch arena reached the memory limit";
const BOMBS = {
  "string-repeat": "string repeat x 100000000",
  lrepeat: "lrepeat 10000000 x",
  "append-many": "set s [string repeat x 10000000]; append y $s $s $s $s $s $s",
  "lappend-loop": "while 1 {lappend x [string repeat y 10000]}",
  "lappend-ints": "while 1 {lappend x [incr i]}",
  "concat-doubling": "set s x; while 1 {set s $s$s}",
  "list-doubling": "set l {x}; while 1 {set l [concat $l $l]}",
  "split-huge": "split [string repeat {a } 20000000]",
  "dict-grow": "while 1 {dict set d [incr i] [string repeat z 20000]}",
  "array-grow": "while 1 {set a([incr i]) [string repeat z 20000]}",
};

test("memory: every bomb is a TclError naming the limit, and the interp goes on", async () => {
  const s = await interp({ timeLimit: 60 }, { memoryLimit: CAP });
  for (const [name, script] of Object.entries(BOMBS)) {
    const err = failing(() => s.eval(script));
    assert.ok([HOST_MESSAGE, ARENA_MESSAGE].includes(err.result), `${name}: ${err.result}`);
    assert.equal(err.errorCode, "TCL LIMIT MEMORY", name); // host stop or arena error alike
    assert.ok(s.f.memoryStats(s.id).wasmMemoryBytes <= CAP);
    s.eval("unset -nocomplain s x y l d a i");
    assertStateKept(s.f, s.id);
  }
});

test("memory: linear memory has the lower maximum; the arena fails as a Tcl error", async () => {
  const cap = 16 * MIB;
  const s = await interp({}, { memoryLimit: cap });
  assert.equal(s.f.runtime.limits.maximum * 65536, cap);
  assert.equal(s.f.memoryLimit, cap);
  assert.equal(s.f.limits(s.id).memoryLimit, cap);
  s.eval("set s [string repeat x 10000000]");
  assert.equal(failing(() => s.eval("string length [string toupper $s]")).result, ARENA_MESSAGE);
  assert.ok(s.f.memoryStats(s.id).wasmMemoryBytes <= cap);
  assert.equal(s.eval("catch {string toupper $s} m; set m"), ARENA_MESSAGE);
  s.eval("unset s");
  assertStateKept(s.f, s.id);
});

test("memory: work within the limit succeeds, garbage included", async () => {
  const s = await interp({}, { memoryLimit: CAP });
  assert.equal(s.eval("string length [string repeat x 10000000]"), "10000000");
  assert.equal(s.eval("llength [lrepeat 1000000 x]"), "1000000");
  // Loops making and dropping large values: garbage is collected, not counted.
  assert.equal(s.eval("for {set i 0} {$i < 300} {incr i} {set s [string toupper [string repeat $i 100000]]}; set i"), "300");
  assert.equal(s.eval("for {set i 0} {$i < 20000} {incr i} {set s [string repeat $i 100]}; set i"), "20000");
  assertStateKept(s.f, s.id);
});

test("memory: every memory-limit error has errorCode TCL LIMIT MEMORY", async () => {
  const s = await interp({}, { memoryLimit: 4 * MIB });
  const cases = [
    ["set x {" + "a".repeat(5 * MIB) + "}", "out of memory: the scratch arena cannot hold the script"],
    ["format %20000000s x", "out of memory"],
    ["string length [string repeat x 3000000][string repeat y 3000000]", null],
  ];
  for (const [script, message] of cases) {
    const err = failing(() => s.eval(script));
    if (message !== null) assert.equal(err.result, message);
    assert.equal(err.errorCode, "TCL LIMIT MEMORY", err.result);
    assertStateKept(s.f, s.id);
  }
  assert.equal(failing(() => s.eval("error boom")).errorCode, "NONE");
});

test("memory: a value larger than the room left is never built", async () => {
  const s = await interp({}, { memoryLimit: CAP });
  s.eval("set l [lrepeat 1000 x]");
  assert.equal(failing(() => s.eval("lappend l {*}[lrepeat 7000000 y]")).result, HOST_MESSAGE);
  assert.equal(s.eval("llength $l"), "1000");
});

test("memory: garbage measured at a poll does not refuse a value; live data does", () => {
  // V8's used heap counts garbage until the collector runs (later on a loaded
  // machine): a value larger than the room measured at the last poll is built
  // if it fits once the garbage is collected, and refused only if it does not.
  const heap = { bytes: 0, live: 0, collections: 0 };
  heap.used = () => heap.bytes;
  heap.collect = () => {
    heap.collections++;
    heap.bytes = heap.live;
  };
  const rt = { imports: {}, depth: 0, scratch: { size: 0 } };
  const limiter = new Limits(rt, 4 * MIB, heap);
  const saved = limiter.enter(null);
  heap.bytes = 4 * MIB - 1000; // all garbage
  assert.equal(limiter.poll(), null);
  assert.equal(heap.collections, 0);
  limiter.check(300000); // would be refused against the room measured, garbage included
  assert.equal(heap.collections, 1);
  heap.live = heap.bytes = 4 * MIB - 1000; // all live
  assert.equal(limiter.poll(), null);
  const err = failing(() => limiter.check(300000));
  assert.equal(err.result, "memory limit of 4 MiB exceeded");
  assert.equal(err.errorCode, "TCL LIMIT MEMORY");
  assert.equal(heap.collections, 2);
  limiter.leave(saved);
});

test("memory: handles held at a poll count against the limit", async () => {
  const f = await feather({ memoryLimit: 4 * MIB });
  const limiter = f.runtime.limiter;
  assert.ok(limiter instanceof Limits);
  const saved = limiter.enter(null);
  try {
    assert.equal(limiter.poll(), null);
    for (let k = 0; k <= (4 * MIB) / HANDLE_BYTES; k++) f.runtime.scratch.objs.push("");
    assert.equal(limiter.poll(), "memory limit of 4 MiB exceeded");
  } finally {
    f.runtime.scratch.reset();
    limiter.leave(saved);
  }
});

test("memory: invalid limits are refused; a stop leaves the other interps alone", async () => {
  await assert.rejects(feather({ memoryLimit: 0 }), RangeError);
  await assert.rejects(feather({ memoryLimit: 64 * 1024 }), RangeError);
  const f = await feather({ memoryLimit: CAP });
  const victim = f.create();
  const bystander = f.create();
  f.eval(victim, SETUP);
  f.eval(bystander, SETUP);
  failing(() => f.eval(victim, "lrepeat 10000000 x"));
  assertStateKept(f, victim);
  assertStateKept(f, bystander);
  assert.equal(formatBytes(50 * MIB), "50 MiB");
  assert.equal(formatBytes(3 * 1024), "3 KiB");
  assert.equal(formatBytes(1000), "1000 bytes");
  assert.equal(formatSeconds(0.5), "0.5 s");
});

// ---------------------------------------------------------------- depth

const FORMS = {
  proc: "r [incr n]",
  if: "if 1 {r [incr n]}",
  expr: "expr {[r [incr n]]}",
  eval: "eval [list r [incr n]]",
  uplevel: "uplevel 1 [list r [incr n]]",
  catch: "catch {r [incr n]} m; error $m",
  foreach: "foreach x {1} {r [incr n]}",
  apply: "apply {{n} {r $n}} [incr n]",
  "namespace-eval": "namespace eval ::q [list ::r [incr n]]",
  "lsort-command": "lsort -command {apply {{a b} {r [incr ::n2]; return 0}}} {2 1}",
  try: "try {r [incr n]} finally {}",
  while: "while 1 {r [incr n]}",
  switch: "switch -- a a {r [incr n]}",
  subst: "subst {[r [incr n]]}",
  lmap: "lmap x {1} {r [incr n]}",
  "dict-for": "dict for {k v} {a 1} {r [incr n]}",
  time: "time {r [incr n]}",
  brackets: "set x [list [list [list [r [incr n]]]]]",
  "expr-in-expr": "expr {[expr {[r [incr n]]}]}",
  "expr-3": "expr {[expr {[expr {[r [incr n]]}]}]}",
};

function recurse(f, id, body) {
  f.eval(id, `set ::n2 0; set ::depth 0; proc r {{n 0}} {set ::depth $n; ${body}}`);
  return failing(() => f.eval(id, "r"));
}

test("depth: recursionLimit is read at each outermost eval", async () => {
  const f = await feather();
  const id = f.create({ recursionLimit: 10 });
  assert.equal(f.limits(id).recursionLimit, 10);
  f.eval(id, "proc g {n} {if {$n > 0} {g [expr {$n - 1}]}; return ok}");
  assert.equal(f.eval(id, "g 5"), "ok");
  const err = failing(() => f.eval(id, "g 20"));
  assert.equal(err.result, NESTING);
  assert.equal(err.errorCode, "TCL LIMIT STACK");
  f.setLimits(id, { recursionLimit: 100 });
  assert.equal(f.eval(id, "g 20"), "ok");
  for (const bad of [0, -1, 1.5, "10", 2 ** 31]) {
    assert.throws(() => f.setLimits(id, { recursionLimit: bad }), RangeError);
    assert.throws(() => f.create({ recursionLimit: bad }), RangeError);
  }
});

// Node's native stack (about 1 MB, shared by WASM frames and JS) is smaller
// than wasmtime's 4 MiB: a form may trap before the default limit. Either way a
// TclError and the interp goes on; the depth reached is the margin (WASM.md).
for (const [name, body] of Object.entries(FORMS)) {
  test(`depth: ${name} recursion ends in Tcl's error or a recovered trap`, async () => {
    for (const limit of [1000, 3000, 1000000]) {
      const s = await interp({ recursionLimit: limit });
      const err = recurse(s.f, s.id, body);
      assert.ok(err.result.includes(NESTING) || err.result.startsWith("feather: trap:"), err.result);
      assertStateKept(s.f, s.id);
    }
  });
}

test("depth: with Node's default stack every form ends in Tcl's error, never a trap", async () => {
  // Node's default stack (984 KiB on Node 20) is smaller than wasmtime's 4 MiB:
  // deeply nested, the core asks the host whether the stack has room, and the
  // host probes it (limits.js stackRoom), so the core raises Tcl's error first.
  const s = await interp();
  for (const [name, body] of Object.entries(FORMS)) {
    const err = recurse(s.f, s.id, body);
    assert.equal(err.result, NESTING, name);
    if (name !== "catch") assert.equal(err.errorCode, "TCL LIMIT STACK", name); // catch re-raises: NONE
    assert.ok(Number(s.eval("set ::depth")) > 300, name);
    assert.equal(s.f.memoryStats(s.id).instances, 1, `${name}: no trap replaced the instance`);
    assertStateKept(s.f, s.id);
  }
  // The same at a limit raised out of the way: the stack, not the limit, ends it.
  s.f.setLimits(s.id, { recursionLimit: 1000000 });
  for (const [name, body] of Object.entries(FORMS)) {
    assert.equal(recurse(s.f, s.id, body).result, NESTING, name);
    assert.equal(s.f.memoryStats(s.id).instances, 1, `${name}: no trap replaced the instance`);
  }
  assertStateKept(s.f, s.id);
});

test("depth: with --stack-size=3900 every form reaches the default limit as Tcl's error", () => {
  // The margin of the setting WASM.md recommends, proved in a child process.
  const code = `
    import { createFeather } from ${JSON.stringify(new URL("../feather.js", import.meta.url).href)};
    const forms = ${JSON.stringify(FORMS)};
    const f = await createFeather(undefined, { write: () => {} });
    const out = {};
    for (const [name, body] of Object.entries(forms)) {
      const id = f.create();
      f.eval(id, "set ::n2 0; proc r {{n 0}} {" + body + "}");
      try { f.eval(id, "r"); out[name] = "ok"; } catch (e) { out[name] = e.message; }
    }
    console.log(JSON.stringify(out));`;
  const done = spawnSync(process.execPath, ["--stack-size=3900", "--input-type=module", "-e", code], { timeout: 120000 });
  assert.equal(done.status, 0, done.stderr.toString());
  const out = JSON.parse(done.stdout.toString());
  for (const name of Object.keys(FORMS)) assert.ok(out[name].includes(NESTING), `${name}: ${out[name]}`);
});

test("depth: JS command and trace recursion end in a TclError", async () => {
  const s = await interp({ recursionLimit: 100000 });
  s.f.register(s.id, "again", () => s.eval("again"));
  const err = failing(() => s.eval("again"));
  assert.ok(err.result.includes(NESTING) || err.result.startsWith("feather: trap:"), err.result);
  assertStateKept(s.f, s.id);
  s.eval(
    "proc tr {n} {set ::tv$n 1; trace add variable ::tv$n read [list apply {{n args} {tr $n}} [expr {$n+1}]]; set ::tv$n}",
  );
  const err2 = failing(() => s.eval("tr 0"));
  assert.ok(err2.result.includes(NESTING) || err2.result.includes("feather: trap:"), err2.result);
  assertStateKept(s.f, s.id);
});

// ---------------------------------------------------------------- recovery

const STOPS = {
  time: (s) => s.eval("proc spin {} {while 1 {incr ::spins}}; spin", { timeLimit: 0.2 }),
  "memory-host": (s) => s.eval("set ::big [lrepeat 10000000 x]"),
  "memory-arena": (s) => s.eval("string length [string toupper [string repeat x 12000000]]"),
  trap: (s) => {
    // A command making the core read a script far outside linear memory: a
    // genuine WASM trap, in a nested call, in the middle of an eval.
    const rt = s.f.runtime;
    const core = rt.core(s.id);
    s.f.register(s.id, "wild", () => rt.run(core, () => rt.inst.exports.feather_script_eval(0, s.id, 0x7ffffff0, 64, 0)));
    return s.eval("set ::before 1; catch wild; set ::after 1");
  },
  nesting: (s) => s.eval("proc r {} {r}; r"),
  "time-in-trace": (s) => {
    s.eval("trace add variable ::tripwire write {while 1 {} ;#}");
    try {
      return s.eval("set ::tripwire 1", { timeLimit: 0.2 });
    } finally {
      s.eval("trace remove variable ::tripwire write {while 1 {} ;#}");
    }
  },
  "time-in-js-eval": (s) => {
    s.f.register(s.id, "inner", () => s.eval("while 1 {}"));
    return s.eval("catch inner; set x 1", { timeLimit: 0.2 });
  },
};

for (const [kind, stop] of Object.entries(STOPS)) {
  test(`recovery: state survives a stop (${kind})`, async () => {
    const f = await feather({ memoryLimit: 16 * MIB });
    const s = await interp({}, {}, f);
    const other = await interp({}, {}, f);
    other.eval("set ::mine other");
    const before = [s.eval("info commands"), s.eval("info vars ::*")];
    failing(() => stop(s));
    assertStateKept(f, s.id);
    assertStateKept(f, other.id);
    assert.equal(other.eval("set ::mine"), "other");
    assert.equal(s.eval("info exists ::mine"), "0");
    const [commands, vars] = [s.eval("info commands"), s.eval("info vars ::*")];
    for (const c of before[0].split(" ")) assert.ok(commands.split(" ").includes(c), c);
    for (const v of before[1].split(" ")) assert.ok(vars.split(" ").includes(v), v);
    assert.equal(s.eval("set ::trace_log {}; set ::watched 2; set ::trace_log"), "::watched {} write");
    failing(() => stop(s));
    assertStateKept(f, s.id);
  });
}

// ---------------------------------------------------------------- isolation

test("isolation: the module imports exactly host.h's functions and its memory", () => {
  const imports = parseImports(readFileSync(WASM));
  const others = imports.filter(
    (i) => !(i.module === "env" && ((i.kind === "func" && i.name.startsWith(PREFIX)) || (i.kind === "memory" && i.name === "memory"))),
  );
  assert.deepEqual(others, []);
  const hostH = readFileSync(join(ROOT, "src", "host.h"), "utf-8");
  const declared = [...hostH.matchAll(/FEATHER_HOST\((feather_host_\w+)\)/g)].map((m) => m[1]).sort();
  const funcs = imports.filter((i) => i.kind === "func").map((i) => i.name).sort();
  assert.deepEqual(funcs, declared);
  assert.deepEqual(Object.keys(SIGNATURES).map((n) => PREFIX + n).sort(), declared);
  assert.equal(imports.filter((i) => i.kind === "memory").length, 1);
});

test("isolation: two interps never see each other's state", async () => {
  const shared = await feather();
  const pairs = [
    [shared, shared],
    [await feather(), await feather({ memoryLimit: 64 * MIB })],
  ];
  for (const [fa, fb] of pairs) {
    const a = fa.create();
    const b = fb.create();
    fa.eval(
      a,
      "set ::secret a; array set ::arr {k a}; proc only_a {} {return a}; namespace eval ::ns_a {variable v 1; proc p {} {}}; trace add variable ::traced write {set ::fired a ;#}",
    );
    fa.register(a, "cmd_a", () => "a");
    assert.equal(fb.eval(b, "info exists ::secret"), "0");
    assert.equal(fb.eval(b, "info exists ::arr"), "0");
    assert.equal(fb.eval(b, "info commands only_a"), "");
    assert.equal(fb.eval(b, "info commands cmd_a"), "");
    assert.equal(fb.eval(b, "namespace exists ::ns_a"), "0");
    assert.equal(fb.eval(b, "info procs"), "");
    fb.eval(b, "set ::traced 1");
    assert.equal(fb.eval(b, "info exists ::fired"), "0");
    fb.eval(b, "set ::secret b; proc only_a {} {return b}; namespace eval ::ns_a {variable v 2}");
    assert.equal(fa.eval(a, "list $::secret [only_a] $::ns_a::v"), "a a 1");
    fb.eval(b, "rename set {}; rename rename {}");
    assert.equal(fa.eval(a, "set x 5; rename only_a renamed; renamed"), "a");
    for (const name of ["open", "exec", "source", "file", "socket", "load", "cd", "exit", "interp"]) {
      assert.equal(fa.eval(a, `info commands ${name}`), "", name);
    }
  }
});

// ---------------------------------------------------------------- hostile input

test("hostile: NUL, lone surrogates and odd bytes in scripts and values", async () => {
  const s = await interp({ timeLimit: 30 });
  assert.equal(s.eval("set x a\x00b; string length $x"), "3");
  assert.equal(s.eval("set {n\x00m} 7; set {n\x00m}"), "7");
  assert.equal(s.eval("string map [list \x00 -] a\x00b\x00"), "a-b-");
  for (const script of ["string length \ud800x", "set y \udfff", "\ud800{", "[\udc00", "$\ud800", "split \ud83d {}"]) {
    assert.match(outcome(s.f, s.id, script), /^(ok|error): /);
  }
  const returns = {
    nul: "a\x00b",
    lone: "\ud800",
    bigint: 10n ** 400n,
    nan: Number.NaN,
    symbol: Symbol("s"),
    fn: () => 1,
    object: { a: [1, { b: null }], c: new Map([["k", 2n]]) },
    bytes: new Uint8Array([255, 0, 1]),
    date: new Date(0),
    cyclic: (() => {
      const a = [];
      a.push(a);
      return a;
    })(),
    error: new Error("returned, not thrown"),
  };
  for (const [name, value] of Object.entries(returns)) {
    s.f.register(s.id, `ret_${name}`, () => value);
    assert.match(outcome(s.f, s.id, `set r [ret_${name}]; list [string length $r] [llength $r]`), /^(ok|error): /, name);
  }
  assert.equal(s.eval("string length [ret_nul]"), "3");
  assertStateKept(s.f, s.id);
});

test("hostile: huge values, deep nesting, renamed builtins, commands that throw or reset", async () => {
  const s = await interp({ timeLimit: 60 });
  const N = 100000;
  assert.equal(s.eval("llength [set l [lrepeat 1000000 x]]"), "1000000");
  assert.equal(s.eval("llength [set t [split [string repeat {a } 999999]a]]"), "1000000");
  assert.equal(s.eval("string length [join $l {}]"), "1000000");
  assert.equal(s.eval("string length [string repeat x 100000000]"), "100000000");
  s.eval("unset l t");
  assert.equal(s.eval(`set x ${"{".repeat(N)}${"}".repeat(N)}; string length $x`), String(2 * N - 2));
  assert.equal(s.eval(`expr {${"(".repeat(N)}1${")".repeat(N)}}`), "1");
  for (const script of [
    `set x ${"[".repeat(N)}${"]".repeat(N)}`,
    `set x "${"[".repeat(N)}`,
    `${"if 1 {".repeat(N)}${"}".repeat(N)}`,
    `subst {${"[set a ".repeat(N)}x${"]".repeat(N)}}`,
    `set x ${"{".repeat(N)}`,
    "$".repeat(N),
    "\\".repeat(N),
  ]) {
    assert.match(outcome(s.f, s.id, script), /^(ok|error): /);
  }
  const names = s.f.eval(s.f.create(), "info commands").split(" ");
  for (const name of names) {
    const f = s.f;
    const id = f.create({ timeLimit: 10 });
    f.eval(id, `rename ${name} {}`);
    for (const script of ["set a 1; incr a; list $a [string length abc]", `${name} a b`, "rename rename {}"]) {
      assert.match(outcome(f, id, script), /^(ok|error): /);
    }
    assertClean(f, id);
    f.destroy(id);
  }
  s.f.register(s.id, "boom", () => {
    throw new TypeError("bad type");
  });
  assert.equal(outcome(s.f, s.id, "boom"), "error: bad type");
  s.f.register(s.id, "reset_now", () => s.f.forceReset(s.id));
  assert.equal(outcome(s.f, s.id, "set ::x 1; reset_now"), "error: feather: cannot reset while an eval is running");
  assert.equal(s.eval("set ::x"), "1");
  assertStateKept(s.f, s.id);
});

// ---------------------------------------------------------------- types

test("types: the limits API of feather.d.ts type-checks under --strict", (t) => {
  const tsc = join(JS_DIR, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) return t.skip("typescript is not installed (npm ci in js/)");
  const args = ["--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"];
  const done = spawnSync(process.execPath, [tsc, ...args, "--lib", "es2022,dom", join(JS_DIR, "test", "types", "limits.ts")], {
    cwd: JS_DIR,
    timeout: 120000,
  });
  assert.equal(done.status, 0, done.stdout.toString() + done.stderr.toString());
});

test("a tailcall chain of 100,000 keeps the nesting and memory of 100", async () => {
  const f = await createFeather(await wasmModule(), { write: () => {} });
  const id = f.create();
  f.eval(id, "proc loop {n} {if {$n == 0} {return [info level]}; tailcall loop [expr {$n-1}]}");
  assert.equal(f.eval(id, "loop 100"), "1");
  const base = f.memoryStats(id);
  assert.equal(f.eval(id, "loop 100000"), "1");
  const stats = f.memoryStats(id);
  assert.ok(stats.scratchHighWater <= base.scratchHighWater + 64, `${stats.scratchHighWater}`);
  assert.ok(stats.wasmArenaHighWater <= base.wasmArenaHighWater + 1024, `${stats.wasmArenaHighWater}`);
  assert.equal(stats.wasmMemoryBytes, base.wasmMemoryBytes);
  assertClean(f, id);
});
