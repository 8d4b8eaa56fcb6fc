// The object store: formatting against tclsh, UTF-8 round trips, copy-on-write
// lists (twin of tests/host/test_values.py).

import assert from "node:assert/strict";
import { test } from "node:test";

import {
  TclDict,
  TclDouble,
  TclList,
  asList,
  decode,
  encode,
  encodeInto,
  formatDouble,
  formatList,
  fromJs,
  quoteElement,
  rememberList,
  toStr,
  utf8Length,
} from "../values.js";
import { runeCase, runeClass } from "../imports.js";
import { haveTclsh, tclsh } from "./helpers.js";

const hex = (s) => Buffer.from(encode(s)).toString("hex");

/** Each string as tclsh formats it: [list a b ...] of all, then each alone. */
function tclLists(strings) {
  const script =
    "set items {}\n" +
    strings.map((s) => `lappend items [encoding convertfrom utf-8 [binary decode hex {${hex(s)}}]]\n`).join("") +
    "proc out {s} {puts [binary encode hex [encoding convertto utf-8 $s]]}\n" +
    "out [list {*}$items]\n" +
    "foreach s $items {out [list $s]; out [list x $s]}\n";
  return tclsh(script)
    .trimEnd()
    .split("\n")
    .map((h) => Buffer.from(h, "hex").toString("utf-8"));
}

const TRICKY = [
  "",
  "a",
  "a b",
  "#",
  "#x",
  "{",
  "}",
  "{a}",
  "a{",
  "a}",
  "{}}",
  "\\",
  "a\\",
  "a\\b",
  "a\\{",
  "a\\\nb",
  '"',
  'a"b',
  '"a',
  "[a]",
  "a]",
  "$x",
  "a;b",
  "\t",
  "a\nb",
  "\u00e9t\u00e9",
  "x y {z",
  "}{",
  "a\\}",
  "{a b} c",
  "\\n",
  "a\rb\fc\vd",
  "[",
  "]",
  "}a{",
  "\\{\\}",
];

test("quoteElement and formatList agree with tclsh", (t) => {
  if (!haveTclsh) return t.skip("tclsh not installed");
  const lines = tclLists(TRICKY);
  assert.equal(formatList(TRICKY), lines[0]);
  for (let k = 0; k < TRICKY.length; k++) {
    assert.equal(quoteElement(TRICKY[k], true), lines[1 + 2 * k], JSON.stringify(TRICKY[k]));
    assert.equal("x " + quoteElement(TRICKY[k], false), lines[2 + 2 * k], JSON.stringify(TRICKY[k]));
  }
});

const DOUBLES = [
  1e-5, 1e17, 1.5e300, 1e16, 123456789012345678.0, 0.0001, 0.00012345, 1 / 3, -0.0, 2 ** 70, 1e-320, 1.0, 100.0,
  0.1, -2.5, 5e-324, 1.7976931348623157e308, 123456.789, 1e21, 1e-7, 12345678901234567.0, 9007199254740993,
];

test("formatDouble agrees with tclsh", (t) => {
  if (!haveTclsh) return t.skip("tclsh not installed");
  const script = DOUBLES.map((d) => `puts [expr {double(${Object.is(d, -0) ? "-0.0" : d.toExponential()})}]\n`).join("");
  const expected = tclsh(script).trimEnd().split("\n");
  assert.deepEqual(DOUBLES.map(formatDouble), expected);
  assert.equal(formatDouble(Infinity), "Inf");
  assert.equal(formatDouble(-Infinity), "-Inf");
  assert.equal(formatDouble(NaN), "NaN");
});

test("UTF-8 round trips, also for bytes that are not UTF-8", () => {
  const samples = ["", "ascii", "\u00e9\u4e2d\u{1f600}", "\ufeffbom", "nul\0byte", "x".repeat(100) + "\u00e9"];
  for (const s of samples) {
    const bytes = encode(s);
    assert.equal(decode(bytes, 0, bytes.length), s);
    assert.equal(utf8Length(s), bytes.length);
    const buf = new Uint8Array(bytes.length + 4);
    assert.equal(encodeInto(s, buf, 2, bytes.length), bytes.length);
    assert.deepEqual(buf.subarray(2, 2 + bytes.length), bytes);
    assert.equal(encodeInto(s, buf, 0, bytes.length - 1 < 0 ? 0 : bytes.length - 1) >= bytes.length - 1, true);
  }
  const invalid = Uint8Array.from([0x61, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x62]);
  const s = decode(invalid, 0, invalid.length);
  assert.equal(s.length, 8);
  assert.deepEqual(encode(s), invalid);
});

test("encodeInto reports the full length when the buffer is too small", () => {
  const buf = new Uint8Array(4);
  assert.equal(encodeInto("hello world", buf, 0, 4), 11);
  assert.equal(encodeInto("\u00e9\u00e9\u00e9", buf, 0, 4), 6);
});

