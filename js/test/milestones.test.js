// The seed's milestones M3–M10 on the JS host (twin of tests/host/test_interp.py).
//
// Test names start with their gate ("M4: ..."), so a gate runs its own with
// `node --test --test-name-pattern="^M4:" js/test/`. Expected Tcl output comes
// from tclsh, run on the same script at test time. The "across resets" cases
// run each part as its own top-level eval (so the scratch handles and the WASM
// arena are reset between parts) and compare with tclsh running the parts as
// one script.

import assert from "node:assert/strict";
import { test } from "node:test";

import { TclError } from "../feather.js";
import { Scratch, TclList } from "../values.js";
import { haveTclsh, need, newFeather, session, tclsh } from "./helpers.js";

/** Run each part as a top-level eval; check memory is reclaimed after each;
 * the puts output must equal tclsh's for the whole script. */
function checkAcrossResets(t, s, parts) {
  if (!haveTclsh) return t.skip("tclsh not installed");
  const out = [];
  s.feather.setWriter(s.interp, (text) => out.push(text));
  for (const part of parts) {
    let result;
    try {
      result = s.eval(part);
    } catch (e) {
      if (!(e instanceof TclError)) throw e;
      result = `ERROR: ${e.result}`;
    }
    out.push(`=> ${result}\n`);
    const stats = s.stats();
    assert.equal(stats.scratchHandles, 0, part);
    assert.equal(stats.wasmArenaUsed, 0, part);
  }
  const script = parts
    .map((part) => "if {[catch {" + part + '} __r]} {set __r "ERROR: $__r"}\nputs "=> $__r"\n')
    .join("");
  assert.equal(out.join(""), tclsh(script));
}

// ---------------------------------------------------------------- M3 scratch handles

test("M3: materialize -> reset -> wrap round trip", () => {
  const scratch = new Scratch();
  const h1 = scratch.new("test");
  const list = new TclList(["a", new TclList(["b", "c"])]);
  const h2 = scratch.new(list);
  const m1 = scratch.materialize(h1);
  const m2 = scratch.materialize(h2);
  scratch.reset();
  assert.equal(scratch.size, 0);
  assert.equal(scratch.get(h1), undefined, "a stale handle reads as nothing");
  const w1 = scratch.wrap(m1);
  const w2 = scratch.wrap(m2);
  assert.equal(scratch.get(w1), "test");
  assert.equal(scratch.get(w2), list, "wrap is O(1): the same value, not a copy");
  assert.equal(scratch.wrap(null), 0);
  assert.equal(scratch.materialize(0), null);
});

test("M3: handles and arena are reclaimed after each top-level eval", async () => {
  const s = await session();
  const before = s.stats().hostCalls;
  assert.equal(s.eval("set x hello; set y $x"), "hello");
  const stats = s.stats();
  assert.ok(stats.hostCalls > before);
  assert.equal(stats.scratchHandles, 0);
  assert.equal(stats.wasmArenaUsed, 0);
  assert.equal(stats.evalDepth, 0);
  assert.ok(stats.wasmArenaHighWater > 0);
});

test("M3: a handle does not outlive its eval; a value held persistently does", async () => {
  const s = await session();
  const rt = s.feather.runtime;
  let handle = 0;
  s.feather.register(s.interp, "grab", () => {
    handle = rt.scratch.new("kept");
    return rt.scratch.get(handle);
  });
  assert.equal(s.eval("set v [grab]"), "kept");
  assert.equal(rt.scratch.get(handle), undefined);
  assert.equal(s.eval("set v"), "kept");
});

// ---------------------------------------------------------------- M4 variables

test("M4: variables survive resets", async (t) => {
  const s = await session();
  checkAcrossResets(t, s, [
    "set x hello",
    "set y $x",
    "puts $y",
    "set a(k) v; set a(z) w",
    "puts $a(k)$a(z)",
    "incr n 5; incr n",
    "append s abc; append s def",
    "puts $s",
    "unset x",
    "info exists x",
    "set x",
    "set a",
    "set nosuch(1)",
    "set y(1) 2",
  ]);
});

