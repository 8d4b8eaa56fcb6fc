// Types for feather.js: Feather, an embeddable sandboxed Tcl interpreter (a C
// core compiled to WebAssembly) for Node.js >= 18 and browsers.

/** Where puts writes: text (newline included) and the channel named. */
export type Writer = (text: string, channel: "stdout" | "stderr") => void;

/** What a registered command may return. Arrays become Tcl lists; plain
 * objects and Maps become dicts; booleans "1"/"0"; undefined/null "". */
export type CommandResult =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | TclValue
  | CommandResult[]
  | { [key: string]: CommandResult }
  | Map<unknown, CommandResult>;

/** A JS value passed to call(): converted as a CommandResult is. */
export type CallArg = CommandResult;

/** Information about the invocation of a registered command. */
export interface CommandInfo {
  /** The interpreter id. */
  interp: number;
  /** The command word as invoked. */
  name: string;
}

/** A command implemented in JS: receives the arguments after the command
 * name as strings. A thrown error becomes a Tcl error with its message. */
export type CommandFn = (args: string[], info: CommandInfo) => CommandResult;

export interface FeatherOptions {
  /** Default writer for puts of every interpreter (default: process.stdout /
   * process.stderr on Node.js, console.log / console.error elsewhere). */
  write?: Writer;
  /** Bytes of memory the Feather's evals may use: linear memory is created
   * with this maximum (the arena then fails with "out of memory: the scratch
   * arena reached the memory limit"), and one outermost eval may neither grow
   * the JS heap by more (Node.js), nor hold more than memoryLimit / 8 scratch
   * handles, nor build a string or list larger than the room left: it stops
   * with TclError "memory limit of N MiB exceeded" (errorCode "TCL LIMIT").
   * Default: none. At least the module's initial memory (2 MiB). */
  memoryLimit?: number | null;
}

export interface CreateOptions {
  /** Writer for puts of this interpreter. */
  write?: Writer;
  /** Nesting limit of evaluations (Tcl's interp recursionlimit), default 1000. */
  recursionLimit?: number;
  /** Seconds each eval, call or subst may run (default: none). A runaway
   * script stops with TclError "time limit of N s exceeded" (errorCode
   * "TCL LIMIT"), which catch and try inside the script cannot catch. */
  timeLimit?: number | null;
}

export interface EvalOptions {
  /** Seconds this eval may run, instead of the interpreter's timeLimit. */
  timeLimit?: number | null;
}

/** The limits in force for an interpreter (null: none). */
export interface Limits {
  /** Seconds each eval may run. */
  timeLimit: number | null;
  /** Nesting limit (Tcl's interp recursionlimit). */
  recursionLimit: number;
  /** The Feather's memory limit in bytes. */
  memoryLimit: number | null;
}

export interface LimitOptions {
  timeLimit?: number | null;
  recursionLimit?: number;
}

export interface MemoryStats {
  /** Handles in the scratch table (0 between top-level evals). */
  scratchHandles: number;
  /** The most scratch handles held at once so far on this instance. */
  scratchHighWater: number;
  /** Bytes used in the WASM scratch arena (0 between top-level evals). */
  wasmArenaUsed: number;
  /** The largest arena use on this instance so far, in bytes (kept across resets). */
  wasmArenaHighWater: number;
  /** Bytes of linear memory above the arena's base. */
  wasmArenaCapacity: number;
  /** Size of linear memory in bytes. */
  wasmMemoryBytes: number;
  /** Namespaces of this interpreter, the global one included. */
  namespaceCount: number;
  /** Procs of this interpreter. */
  procCount: number;
  /** Evals running on this instance (0 when idle). */
  evalDepth: number;
  /** Crossings from WASM into the host on this runtime so far (every interp of it). */
  hostCalls: number;
  /** WASM instances made so far (a trap replaces the instance). */
  instances: number;
}

