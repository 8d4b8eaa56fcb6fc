#!/usr/bin/env node
// cli.js -- the `feather` command on Node.js: run a script file, a -e script,
// stdin, or a REPL. Twin of host/feather_tcl/cli.py.
//
//   node cli.js                     a REPL on a terminal; otherwise stdin is one script
//   node cli.js -i                  a REPL even when stdin is not a terminal
//   node cli.js FILE [ARG ...]      run FILE with argv, argc and argv0 set as tclsh does
//   node cli.js -e SCRIPT [ARG ...] evaluate SCRIPT and print its result (-c: the same)
//
// The REPL reads continuation lines while the input is incomplete (the core's
// parse status: an unclosed brace, quote or bracket), prints non-empty
// results, prints errors without ending the session, and keeps a history
// (up/down arrows; saved in ~/.feather_history, or $FEATHER_HISTORY; set it
// empty to keep none). Lines the REPL itself answers: `.stats` prints the
// memory statistics as JSON, `.help` lists these. $FEATHER_WASM names another
// build of the module (default: feather.wasm beside this file).

import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import * as readline from "node:readline";
import { pathToFileURL } from "node:url";

import { TclError, TclList, createFeather } from "./feather.js";

export const PROMPT = "% ";
export const PROMPT2 = "> ";

const USAGE = `usage: feather [-i] [-e SCRIPT | FILE] [ARG ...]
  (no FILE, no -e)  a REPL on a terminal (or with -i); otherwise stdin is one script
  FILE [ARG ...]    run FILE with argv, argc and argv0 set
  -e SCRIPT         evaluate SCRIPT and print its result (also -c)
  -i                a REPL even when stdin is not a terminal
`;

const REPL_HELP = `.stats   memory statistics (JSON)
.help    this list
Tcl commands are evaluated; a line with an unclosed brace, quote or bracket
continues on the next line. exit (or end of input) leaves.
`;

function historyPath() {
  const env = process.env.FEATHER_HISTORY;
  if (env !== undefined) return env || null;
  try {
    return join(homedir(), ".feather_history");
  } catch {
    return null;
  }
}

/** An interp with exit, argv0, argv, argc and tcl_interactive, as tclsh has. */
export async function makeInterp(argv0, args, interactive, wasm = process.env.FEATHER_WASM || undefined) {
  const feather = await createFeather(wasm);
  const interp = feather.create();
  feather.register(interp, "exit", (argv) => {
    if (argv.length > 1) throw new Error('wrong # args: should be "exit ?returnCode?"');
    const text = argv.length ? argv[0] : "0";
    const status = /^\s*[-+]?(0x[0-9a-f]+|\d+)\s*$/i.test(text) ? Number(text.trim()) : NaN;
    if (!Number.isInteger(status)) throw new Error(`expected integer but got "${text}"`);
    process.exit(status & 0xff);
  });
  feather.call(interp, "set", "::argv0", argv0);
  feather.call(interp, "set", "::argv", new TclList(args));
  feather.call(interp, "set", "::argc", args.length);
  feather.call(interp, "set", "::tcl_interactive", interactive ? 1 : 0);
  return { feather, interp };
}

/** Evaluate a whole script: errors print errorInfo on stderr (exit status 1). */
export function runScript(feather, interp, script, printResult = false) {
  let result;
  try {
    result = feather.eval(interp, script);
  } catch (e) {
    if (!(e instanceof TclError)) throw e;
    process.stderr.write((e.errorInfo || e.result) + "\n");
    return 1;
  }
  if (printResult && result) process.stdout.write(result + "\n");
  return 0;
}

