// The shared conformance cases (tests/cases/*.tcl) on the JS host, against
// tclsh 8.6's recorded answers (tests/cases/expected/*.json), as the Python
// host runs them (tests/conformance/test_conformance.py).
//
// A case starts with a line "# case: NAME" and runs in a fresh interp. Its
// outcome: code 0 with eval's result, or the TclError's code and message; and
// everything puts wrote. Cases named in tests/cases/differences.toml are
// deliberate differences: each must differ (a fixed one is noticed).

import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { TclError } from "../feather.js";
import { ROOT, newFeather } from "./helpers.js";

const CASES_DIR = join(ROOT, "tests", "cases");
const CASE_LINE = /^# case: (\S+)\s*$/;

function parseCaseFile(path, family) {
  const cases = [];
  let name = null;
  let lines = [];
  const flush = () => {
    if (name !== null) cases.push({ family, name, script: lines.join("") });
  };
  const text = readFileSync(path, "utf-8");
  // Lines with their endings, as Python's splitlines(keepends=True).
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    const m = CASE_LINE.exec(line.replace(/\r?\n$/, ""));
    if (m) {
      flush();
      name = m[1];
      lines = [];
    } else if (name !== null) lines.push(line);
  }
  flush();
  return cases;
}

/** [cases] of differences.toml: name -> reason (simple `name = "reason"` lines). */
function loadDifferences() {
  const path = join(CASES_DIR, "differences.toml");
  const out = new Map();
  if (!existsSync(path)) return out;
  let inCases = false;
  for (const raw of readFileSync(path, "utf-8").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inCases = line === "[cases]";
      continue;
    }
    if (!inCases || !line || line.startsWith("#")) continue;
    const m = /^("?)([^"=\s]+)\1\s*=\s*(.*)$/.exec(line);
    if (m) out.set(m[2], m[3].replace(/^"|"$/g, ""));
  }
  return out;
}

const files = existsSync(CASES_DIR) ? readdirSync(CASES_DIR).filter((f) => f.endsWith(".tcl")).sort() : [];
const CASES = files.flatMap((f) => parseCaseFile(join(CASES_DIR, f), f.slice(0, -4)));
const EXPECTED = new Map();
for (const family of new Set(CASES.map((c) => c.family))) {
  // FEATHER_EXPECTED_DIR: answers recorded elsewhere (e.g. before they are committed).
  const path = join(process.env.FEATHER_EXPECTED_DIR ?? join(CASES_DIR, "expected"), `${family}.json`);
  EXPECTED.set(family, existsSync(path) ? JSON.parse(readFileSync(path, "utf-8")) : {});
}
const DIFFERENCES = loadDifferences();

const out = [];
const feather = await newFeather({ write: (text) => out.push(text) });

function runCase(c) {
  out.length = 0;
  const interp = feather.create();
  let code = 0;
  let result;
  try {
    result = feather.eval(interp, c.script);
  } catch (e) {
    if (!(e instanceof TclError)) throw e;
    code = e.code;
    result = e.result;
  } finally {
    feather.destroy(interp);
  }
  return { code, result, output: out.join("") };
}

test("conformance: there are cases and recorded answers", () => {
  assert.ok(CASES.length > 0);
  for (const name of DIFFERENCES.keys()) {
    assert.ok(
      CASES.some((c) => c.name === name),
      `differences.toml names no case ${name}`,
    );
  }
});

for (const c of CASES) {
  test(`conformance: ${c.family}/${c.name}`, () => {
    const expected = EXPECTED.get(c.family)[c.name];
    assert.ok(expected !== undefined, `no recorded tclsh answer for ${c.name}: run \`nox -s oracle\``);
    const got = runCase(c);
    if (DIFFERENCES.has(c.name)) {
      assert.notDeepEqual(got, expected, `${c.name} is listed as a difference but matches tclsh`);
    } else {
      assert.deepEqual(got, expected);
    }
  });
}