export interface ParseStatus {
  status: "complete" | "incomplete" | "error";
  code: 0 | 1 | 2;
  /** Tcl's message for a syntax error, else "". */
  message: string;
}

export type WasmSource = string | URL | ArrayBuffer | ArrayBufferView | Response | WebAssembly.Module;

/** Load feather.wasm (a path, URL, bytes, Response or compiled module;
 * default: feather.wasm beside feather.js) and make one WASM instance. */
export function createFeather(wasmSource?: WasmSource | null, options?: FeatherOptions): Promise<Feather>;

/** Every feather_host_* import this host provides: name -> [params, results]. */
export function providedImports(): Record<string, [number, number]>;

/** The writer puts uses when none is given. */
export function defaultWriter(): Writer;

export const PARSE_COMPLETE: 0;
export const PARSE_INCOMPLETE: 1;
export const PARSE_ERROR: 2;

/** Interpreters on one WASM instance, addressed by numeric ids. */
export class Feather {
  private constructor();
  /** A new interpreter; returns its id. */
  create(options?: CreateOptions): number;
  /** Change where puts writes for interpreter id. */
  setWriter(id: number, write: Writer): void;
  /** Make fn a Tcl command of interpreter id (replacing any command of that name). */
  register(id: number, name: string, fn: CommandFn): void;
  /** Evaluate a script; returns its result. Throws TclError on error. May be
   * called from a command (a nested eval: it never outlives the deadline of
   * the eval it runs in). */
  eval(id: number, script: string, options?: EvalOptions): string;
  /** Invoke one command with these words, without substitution. */
  call(id: number, cmd: string, ...args: CallArg[]): string;
  /** Substitute variables, commands and backslashes, as `subst` does;
   * flags: 1 no backslashes, 2 no variables, 4 no commands. */
  subst(id: number, text: string, flags?: number): string;
  /** Whether script is a complete command (for continuation lines). */
  parseStatus(id: number, script: string): ParseStatus;
  memoryStats(id: number): MemoryStats;
  /** The limits of interpreter id. */
  limits(id: number): Limits;
  /** Change the time or recursion limit of interpreter id (the recursion
   * limit is read when an outermost eval begins). */
  setLimits(id: number, options: LimitOptions): void;
  /** The memory limit of this Feather in bytes (null: none). */
  readonly memoryLimit: number | null;
  /** Reset the arena and the scratch handles now; throws during an eval. */
  forceReset(id: number): void;
  /** Forget interpreter id; throws during an eval. */
  destroy(id: number): void;
  /** Crossings from WASM into the host on this instance so far. */
  readonly hostCalls: number;
  /** The runtime (instance, scratch table, interpreters): for diagnostics and tests. */
  readonly runtime: unknown;
}

/** A Tcl script failed: message and result are the error message. */
export class TclError extends Error {
  constructor(result: string, code?: number, errorInfo?: string, errorCode?: string);
  /** The error message (the interp result). */
  result: string;
  /** The Tcl completion code: 1 for an error (3 break, 4 continue, ...). */
  code: number;
  /** The value of ::errorInfo: the message and the stack of commands. */
  errorInfo: string;
  /** The value of ::errorCode ("NONE" when none was set). */
  errorCode: string;
  /** "ok", "error", "return", "break", "continue" or the number. */
  readonly codeName: string;
}

/** Tcl values as the host keeps them (returned by commands as they are). */
export type TclValue = TclList | TclDict | TclDouble;

/** A Tcl list: the first n elements of items. */
export class TclList {
  constructor(items: unknown[], n?: number, rep?: string | null);
  items: unknown[];
  n: number;
  elements(): unknown[];
}

/** A Tcl dict: string keys in insertion order. */
export class TclDict {
  constructor(d: Map<string, unknown>, rep?: string | null);
  d: Map<string, unknown>;
}

/** A Tcl double (a number that stays a double). */
export class TclDouble {
  constructor(v: number);
  v: number;
}
