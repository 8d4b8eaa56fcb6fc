// The public API of feather.js: loading, interps, eval/call/subst, commands,
// errors, puts, parse status, memory growth, and the import table.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { Feather, PARSE_COMPLETE, TclError, createFeather, providedImports } from "../feather.js";
import { SIGNATURES } from "../imports.js";
import { parseImports } from "../wasm.js";
import { WASM, haveTclsh, need, newFeather, session, tclsh } from "./helpers.js";

test("createFeather accepts a path, a file URL, bytes, an ArrayBuffer and a compiled module", async () => {
  const bytes = readFileSync(WASM);
  const sources = [
    WASM,
    pathToFileURL(WASM),
    pathToFileURL(WASM).href,
    new Uint8Array(bytes),
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    await WebAssembly.compile(bytes),
  ];
  for (const source of sources) {
    const feather = await createFeather(source, { write: () => {} });
    assert.ok(feather instanceof Feather);
    const i = feather.create();
    assert.equal(feather.eval(i, "set x ok"), "ok");
  }
});

test("createFeather with no source loads feather.wasm beside feather.js", async () => {
  const feather = await createFeather(undefined, { write: () => {} });
  assert.equal(feather.eval(feather.create(), "set x default"), "default");
});

test("the module's memory is created with the limits of its import", async () => {
  const feather = await newFeather();
  const mem = parseImports(readFileSync(WASM)).find((i) => i.kind === "memory");
  assert.deepEqual(mem.limits, { initial: 32, maximum: 4096 });
  assert.equal(feather.runtime.inst.memory.buffer.byteLength, 32 * 65536);
});

test("providedImports matches the module's imports exactly, with their types", () => {
  const funcs = parseImports(readFileSync(WASM)).filter((i) => i.kind === "func");
  const provided = providedImports();
  assert.deepEqual(Object.keys(provided).sort(), funcs.map((f) => f.name).sort());
  for (const f of funcs) {
    const [params, result] = SIGNATURES[f.name.replace(/^feather_host_/, "")];
    assert.deepEqual(params, f.params, f.name);
    assert.deepEqual(result === null ? [] : [result], f.results, f.name);
    assert.deepEqual(provided[f.name], [f.params.length, f.results.length]);
  }
});

test("eval and call", async () => {
  const s = await session();
  const { feather, interp } = s;
  assert.equal(s.eval("set x {a b}"), "a b");
  assert.equal(feather.call(interp, "set", "y", "two words"), "two words");
  assert.equal(feather.call(interp, "set", "y"), "two words");
  assert.equal(feather.call(interp, "set", "z", "[no substitution]"), "[no substitution]");
  assert.equal(feather.call(interp, "set", "n", 42), "42");
  assert.equal(feather.call(interp, "set", "l", ["a", "b c"]), "a {b c}");
  assert.throws(() => feather.call(interp, "nosuch", 1), { message: 'invalid command name "nosuch"' });
});

test("subst", async () => {
  const s = await session();
  s.eval("set name world");
  assert.equal(s.feather.subst(s.interp, "hello $name [set name] \\x41"), "hello world world A");
  assert.equal(s.feather.subst(s.interp, "$name [set name] \\t", 2 | 4 | 1), "$name [set name] \\t");
});

test("TclError carries code, result, errorInfo and errorCode", async () => {
  const s = await session();
  s.eval("proc f {} {error boom {} {MY CODE}}");
  let err = null;
  try {
    s.eval("f");
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof TclError);
  assert.ok(err instanceof Error);
  assert.equal(err.code, 1);
  assert.equal(err.result, "boom");
  assert.equal(err.message, "boom");
  assert.equal(err.errorCode, "MY CODE");
  assert.ok(err.errorInfo.startsWith("boom\n    while executing"), err.errorInfo);
  assert.ok(err.errorInfo.includes('(procedure "f" line 1)'));
  try {
    s.eval("nosuch");
  } catch (e) {
    assert.equal(e.errorCode, "TCL LOOKUP COMMAND nosuch");
    assert.equal(e.errorInfo, 'invalid command name "nosuch"\n    while executing\n"nosuch"');
  }
});

