// feather.js -- the public API of the JavaScript host: createFeather() and
// what it returns. An ES module for Node.js >= 18 and browsers, no build step.
// Twin of host/feather_tcl/interp.py (and host_imports.py: providedImports).
//
//   import { createFeather } from "./feather.js";
//   const feather = await createFeather("./feather.wasm");
//   const interp = feather.create();
//   feather.eval(interp, "set x [expr {6*7}]"); // "42"
//
// Layout (each file has a twin in host/feather_tcl/):
//   values.js   object store: values, scratch handles, list/double formatting
//   state.js    interpreter state: namespaces, frames, variables, commands, traces
//   imports.js  the import table: every feather_host_* function of src/host.h
//   wasm.js     loading the module, its memory, views on linear memory
//   runtime.js  one instance shared by interps: eval depth, reset, trap recovery
//   commands.js puts
//   errors.js   TclError

import { clock, makePuts } from "./commands.js";
import { TclError } from "./errors.js";
import { PREFIX, SIGNATURES } from "./imports.js";
import { checkRecursionLimit, checkTimeLimit, stackRoom } from "./limits.js";
import { Runtime } from "./runtime.js";
import { TCL_ERROR, TCL_OK } from "./state.js";
import { TclDict, TclDouble, TclList, fromJs, toStr } from "./values.js";
import { cappedLimits, loadModule } from "./wasm.js";

export { TclError, TclDict, TclDouble, TclList };

export const PARSE_COMPLETE = 0;
export const PARSE_INCOMPLETE = 1;
export const PARSE_ERROR = 2;

const PARSE_NAMES = ["complete", "incomplete", "error"];

const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

/** Every feather_host_* import this host provides: name -> [param count,
 * result count] (read by `python -m toolchain inspect`; loads no module). */
export function providedImports() {
  const out = {};
  for (const [name, [params, result]] of Object.entries(SIGNATURES)) {
    out[PREFIX + name] = [params.length, result === null ? 0 : 1];
  }
  return out;
}

/** The default writer for puts: process.stdout / process.stderr on Node.js,
 * console.log / console.error (one call per line) elsewhere. */
export function defaultWriter() {
  if (isNode) {
    return (text, channel) => (channel === "stderr" ? process.stderr : process.stdout).write(text);
  }
  const pending = { stdout: "", stderr: "" };
  return (text, channel) => {
    const key = channel === "stderr" ? "stderr" : "stdout";
    const lines = (pending[key] + text).split("\n");
    pending[key] = lines.pop();
    for (const line of lines) (key === "stderr" ? console.error : console.log)(line);
  };
}

/** Load feather.wasm (a path, URL, bytes, Response or compiled
 * WebAssembly.Module; default: feather.wasm beside this file) and return a
 * Feather: one WASM instance on which interpreters are created.
 * options.write: the default writer for puts, (text, channel) => void.
 * options.memoryLimit: bytes; linear memory is created with that maximum and
 * the host side of each outermost eval is held to it (limits.js). */
export async function createFeather(wasmSource, options = {}) {
  const { module, limits } = await loadModule(wasmSource);
  stackRoom(); // measures the native stack once, from a shallow depth (limits.js)
  const memoryLimit = options.memoryLimit ?? null;
  const rt = await Runtime.create(module, cappedLimits(limits, memoryLimit), memoryLimit);
  return new Feather(rt, options);
}

/** Interpreters on one WASM instance, addressed by numeric ids. Not re-entrant
 * across threads (there are none); nested calls from commands are fine. */
export class Feather {
  constructor(rt, options = {}) {
    this.runtime = rt;
    this.write = options.write ?? null;
  }

  core(id) {
    const core = this.runtime.interps[id];
    if (core == null) throw new Error(`feather: no interpreter ${id}`);
    return core;
  }

  /** A new interpreter; returns its id. options.write: writer for puts;
   * options.recursionLimit: nesting limit (default 1000); options.timeLimit:
   * seconds each eval, call or subst may run (default: none). */
  create(options = {}) {
    const write = options.write ?? this.write ?? defaultWriter();
    const recursionLimit = checkRecursionLimit(options.recursionLimit ?? 1000);
    const timeLimit = checkTimeLimit(options.timeLimit);
    const core = this.runtime.addInterp(write, recursionLimit, timeLimit);
    core.addCommand("puts", makePuts((text, channel) => core.write(text, channel)));
    core.addCommand("clock", clock);
    return core.id;
  }

  /** Change where puts writes for interp id. */
  setWriter(id, write) {
    this.core(id).write = write;
  }

  /** Make fn a Tcl command of interp id. fn(args, info) receives the
   * arguments (after the command name) as strings and may return undefined,
   * a string, number, bigint, boolean ("1"/"0"), array (a Tcl list) or plain
   * object / Map (a dict); an exception becomes a Tcl error carrying its
   * message, and a TclError its own code and result (new TclError("", 3) is
   * a break). info: {interp, name} (the command word as invoked). */
  register(id, name, fn) {
    const core = this.core(id);
    core.addCommand(name, (argv) => {
      const args = new Array(argv.length - 1);
      for (let k = 1; k < argv.length; k++) args[k - 1] = toStr(argv[k]);
      return [TCL_OK, fromJs(fn(args, { interp: id, name: toStr(argv[0]) }))];
    });
  }