test("lists: appending is copy-on-write by ownership of the tail", () => {
  const a = new TclList(["x", "y"]);
  const b = a.append(["z"]);
  assert.equal(b.items, a.items, "the owner of the tail appends in place");
  const c = a.append(["w"]);
  assert.notEqual(c.items, a.items, "a list that does not own the tail copies");
  assert.equal(toStr(a), "x y");
  assert.equal(toStr(b), "x y z");
  assert.equal(toStr(c), "x y w");
  let l = new TclList([]);
  for (let i = 0; i < 1000; i++) l = l.append([i]);
  assert.equal(l.n, 1000);
  assert.equal(toStr(l).split(" ").length, 1000);
});

test("asList: numbers, the empty string, remembered parses", () => {
  assert.deepEqual(asList(5).elements(), [5]);
  assert.deepEqual(asList(new TclDouble(1.5)).elements().map(toStr), ["1.5"]);
  assert.equal(asList("").n, 0);
  assert.equal(asList("never parsed here"), null);
  const parsed = new TclList(["p", "q"], 2, "p q");
  rememberList("p q", parsed);
  assert.equal(asList("p q"), parsed);
});

test("dicts format as key/value lists", () => {
  const d = new TclDict(new Map([["a", 1], ["b c", "d"]]));
  assert.equal(toStr(d), "a 1 {b c} d");
});

test("fromJs converts embedder values", () => {
  assert.equal(fromJs(undefined), "");
  assert.equal(fromJs(null), "");
  assert.equal(fromJs(true), "1");
  assert.equal(fromJs(false), "0");
  assert.equal(fromJs(42), 42);
  assert.equal(toStr(fromJs(2.5)), "2.5");
  assert.equal(toStr(fromJs(3.0)), "3");
  assert.equal(toStr(fromJs(2n ** 62n)), "4611686018427387904");
  assert.equal(toStr(fromJs(["a", "b c", [1, 2]])), "a {b c} {1 2}");
  assert.equal(toStr(fromJs({ k: "v", n: [1] })), "k v n 1");
  assert.equal(toStr(fromJs(new Map([["x", 1]]))), "x 1");
});

test("rune case and class follow Tcl 8.6", () => {
  assert.equal(runeCase(0xdf, 1), 0xdf, "ß has no single-character uppercase");
  assert.equal(runeCase(0x130, 0), 0x69);
  assert.equal(runeCase(0x1c6, 2), 0x1c5);
  assert.equal(runeCase(0xe9, 1), 0xc9);
  assert.equal(runeCase(0x1f80, 1), 0x1f88);
  assert.equal(runeClass(0xa0) & 4, 4, "no-break space is space");
  assert.equal(runeClass(0x85) & 4, 4);
  assert.equal(runeClass(0xe9) & (1 | 16 | 64), 1 | 16 | 64);
  assert.equal(runeClass(0x378) & 64, 0, "unassigned is not printable");
  assert.equal(runeClass(0xad) & 128, 128, "soft hyphen is a control (Cf)");
  assert.equal(runeClass(0xa7) & 32, 32);
});

test("rune case and class agree with tclsh on a sample", (t) => {
  if (!haveTclsh) return t.skip("tclsh not installed");
  const cps = [0xc0, 0xdf, 0xe9, 0xff, 0x130, 0x131, 0x1c4, 0x1c6, 0x391, 0x3c2, 0x401, 0x451, 0x1e9e, 0x2160, 0x24b6, 0xff21];
  const script = cps
    .map(
      (cp) =>
        `set c [format %c ${cp}]; puts "[scan [string tolower $c] %c] [scan [string toupper $c] %c] [scan [string totitle $c] %c]"\n`,
    )
    .join("");
  const expected = tclsh(script).trimEnd().split("\n");
  assert.deepEqual(
    cps.map((cp) => `${runeCase(cp, 0)} ${runeCase(cp, 1)} ${runeCase(cp, 2)}`),
    expected,
  );
});

test("dicts: put is persistent (every version keeps its meaning) and O(1)", () => {
  const d0 = new TclDict(new Map([["a", 1], ["b", 2]]));
  const d1 = d0.put("c", 3);
  const d2 = d1.put("a", 10);
  const d3 = d2.put("b", undefined);
  const d4 = d2.put("d", 4);
  const show = (d) => toStr(new TclList(d.flat()));
  assert.equal(show(d4), "a 10 b 2 c 3 d 4");
  assert.equal(show(d0), "a 1 b 2");
  assert.equal(show(d3), "a 10 c 3");
  assert.equal(show(d1), "a 1 b 2 c 3");
  assert.equal(show(d2), "a 10 b 2 c 3");
  assert.equal(show(d4), "a 10 b 2 c 3 d 4");
  assert.equal(show(d0), "a 1 b 2");
  assert.equal(show(d0.put("zz", undefined)), "a 1 b 2");
  let d = new TclDict(new Map());
  const t0 = performance.now();
  for (let i = 0; i < 200000; i++) d = d.put(`k${i % 1000}`, i);
  assert.equal(d.d.size, 1000);
  assert.equal(d.d.get("k7"), 199007);
  assert.ok(performance.now() - t0 < 2000);
});