test("register: argument and result conversions", async () => {
  const s = await session();
  const { feather, interp } = s;
  feather.register(interp, "none", () => undefined);
  feather.register(interp, "num", () => 7);
  feather.register(interp, "real", () => 2.5);
  feather.register(interp, "big", () => 2n ** 62n);
  feather.register(interp, "yes", () => true);
  feather.register(interp, "no", () => false);
  feather.register(interp, "items", () => ["a b", "", ["x", 1]]);
  feather.register(interp, "dict", () => ({ k: "v", n: 1 }));
  feather.register(interp, "echo", (args) => args.join("|"));
  feather.register(interp, "info2", (args, info) => `${info.name}:${info.interp}:${args.length}`);
  assert.equal(s.eval("none"), "");
  assert.equal(s.eval("num"), "7");
  assert.equal(s.eval("real"), "2.5");
  assert.equal(s.eval("big"), "4611686018427387904");
  assert.equal(s.eval("yes"), "1");
  assert.equal(s.eval("no"), "0");
  assert.equal(s.eval("items"), "{a b} {} {x 1}");
  assert.equal(s.eval("dict"), "k v n 1");
  assert.equal(s.eval("echo a {b c} [num]"), "a|b c|7");
  assert.equal(s.eval("info2 x y"), `info2:${interp}:2`);
  assert.equal(s.eval("incr [set v num]; set num"), "1");
  assert.equal(s.eval("set n [num]; incr n"), "8", "a number result is an integer rep");
});

test("register: a thrown error becomes a Tcl error with its message", async () => {
  const s = await session();
  s.feather.register(s.interp, "bad", () => {
    throw new TypeError("missing thing");
  });
  assert.equal(s.eval("catch {bad} msg; set msg"), "missing thing");
  assert.throws(() => s.eval("bad"), (e) => e instanceof TclError && e.message === "missing thing");
});

test("register: a command may be renamed and deleted like any other", async () => {
  const s = await session();
  s.feather.register(s.interp, "js", () => "from js");
  assert.equal(s.eval("rename js tcl; tcl"), "from js");
  assert.throws(() => s.eval("js"), /invalid command name/);
  s.eval("rename tcl {}");
  assert.throws(() => s.eval("tcl"), /invalid command name/);
});

test("puts variants agree with tclsh; stderr goes to the writer's stderr channel", async (t) => {
  if (!haveTclsh) return t.skip("tclsh not installed");
  const out = [];
  const err = [];
  const feather = await newFeather();
  const interp = feather.create({ write: (text, channel) => (channel === "stderr" ? err : out).push(text) });
  const script = [
    "puts hello",
    "puts -nonewline a; puts b",
    "puts stdout c",
    "puts -nonewline stdout d\\n",
    "puts -nonewline",
    "puts stdout",
    "catch {puts foo bar} m; puts $m",
    "catch {puts -nonewline foo bar} m; puts $m",
    "catch {puts} m; puts $m",
    "catch {puts a b c} m; puts $m",
    "catch {puts a b c d} m; puts $m",
    "puts \u00e9t\u00e9",
  ].join("\n");
  feather.eval(interp, script);
  assert.equal(out.join(""), tclsh(script));
  feather.eval(interp, "puts stderr oops");
  assert.equal(err.join(""), "oops\n");
});

test("the default writer of Node.js is process.stdout", async () => {
  const feather = await newFeather();
  const interp = feather.create();
  const written = [];
  const original = process.stdout.write;
  process.stdout.write = (chunk) => {
    written.push(String(chunk));
    return true;
  };
  try {
    feather.eval(interp, "puts to-stdout");
  } finally {
    process.stdout.write = original;
  }
  assert.deepEqual(written, ["to-stdout\n"]);
});

test("parseStatus: complete, incomplete, error", async () => {
  const s = await session();
  const f = s.feather;
  assert.equal(f.parseStatus(s.interp, "set x 1").status, "complete");
  assert.equal(f.parseStatus(s.interp, "set x 1").code, PARSE_COMPLETE);
  assert.equal(f.parseStatus(s.interp, "proc f {} {").status, "incomplete");
  assert.equal(f.parseStatus(s.interp, 'set x "abc').status, "incomplete");
  assert.equal(f.parseStatus(s.interp, "set x [set y").status, "incomplete");
  const bad = f.parseStatus(s.interp, "set x {a}b");
  assert.equal(bad.status, "error");
  assert.equal(bad.message, "extra characters after close-brace");
  assert.equal(s.stats().scratchHandles, 0);
});