  /** Evaluate a script; returns its result. Throws TclError on error. May be
   * called from inside a command (a nested eval: memory is not reset).
   * options.timeLimit: seconds, for this call instead of the interp's. */
  eval(id, script, options = {}) {
    const core = this.core(id);
    const [code, result] = this.limited(core, options.timeLimit, () => this.runtime.evalScript(core, String(script)));
    return finish(core, code, result);
  }

  /** Invoke one command with these words, without substitution. */
  call(id, cmd, ...args) {
    const core = this.core(id);
    const [code, result] = this.limited(core, undefined, () => this.runtime.command(core, [cmd, ...args]));
    return finish(core, code, result);
  }

  /** Run an eval under the limits (limits.js): the interp's time limit, or
   * timeLimit (seconds) when given. */
  limited(core, timeLimit, run) {
    const limiter = this.runtime.limiter;
    const seconds = timeLimit === undefined || timeLimit === null ? core.timeLimit : checkTimeLimit(timeLimit);
    const saved = limiter.enter(seconds);
    try {
      return run();
    } finally {
      limiter.leave(saved);
    }
  }

  /** The limits of interp id: {timeLimit, recursionLimit, memoryLimit}
   * (seconds, nesting depth, bytes; null: none). */
  limits(id) {
    const core = this.core(id);
    return { timeLimit: core.timeLimit, recursionLimit: core.limit, memoryLimit: this.runtime.memoryLimit };
  }

  /** Change the limits of interp id: options.timeLimit (seconds, null: none),
   * options.recursionLimit (read by the core when an outermost eval begins).
   * The memory limit is the Feather's (createFeather's memoryLimit). */
  setLimits(id, options = {}) {
    const core = this.core(id);
    if ("recursionLimit" in options) core.limit = checkRecursionLimit(options.recursionLimit);
    if ("timeLimit" in options) core.timeLimit = checkTimeLimit(options.timeLimit);
  }

  /** The memory limit of this Feather in bytes (null: none). */
  get memoryLimit() {
    return this.runtime.memoryLimit;
  }

  /** Substitute variables, commands and backslashes in text (as `subst`);
   * flags: 1 no backslashes, 2 no variables, 4 no commands. */
  subst(id, text, flags = 0) {
    const core = this.core(id);
    const [code, result] = this.limited(core, undefined, () => this.runtime.subst(core, String(text), flags));
    return finish(core, code, result);
  }

  /** Whether script is complete: {status: "complete" | "incomplete" |
   * "error", code: 0 | 1 | 2, message} (for a REPL's continuation lines). */
  parseStatus(id, script) {
    const core = this.core(id);
    const [code, result] = this.runtime.parseStatus(core, String(script));
    return { status: PARSE_NAMES[code] ?? "error", code, message: toStr(result) };
  }

  /** Scratch and persistent memory, and host crossings, for diagnostics: the
   * fields of Python's Interp.memory_stats() in camelCase, with the same
   * meaning. Per interp: namespaceCount, procCount. The others belong to the
   * runtime (the instance and its handle table) and so are shared by every
   * interp of this Feather: a handle lives until the outermost eval on the
   * instance returns; hostCalls counts every crossing made on the runtime. */
  memoryStats(id) {
    const core = this.core(id);
    const rt = this.runtime;
    return {
      scratchHandles: rt.scratch.size,
      scratchHighWater: Math.max(rt.scratch.highWater, rt.scratch.size),
      wasmArenaUsed: rt.arena("feather_arena_used"),
      wasmArenaHighWater: rt.arena("feather_arena_high_water"),
      wasmArenaCapacity: rt.arena("feather_arena_capacity"),
      wasmMemoryBytes: rt.inst.memoryBytes,
      namespaceCount: core.state.namespaces.size,
      procCount: core.state.procCount(),
      evalDepth: rt.depth,
      hostCalls: rt.imports.calls,
      instances: rt.instances,
    };
  }

  /** Reset the WASM arena and the scratch handles now. Throws while an eval
   * is running on this instance. */
  forceReset(id) {
    this.core(id);
    this.runtime.forceReset();
  }

  /** Forget interpreter id (its state is dropped). Throws during an eval. */
  destroy(id) {
    const core = this.core(id);
    if (this.runtime.depth > 0) throw new Error("feather: cannot destroy an interpreter while an eval is running");
    this.runtime.removeInterp(core);
  }

  /** Host crossings on this runtime so far (every interp; memoryStats' hostCalls). */
  get hostCalls() {
    return this.runtime.imports.calls;
  }
}

function finish(core, code, result) {
  const text = toStr(result);
  if (code === TCL_OK) return text;
  if (code === TCL_ERROR) {
    const errorCode = core.errorCode ?? core.globalValue("errorCode");
    core.errorCode = undefined;
    if (errorCode !== core.globalValue("errorCode")) throw new TclError(text, code, text, errorCode);
    throw new TclError(text, code, core.globalValue("errorInfo"), errorCode || "NONE");
  }
  throw new TclError(text, code);
}