test("M4: links and namespace variables", async (t) => {
  const s = await session();
  if (need(t, s, "namespace", "variable")) return;
  checkAcrossResets(t, s, [
    "set g 1",
    "proc bump {} {global g; incr g}",
    "bump; bump",
    "puts $g",
    "proc up {name} {upvar 1 $name v; set v changed}",
    "set local orig; up local; puts $local",
    "namespace eval ns {variable v 10}",
    "puts $ns::v",
    "proc ns::get {} {variable v; return $v}",
    "ns::get",
    "set ::ns::v 11; ns::get",
    "set nons::x 1",
    "set nons::x",
  ]);
});

test("M4: a value stored in a variable is not copied", async () => {
  const s = await session();
  s.eval("set x hello; set l [set x]");
  s.eval("set big {}; append big [set x] [set x]");
  const vars = s.feather.core(s.interp).state.globalNs.vars;
  const first = vars.get("big").value;
  s.eval("set y $big");
  assert.equal(vars.get("y").value, first);
});

test("M4: a 100,000-item lappend loop is linear", async (t) => {
  const s = await session();
  if (need(t, s, "lappend", "expr", "llength")) return;
  const small = timeIt(() => s.eval("set l {}; for {set i 0} {$i < 10000} {incr i} {lappend l $i}; llength $l"));
  const big = timeIt(() => s.eval("set l {}; for {set i 0} {$i < 100000} {incr i} {lappend l $i}; llength $l"));
  assert.equal(big.result, "100000");
  assert.equal(s.eval("lindex $l 99999"), "99999");
  // Linear: ten times the items cost about ten times as much, far from the
  // hundred times of a copying host. Generous bound for a noisy machine.
  assert.ok(big.ms < 40 * Math.max(small.ms, 1), `10k: ${small.ms} ms, 100k: ${big.ms} ms`);
});

test("M4: append in a loop is linear", async (t) => {
  const s = await session();
  if (need(t, s, "expr", "string")) return;
  const r = s.eval("set s {}; for {set i 0} {$i < 100000} {incr i} {append s x}; string length $s");
  assert.equal(r, "100000");
});