/** The REPL over input/output; resolves with the exit status at end of input. */
export function repl(feather, interp, { input = process.stdin, output = process.stdout, terminal } = {}) {
  const isTerminal = terminal ?? Boolean(input.isTTY && output.isTTY);
  const path = isTerminal ? historyPath() : null;
  let history = [];
  if (path) {
    try {
      history = readFileSync(path, "utf-8").split("\n").filter(Boolean).reverse().slice(0, 1000);
    } catch {
      history = [];
    }
  }
  const rl = readline.createInterface({
    input,
    output,
    terminal: isTerminal,
    history,
    historySize: 1000,
    removeHistoryDuplicates: true,
    prompt: PROMPT,
  });
  const errors = isTerminal ? process.stderr : output;
  const red = isTerminal && process.stderr.isTTY ? (s) => `\x1b[31m${s}\x1b[0m` : (s) => s;
  let buffer = null;

  const saveHistory = () => {
    if (!path) return;
    try {
      writeFileSync(path, [...rl.history].reverse().join("\n") + "\n");
    } catch {
      // no history file: not an error
    }
  };
  process.on("exit", saveHistory);

  const handle = (script) => {
    const trimmed = script.trim();
    if (trimmed === ".stats") {
      output.write(JSON.stringify(feather.memoryStats(interp)) + "\n");
      return;
    }
    if (trimmed === ".help") {
      output.write(REPL_HELP);
      return;
    }
    if (!trimmed) return;
    let result;
    try {
      result = feather.eval(interp, script);
    } catch (e) {
      if (!(e instanceof TclError)) throw e;
      errors.write(red(e.result) + "\n");
      return;
    }
    if (result) output.write(result + "\n");
  };

  return new Promise((resolve) => {
    rl.on("line", (line) => {
      buffer = buffer === null ? line : buffer + "\n" + line;
      if (feather.parseStatus(interp, buffer + "\n").status === "incomplete") {
        rl.setPrompt(PROMPT2);
        rl.prompt();
        return;
      }
      const script = buffer;
      buffer = null;
      handle(script);
      rl.setPrompt(PROMPT);
      rl.prompt();
    });
    rl.on("SIGINT", () => {
      // Ctrl-C: drop a pending multi-line command, or leave on an empty line.
      if (buffer !== null || rl.line) {
        buffer = null;
        output.write("\n");
        rl.setPrompt(PROMPT);
        rl.prompt();
      } else rl.close();
    });
    rl.on("close", () => {
      if (buffer !== null) handle(buffer);
      if (isTerminal) output.write("\n");
      saveHistory();
      process.off("exit", saveHistory);
      resolve(0);
    });
    rl.prompt();
  });
}

function readStdin() {
  return readFileSync(0, "utf-8");
}

export async function main(argv = process.argv.slice(2)) {
  let command = null;
  let interactive = false;
  let k = 0;
  for (; k < argv.length; k++) {
    const a = argv[k];
    if (a === "-e" || a === "-c") {
      if (k + 1 >= argv.length) {
        process.stderr.write(USAGE);
        return 2;
      }
      command = argv[++k];
      k++;
      break;
    } else if (a === "-i") interactive = true;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === "--") {
      k++;
      break;
    } else break;
  }
  const rest = argv.slice(k);
  if (command !== null) {
    const { feather, interp } = await makeInterp("feather", rest, false);
    return runScript(feather, interp, command, true);
  }
  if (rest.length && !interactive) {
    const file = rest[0];
    let script;
    try {
      script = readFileSync(file, "utf-8");
    } catch (e) {
      process.stderr.write(`couldn't read file "${file}": ${e.code === "ENOENT" ? "no such file or directory" : e.message}\n`);
      return 1;
    }
    const { feather, interp } = await makeInterp(file, rest.slice(1), false);
    return runScript(feather, interp, script);
  }
  if (interactive || process.stdin.isTTY) {
    const { feather, interp } = await makeInterp("feather", rest, true);
    return repl(feather, interp);
  }
  const { feather, interp } = await makeInterp("feather", [], false);
  return runScript(feather, interp, readStdin());
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMain()) {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (e) => {
      process.stderr.write(`feather: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 70;
    },
  );
}
