// cli.js: -e, a script file with arguments, stdin as a script, the REPL over a
// pipe (-i) and through a pseudo-terminal (js/test/repl_pty.py).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { JS_DIR } from "./helpers.js";

const CLI = join(JS_DIR, "cli.js");

function run(args, input = "") {
  const done = spawnSync(process.execPath, [CLI, ...args], {
    input,
    env: { ...process.env, FEATHER_HISTORY: "" },
    timeout: 120000,
  });
  return { status: done.status, stdout: done.stdout.toString(), stderr: done.stderr.toString() };
}

test("cli: -e prints the result; an error prints errorInfo and exits 1", () => {
  assert.deepEqual(run(["-e", "set x {a b}"]), { status: 0, stdout: "a b\n", stderr: "" });
  assert.deepEqual(run(["-c", "set x 1; set y"]).status, 1);
  const bad = run(["-e", "proc f {} {nosuch}; f"]);
  assert.equal(bad.status, 1);
  assert.equal(
    bad.stderr,
    'invalid command name "nosuch"\n    while executing\n"nosuch"\n    (procedure "f" line 1)\n    invoked from within\n"f"\n',
  );
});

test("cli: a script file gets argv0, argv and argc; exit sets the status", () => {
  const dir = mkdtempSync(join(tmpdir(), "feather-cli-"));
  const file = join(dir, "s.tcl");
  writeFileSync(file, 'puts "$argv0|$argc|$argv"\nputs [set tcl_interactive]\nexit 3\nputs never\n');
  assert.deepEqual(run([file, "a", "b c"]), { status: 3, stdout: `${file}|2|a {b c}\n0\n`, stderr: "" });
  const missing = run([join(dir, "none.tcl")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /couldn't read file ".*none.tcl": no such file or directory/);
  assert.equal(run(["-e", "exit 1 2"]).status, 1);
});

test("cli: stdin that is not a terminal is one script", () => {
  assert.deepEqual(run([], "puts hi\nset y 2\n"), { status: 0, stdout: "hi\n", stderr: "" });
});

test("cli: the REPL over a pipe (-i): continuation lines, errors, .stats, results", () => {
  const input = "set x 1\nproc f {} {\nreturn ok\n}\nf\nnosuch\nputs [set x]\n\n.stats\nset s {open\nbrace}\n";
  const r = run(["-i"], input);
  assert.equal(r.status, 0);
  const lines = r.stdout.split("\n");
  assert.equal(lines[0], "% 1");
  assert.equal(lines[1], "% > > % ok");
  assert.equal(lines[2], '% invalid command name "nosuch"');
  assert.equal(lines[3], "% 1");
  const stats = JSON.parse(lines[4].replace(/^(% )+/, ""));
  assert.equal(stats.scratchHandles, 0);
  assert.equal(stats.wasmArenaUsed, 0);
  assert.equal(lines[5], "% > open");
  assert.equal(lines[6], "brace");
});

const havePython = spawnSync("python3", ["-c", "import pty"]).status === 0;

test("cli: 10,000 commands through a pseudo-terminal: memory stable, latency flat", (t) => {
  if (!havePython) return t.skip("python3 with pty is needed to drive a pseudo-terminal");
  const done = spawnSync("python3", [join(JS_DIR, "test", "repl_pty.py"), "10000"], { timeout: 300000 });
  const out = done.stdout.toString();
  assert.equal(done.status, 0, out + done.stderr.toString());
  const report = JSON.parse(out);
  assert.equal(report.commands, 10000);
  assert.equal(report.stats_end.scratchHandles, 0);
  assert.equal(report.stats_end.wasmMemoryBytes, report.stats_100.wasmMemoryBytes);
  assert.ok(report.median_last_ms <= 2 * report.median_first_ms, JSON.stringify(report));
});