function timeIt(fn) {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------- M5 procs

test("M5: procs survive resets", async (t) => {
  const s = await session();
  checkAcrossResets(t, s, [
    'proc greet {who {greeting hello}} {return "$greeting, $who"}',
    "greet world",
    "greet you hi",
    "info body greet",
    "info args greet",
    "proc greet {} {return replaced}",
    "greet",
    "rename greet salute",
    "salute",
    "greet",
    "rename salute {}",
    "info procs salute",
    "proc va {args} {return $args}",
    "va",
  ]);
});

test("M5: procCount counts procs", async () => {
  const s = await session();
  const base = s.stats().procCount;
  s.eval("proc a {} {}; proc b {} {}");
  assert.equal(s.stats().procCount, base + 2);
  s.eval("rename a {}");
  assert.equal(s.stats().procCount, base + 1);
});

test("M5: proc params and body are stored as values, not handles", async () => {
  const s = await session();
  s.eval("proc p {a b} {return $a$b}");
  const cmd = s.feather.core(s.interp).state.lookupCommand("p");
  assert.equal(typeof cmd.body, "string");
  assert.equal(cmd.body, "return $a$b");
  assert.equal(s.eval("p 1 2"), "12");
});

// ---------------------------------------------------------------- M6 namespaces

test("M6: namespaces survive resets", async (t) => {
  const s = await session();
  if (need(t, s, "namespace", "variable")) return;
  checkAcrossResets(t, s, [
    "namespace eval counter {variable n 0; proc next {} {variable n; incr n}}",
    "counter::next",
    "counter::next",
    "namespace eval counter {namespace current}",
    "namespace eval counter {proc inner {} {namespace current}}",
    "counter::inner",
    "namespace eval a::b {proc c {} {return abc}}",
    "a::b::c",
    "namespace eval a {b::c}",
    "namespace children ::a",
    "set x 5; namespace eval q {set x 6}; set x",
    "namespace delete counter",
    "counter::next",
    "namespace eval ::zz {info level}",
  ]);
});

test("M6: namespaceCount counts namespaces", async (t) => {
  const s = await session();
  if (need(t, s, "namespace")) return;
  const base = s.stats().namespaceCount;
  s.eval("namespace eval one::two {}");
  assert.equal(s.stats().namespaceCount, base + 2);
  s.eval("namespace delete one");
  assert.equal(s.stats().namespaceCount, base);
});

// ---------------------------------------------------------------- M7 frames

test("M7: frames within an eval", async (t) => {
  const s = await session();
  checkAcrossResets(t, s, [
    "proc lvl {} {info level}",
    "lvl",
    "proc outer {} {inner x}",
    "proc inner {a} {return [info level][info level 0][info level 1]}",
    "outer",
    "info level",
    "proc up0 {} {uplevel #0 {info level}}",
    "up0",
    "proc setter {} {uplevel 1 {set made here}}",
    "proc caller {} {setter; return $made}",
    "caller",
    "proc deep {} {uplevel #0 lvl}",
    "deep",
    "proc viaup {n} {upvar #0 gv v; set v $n}",
    "viaup 9; set gv",
  ]);
});

test("M7: frames are back at the global frame after an error deep in procs", async () => {
  const s = await session();
  s.eval("proc a {} {b}; proc b {} {error deep}");
  assert.throws(() => s.eval("a"), /deep/);
  const state = s.feather.core(s.interp).state;
  assert.equal(state.frames.length, 1);
  assert.equal(state.active, state.globalFrame);
  assert.equal(s.eval("info level"), "0");
});

// ---------------------------------------------------------------- M8 traces

test("M8: traces survive resets", async (t) => {
  const s = await session();
  if (need(t, s, "trace")) return;
  checkAcrossResets(t, s, [
    'proc tracecb {name1 name2 op} { puts "traced: $name1 <$name2> $op" }',
    "trace add variable x write tracecb",
    "set x 1",
    "set x 2",
    "trace info variable x",
    "trace add variable x {read unset} tracecb",
    "trace info variable x",
    "set y $x",
    "trace remove variable x write tracecb",
    "set x 3",
    "trace info variable x",
    "unset x",
    "trace info variable x",
    "trace add variable arr write tracecb",
    "set arr(k) 1",
    "proc fail {a b c} {error nope}",
    "trace add variable f write fail",
    "set f 1",
    "set f",
    "proc change {a b c} {upvar 1 $a v; set v changed}",
    "trace add variable c write change",
    "set c orig",
    "set c",
    'proc cmdcb {args} {puts "cmd: $args"}',
    "proc victim {} {}",
    "trace add command victim {rename delete} cmdcb",
    "rename victim renamed",
    "rename renamed {}",
  ]);
});

test("M8: a trace script is stored as a string", async (t) => {
  const s = await session();
  if (need(t, s, "trace")) return;
  s.eval("trace add variable t write {puts hi}");
  const v = s.feather.core(s.interp).state.globalNs.vars.get("t");
  assert.deepEqual(
    v.traces.map((tr) => tr.script),
    ["puts hi"],
  );
  assert.ok(v.traces.every((tr) => typeof tr.script === "string"));
});

test("M8: a trace fires on every write, across evals", async (t) => {
  const s = await session();
  if (need(t, s, "trace")) return;
  s.eval("proc cb {a b c} {puts fired}; trace add variable v write cb");
  for (let i = 0; i < 5; i++) s.eval(`set v ${i}`);
  assert.equal(s.output(), "fired\n".repeat(5));
});

// ---------------------------------------------------------------- M9 resets

function clean(s) {
  const stats = s.stats();
  assert.equal(stats.scratchHandles, 0);
  assert.equal(stats.wasmArenaUsed, 0);
  assert.equal(stats.evalDepth, 0);
}

test("M9: reset after ok, error, a thrown JS error, break and continue", async () => {
  const s = await session();
  s.eval("set a 1; proc p {} {return x}; p");
  clean(s);
  assert.throws(() => s.eval("set b 2; error boom"), TclError);
  clean(s);
  s.feather.register(s.interp, "explode", () => {
    throw new Error("js says no");
  });
  assert.throws(() => s.eval("set c 3; explode 1 2"), { name: "TclError", message: "js says no" });
  clean(s);
  s.feather.register(s.interp, "throwstring", () => {
    throw "a bare string"; // eslint-disable-line no-throw-literal
  });
  assert.throws(() => s.eval("throwstring"), { message: "a bare string" });
  clean(s);
  assert.throws(() => s.eval("break"), { message: 'invoked "break" outside of a loop' });
  clean(s);
  assert.throws(() => s.eval("continue"), { message: 'invoked "continue" outside of a loop' });
  clean(s);
  assert.equal(s.eval("set a"), "1");
  assert.equal(s.eval("set c"), "3");
});

test("M9: a nested eval from a trace leaves the outer eval intact", async (t) => {
  const s = await session();
  if (need(t, s, "trace")) return;
  s.eval("proc cb {n1 n2 op} {set ::seen [set ::$n1]; set junk xxxxxxxxxx}");
  s.eval("trace add variable w write cb");
  assert.equal(s.eval("set before 1; set r [set w 5]; set after $r; set after"), "5");
  assert.equal(s.eval("set seen"), "5");
  clean(s);
});

test("M9: a nested eval from a JS command leaves the outer eval intact", async () => {
  const s = await session();
  const depths = [];
  s.feather.register(s.interp, "inner", ([arg]) => {
    depths.push(s.stats().evalDepth);
    s.eval("set inner_ran 1; proc made_inside {} {return ok}");
    return s.eval(`set echo ${arg}`);
  });
  assert.equal(s.eval("set a outer; set b [inner hello]; set c $a; return $b-$c"), "hello-outer");
  assert.deepEqual(depths, [1]);
  assert.equal(s.eval("made_inside"), "ok");
  clean(s);
});

test("M9: a TclError from a nested eval becomes the command's error", async () => {
  const s = await session();
  s.feather.register(s.interp, "bad", () => s.eval("error {inner failure}"));
  assert.equal(s.eval("catch {bad} msg; set msg"), "inner failure");
  assert.throws(() => s.eval("bad"), { message: "inner failure" });
  clean(s);
});

test("M9: a command in one interp evaluating in another resets nothing", async () => {
  const feather = await newFeather({ write: () => {} });
  const a = feather.create();
  const b = feather.create();
  const seen = [];
  feather.register(a, "other", ([script]) => {
    const r = feather.eval(b, script);
    seen.push([feather.runtime.depth, feather.runtime.scratch.size]);
    return r;
  });
  feather.eval(b, "set x inB");
  assert.equal(feather.eval(a, "set x inA; set y [other {set z [set x]}]; return $y/$x"), "inB/inA");
  const [depth, handles] = seen[0];
  assert.equal(depth, 1);
  assert.ok(handles > 0, "b's eval ran nested: nothing was reset under a");
  assert.equal(feather.memoryStats(a).scratchHandles, 0);
  assert.equal(feather.eval(b, "set z"), "inB");
});

test("M9: each interp has its own state", async () => {
  const feather = await newFeather({ write: () => {} });
  const a = feather.create();
  const b = feather.create();
  feather.eval(a, "set v a; proc who {} {return a}");
  feather.eval(b, "set v b");
  assert.equal(feather.eval(a, "set v"), "a");
  assert.equal(feather.eval(b, "set v"), "b");
  assert.equal(feather.eval(a, "who"), "a");
  assert.throws(() => feather.eval(b, "who"), { message: 'invalid command name "who"' });
});

test("M9: a trap replaces the instance; every interp keeps its state", async () => {
  const s = await session();
  s.eval("set keep 1; proc p {} {return proc-ok}");
  const rt = s.feather.runtime;
  const imports = rt.imports;
  // Make the host fail inside an import: the exception unwinds WASM frames,
  // which leaves the core's static state inconsistent, as a trap does.
  imports.state = () => {
    throw new RangeError("simulated stack overflow");
  };
  try {
    assert.throws(() => s.eval("set x 1"), { name: "HostTrap", message: /^feather: trap: simulated stack overflow/ });
  } finally {
    delete imports.state;
  }
  assert.equal(s.stats().instances, 2);
  clean(s);
  assert.equal(s.eval("set keep"), "1");
  assert.equal(s.eval("p"), "proc-ok");
});

test("M9: a trap inside a nested eval unwinds the whole eval", async () => {
  const s = await session();
  const rt = s.feather.runtime;
  s.feather.register(s.interp, "nested", () => {
    rt.imports.state = () => {
      throw new RangeError("boom inside");
    };
    try {
      return s.eval("set y 2");
    } finally {
      delete rt.imports.state;
    }
  });
  assert.throws(() => s.eval("set a 1; nested; set b 2"), { name: "HostTrap" });
  clean(s);
  assert.equal(s.eval("set a"), "1");
  assert.throws(() => s.eval("set b"), /no such variable/);
});

// ---------------------------------------------------------------- M10 diagnostics

test("M10: memoryStats has the seed's fields and more", async () => {
  const s = await session();
  const stats = s.stats();
  for (const key of [
    "scratchHandles",
    "wasmArenaUsed",
    "namespaceCount",
    "procCount",
    "evalDepth",
    "wasmMemoryBytes",
    "wasmArenaHighWater",
    "hostCalls",
  ]) {
    assert.ok(Number.isInteger(stats[key]), key);
  }
  assert.ok(stats.wasmMemoryBytes >= 2 * 1024 * 1024);
  assert.ok(stats.namespaceCount >= 1);
});

test("M10: forceReset works when idle and throws during an eval", async () => {
  const s = await session();
  s.feather.forceReset(s.interp);
  clean(s);
  s.feather.register(s.interp, "reset_now", () => s.feather.forceReset(s.interp));
  assert.throws(() => s.eval("set keep 1; reset_now"), /cannot reset while an eval is running/);
  assert.equal(s.eval("set keep"), "1");
  clean(s);
});

const SEED_STRESS = `
set x [list a b c d e f g h i j]
lappend x [string repeat "x" 100]
proc tmp {} { return [expr {1 + 2}] }
tmp
rename tmp {}
`;

// The same shape with only the builtins every core has had since M3.
const BASIC_STRESS = `
set x {a b c d e f g h i j}
append x [set y xxxxxxxxxx]
proc tmp {} { incr ::n; return 3 }
tmp
rename tmp {}
`;

function stress(s, script, iterations) {
  s.eval(script);
  let memoryAt100 = 0;
  for (let i = 0; i < iterations; i++) {
    s.eval(script);
    const stats = s.stats();
    assert.equal(stats.scratchHandles, 0, `iteration ${i}`);
    assert.equal(stats.wasmArenaUsed, 0, `iteration ${i}`);
    if (i === 99) memoryAt100 = stats.wasmMemoryBytes;
  }
  assert.equal(s.stats().wasmMemoryBytes, memoryAt100);
}

test("M10: the seed's stress test, 10,000 iterations", async (t) => {
  const s = await session();
  if (need(t, s, "list", "lappend", "string", "expr")) return;
  stress(s, SEED_STRESS, 10000);
});

test("M10: a stress test with M3 builtins, 10,000 iterations", async () => {
  const s = await session();
  stress(s, BASIC_STRESS, 10000);
});

test("M10: a list expanded again in the same eval reuses its handles", async () => {
  const s = await session();
  s.eval("proc p {a b {c 3}} {return $a$b$c}");
  const base = s.stats().scratchHighWater;
  s.eval("p 1 2");
  const one = s.stats().scratchHighWater;
  s.eval("p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2; p 1 2");
  const eleven = s.stats().scratchHighWater;
  assert.ok(one >= base);
  // Each further call costs only its own new words and results, not the
  // parameter list's elements again.
  assert.ok(eleven - one < 10 * 8, `1 call: ${one} handles, 11 calls: ${eleven}`);
});

test("M9: handle caches never leak between instances sharing a parsed list", async () => {
  // Two instances, in step (the same number of evals), expand the same literal
  // list (one TclList, from the parse cache) with different handles before it.
  const a = await session();
  const b = await session();
  for (let k = 0; k < 3; k++) {
    assert.equal(a.eval("set r {}; foreach w {x y z} {lappend r $w}; set r"), "x y z");
    const pad = "set pad [list 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16]; ";
    assert.equal(b.eval(pad + "set r {}; foreach w {x y z} {lappend r $w}; set r"), "x y z");
  }
});
