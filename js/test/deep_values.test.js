// Values nested thousands deep (issue 7, hostile input): twin of
// tests/limits/test_deep_values.py. A list or dict wrapped 5000 times gets its
// string rep level by level without recursion; a recursive toStr exhausted
// Node's stack ("Maximum call stack size exceeded", a HostTrap).

import assert from "node:assert/strict";
import { test } from "node:test";

import { createFeather } from "../feather.js";
import { wasmModule } from "./helpers.js";

const DEPTH = 5000;
const WRAP = {
  list: ["set v {x y}", "set v [list $v]", "{".repeat(DEPTH) + "x y" + "}".repeat(DEPTH)],
  "list-pair": ["set v {x y}", "set v [list $v z]", "{".repeat(DEPTH) + "x y" + "} z".repeat(DEPTH)],
  dict: ["set v {x y}", "set v [dict create k $v]", "k {".repeat(DEPTH) + "x y" + "}".repeat(DEPTH)],
};

async function fresh() {
  const f = await createFeather(await wasmModule(), { write: () => {} });
  const id = f.create();
  return (s) => f.eval(id, s);
}

for (const [kind, [start, wrap, text]] of Object.entries(WRAP)) {
  test(`deep: a ${kind} nested ${DEPTH} deep gives its string`, async () => {
    const ev = await fresh();
    const build = `${start}; for {set i 0} {$i < ${DEPTH}} {incr i} {${wrap}}`;
    assert.equal(ev(`${build}; string length $v`), String(text.length));
    assert.equal(ev("set v"), text);
    assert.equal(ev("set n 0; for {set i 0} {$i < 100} {incr i} {incr n}; set n"), "100");
  });
}

test("deep: lists and dicts nested 5000 deep index and format", async () => {
  const ev = await fresh();
  const lst = `set l {x y}; for {set i 0} {$i < ${DEPTH}} {incr i} {set l [list $l]}`;
  assert.equal(ev(`${lst}; lindex $l {*}[lrepeat ${DEPTH} 0]`), "x y");
  assert.equal(ev("llength [lappend l z]"), "2");
  const dct = `set d {x y}; for {set i 0} {$i < ${DEPTH}} {incr i} {set d [dict create k $d]}`;
  assert.equal(ev(`${dct}; dict get $d {*}[lrepeat ${DEPTH} k]`), "x y");
  assert.equal(ev("string length [list $d $d]"), String(2 * (4 * DEPTH + 3 + 2) + 1));
});