test("destroy forgets an interp; other interps are untouched", async () => {
  const feather = await newFeather({ write: () => {} });
  const a = feather.create();
  const b = feather.create();
  feather.eval(b, "set keep b");
  feather.destroy(a);
  assert.throws(() => feather.eval(a, "set x 1"), /no interpreter/);
  assert.equal(feather.eval(b, "set keep"), "b");
  feather.register(b, "killme", () => feather.destroy(b));
  assert.throws(() => feather.eval(b, "killme"), /cannot destroy an interpreter while an eval is running/);
});

test("linear memory grows for a large script and shrinks back into use", async () => {
  const s = await session();
  const before = s.stats().wasmMemoryBytes;
  const big = "set x " + "y".repeat(6 * 1024 * 1024) + "\nstring length $x";
  s.eval("set small 1");
  const n = s.eval(big.replace("string length $x", "set done 1"));
  assert.equal(n, "1");
  assert.ok(s.stats().wasmMemoryBytes > before);
  assert.equal(s.eval("set x").length, 6 * 1024 * 1024, "the views were rebuilt after growth");
  assert.equal(s.stats().wasmArenaUsed, 0);
});

test("strings: unicode, NUL and bytes that are not UTF-8 survive", async () => {
  const s = await session();
  assert.equal(s.eval("set u \u00e9\u4e2d\u{1f600}"), "\u00e9\u4e2d\u{1f600}");
  assert.equal(s.feather.call(s.interp, "set", "z", "a\0b"), "a\0b");
  assert.equal(s.eval("set z"), "a\0b");
  assert.equal(s.eval("set e \\u00e9\\x41"), "\u00e9A");
  const long = "\u00e9".repeat(5000);
  assert.equal(s.feather.call(s.interp, "set", "long", long), long);
  assert.equal(s.eval("set long"), long);
});

test("a deep recursion ends in Tcl's nesting error or a trap, and the interp goes on", async (t) => {
  const s = await session();
  if (need(t, s, "expr")) return;
  s.eval("proc r {n} {r [expr {$n + 1}]}");
  assert.throws(() => s.eval("r 0"), (e) => e instanceof TclError && /too many nested evaluations|feather: trap/.test(e.message));
  assert.equal(s.eval("set after ok"), "ok");
  assert.equal(s.stats().scratchHandles, 0);
});

test("hostCalls counts crossings; a variable read costs one", async () => {
  const s = await session();
  s.eval("set x 1");
  const a = s.feather.hostCalls;
  s.eval("set x");
  const b = s.feather.hostCalls;
  s.eval("set x; set x");
  const c = s.feather.hostCalls;
  assert.ok(b > a);
  const perCommand = c - b - (b - a);
  assert.ok(perCommand > 0 && perCommand <= 8, `a 'set x' costs ${perCommand} crossings`);
});

test("register: a thrown TclError keeps its code (3 is a break)", async () => {
  const s = await session();
  s.feather.register(s.interp, "stop_at", ([x]) => {
    if (x === "2") throw new TclError("", 3);
    return x;
  });
  assert.equal(s.eval("set r {}; foreach x {1 2 3} {stop_at $x; lappend r $x}; set r"), "1");
  s.feather.register(s.interp, "fail_with", () => {
    throw new TclError("custom failure");
  });
  assert.equal(s.eval("list [catch fail_with m] $m"), "1 {custom failure}");
});

test("namespaces: deletion fires unset traces", async (t) => {
  const s = await session();
  if (need(t, s, "namespace", "trace")) return;
  s.eval("namespace eval q {variable a 1; variable b 2}");
  s.eval("proc cb {args} {lappend ::seen $args}; trace add variable q::a unset cb");
  s.eval("namespace delete q");
  assert.equal(s.eval("set seen"), "{::q::a {} unset}");
});
