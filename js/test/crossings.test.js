// Host crossings per loop iteration: exact counts (issue 6), not timings. Twin
// of tests/host/test_crossings.py: the same loops and budgets.
//
// Each loop runs at n and 2n iterations in fresh interps; the difference of the
// host call counts divided by n is what one iteration costs, whatever the
// set-up (plus a scratch release every few dozen iterations: the count is
// rounded).

import assert from "node:assert/strict";
import { test } from "node:test";

import { newFeather } from "./helpers.js";

const N = 200;

// name -> [script run with the string variable n holding the iteration count,
//          crossings one iteration may cost]
const LOOPS = {
  // $i < $n reads i (an integer rep) and n (a canonical decimal string) with
  // their numbers: no crossing to read or parse "200".
  "for-incr": ["for {set i 0} {$i < $n} {incr i} {}", 3],
  "while-expr": ["set i 0; set acc 1\nwhile {$i < $n} {set acc [expr {($acc * 31 + $i) % 1000003}]; incr i}", 7],
  // $i, is formatted by the core from the integer it read.
  append: ['set s ""; for {set i 0} {$i < $n} {incr i} {append s $i,}', 6],
  // incr's increment read from a variable holding a canonical string.
  "incr-by-var": ["set d 7; set t 0; for {set i 0} {$i < $n} {incr i} {incr t $d}", 5],
  // The frame and its five arguments in one crossing (frame_push_proc).
  "proc-5-args": ["proc p5 {a b c d e} {return $e}\nset t 0; for {set i 0} {$i < $n} {incr i} {incr t [p5 a b c d $i]}", 8],
};

async function crossings(script, n) {
  const feather = await newFeather({ write: () => {} });
  const id = feather.create();
  feather.eval(id, `set n ${n}`);
  const before = feather.memoryStats(id).hostCalls;
  feather.eval(id, script);
  return feather.memoryStats(id).hostCalls - before;
}

for (const [name, [script, budget]] of Object.entries(LOOPS)) {
  test(`crossings: ${name} costs at most ${budget} per iteration`, async () => {
    const perIteration = ((await crossings(script, 2 * N)) - (await crossings(script, N))) / N;
    assert.ok(Math.round(perIteration) <= budget, `${name}: ${perIteration} crossings per iteration`);
  });
}

test("crossings: a canonical decimal string is read as its integer, other forms keep theirs", async () => {
  const feather = await newFeather({ write: () => {} });
  const id = feather.create();
  const script =
    "set r {}; foreach v {5 -12 0 010 0x10 +5 { 5} -0 9223372036854775807 " +
    "9223372036854775808} {set x $v; lappend r [catch {expr {$x + 1}} m] $m $x,}; set r";
  assert.equal(
    feather.eval(id, script),
    "0 6 5, 0 -11 -12, 0 1 0, 0 9 010, 0 17 0x10, 0 6 +5, 0 6 { 5,} 0 1 -0, " +
      "0 9223372036854775808 9223372036854775807, 0 9223372036854775809 9223372036854775808,",
  );
});
