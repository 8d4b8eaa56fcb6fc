// limits.js -- limits on a running eval: time, host memory; the answer to
// feather_host_interp_poll. Twin of host/feather_tcl/limits.py.
//
// The core polls the host every 1024 poll units (one per command invoked and
// one per 64 loop iterations). Limits.poll answers it: go on, or stop with a
// message. A stop unwinds to the outermost eval of that interp; catch and try
// do not catch it (errorCode TCL LIMIT TIME or TCL LIMIT MEMORY).
//
// - Time. Each public eval (Feather.eval, call, subst) may carry a time limit
//   in seconds; its deadline is performance.now() at entry plus the limit.
//   Deadlines nest: a nested eval (a JS command calling eval, on this or
//   another interp of the Feather) never outlives the eval it runs in.
// - Memory (host side). With memoryLimit set on the Feather, one outermost
//   eval may not grow the JS heap by more than the limit (V8's used heap size,
//   measured at each poll on Node.js, after a collection when it looks over
//   the limit: see heapReader), may not hold more scratch handles than
//   limit / 8 at a poll, and no single string or list the host is asked to
//   build (a concatenation, an append, a list) may be larger than the room
//   left (strings by their length, lists at 8 bytes an element; a value
//   larger than the room measured at the last poll is refused only if it is
//   still larger after a collection, garbage being counted until then). Such
//   a value is never built: the import throws LimitExceeded, which unwinds
//   the WASM stack at once (as a trap does); the instance is replaced when
//   the outermost eval returns and every interp keeps its state.
//
// Linear memory itself is capped by creating the instance's memory with a
// lower maximum (wasm.js cappedLimits): the arena then returns NULL and the
// core raises "out of memory: the scratch arena reached the memory limit".

import { TclError } from "./errors.js";
import { TclDict, TclList } from "./values.js";

export const HANDLE_BYTES = 8; // what a scratch handle costs at least: one slot of the table
// Values from this size on are checked against the deadline too when they are
// built: a single command building a huge value (lrepeat, string repeat) polls no more.
export const BIG = 1 << 20;
// A host function building a value of more elements than this builds it in
// chunks of this many and checks the deadline between them (Limits.tick).
export const CHUNK = 1 << 16;
export const NESTING_MESSAGE = "too many nested evaluations (infinite loop?)";

// The answers of feather_host_interp_poll that stop an eval, and the errorCode
// the core then sets (as tclsh's `interp limit` gives TCL LIMIT TIME; Tcl has
// no memory limit: Feather's is TCL LIMIT MEMORY).
export const STOP_TIME = 2;
export const STOP_MEMORY = 3;
export const ERROR_CODES = { [STOP_TIME]: "TCL LIMIT TIME", [STOP_MEMORY]: "TCL LIMIT MEMORY" };
const TIME_MESSAGE_PREFIX = "time limit of ";

/** STOP_TIME or STOP_MEMORY: which limit a stop message is about. */
export function stopKind(message) {
  return message.startsWith(TIME_MESSAGE_PREFIX) ? STOP_TIME : STOP_MEMORY;
}

/** A limit crossed inside a host function (a value too large to build): the
 * eval is unwound at once. A TclError (code 1, errorCode TCL LIMIT TIME or
 * TCL LIMIT MEMORY). */
export class LimitExceeded extends TclError {
  constructor(message) {
    super(message, 1, message, ERROR_CODES[stopKind(message)]);
    this.name = "LimitExceeded";
  }
}

export function formatSeconds(seconds) {
  // Six significant digits, as Python's "%g" for usual values: 0.5 -> "0.5", 2 -> "2".
  return `${Number(seconds.toPrecision(6))} s`;
}

export function formatBytes(n) {
  if (n && n % 1048576 === 0) return `${n / 1048576} MiB`;
  if (n && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** What a value costs for the memory limit, in O(1): a string its length, a
 * list 8 bytes an element, a dict 16 an entry. */
export function valueSize(v) {
  if (typeof v === "string") return v.length;
  if (v instanceof TclList) return v.n * HANDLE_BYTES;
  if (v instanceof TclDict) return 2 * HANDLE_BYTES * v.d.size;
  return 0;
}

/** Check a time limit (seconds, or null/undefined for none). */
export function checkTimeLimit(seconds) {
  if (seconds === null || seconds === undefined) return null;
  const s = Number(seconds);
  if (!(s >= 0)) throw new RangeError("feather: timeLimit must be a number of seconds >= 0, or null");
  return s;
}

/** Check a recursion limit (an integer > 0). */
export function checkRecursionLimit(limit) {
  if (!Number.isInteger(limit) || limit <= 0 || limit >= 2 ** 31) {
    throw new RangeError("feather: recursionLimit must be an integer > 0");
  }
  return limit;
}

// ---------------------------------------------------------------- the native stack

// The engine runs WASM and JS frames on one native stack (about 984 KiB by
// default on Node.js), smaller than what the core's own nesting bounds need:
// deeply nested, the core asks the host at each level whether the stack has
// room (host.h, feather_host_interp_poll with FEATHER_POLL_STACK), and the
// host answers by probing it: a plain recursion of large frames, about
// STACK_MARGIN of the stack measured once at load. When the probe
// overflows (a RangeError, caught at once), the core raises Tcl's nesting
// error instead of trapping on the next levels.
export const POLL_STACK = 1; // FEATHER_POLL_STACK
export const POLL_NO_STACK = 4; // FEATHER_POLL_NO_STACK
const STACK_MARGIN = 1 / 16; // of the whole stack, measured in probe frames
// The probe's frames are large (64 parameters, all passed: about 12 times the
// stack of a one-parameter frame), so that a probe is a few dozen calls rather
// than a thousand. The margin is never less than MIN_SMALL_FRAMES frames of a
// one-parameter function (converted to probe frames by measuring both at load).
const MIN_SMALL_FRAMES = 1000;
let probeCount = 0;
function probeDown(
  n,
  a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15,
  a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31,
  a32, a33, a34, a35, a36, a37, a38, a39, a40, a41, a42, a43, a44, a45, a46, a47,
  a48, a49, a50, a51, a52, a53, a54, a55, a56, a57, a58, a59, a60, a61, a62, a63,
) {
  probeCount++;
  if (n > 0) {
    probeDown(
      n - 1,
      a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15,
      a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31,
      a32, a33, a34, a35, a36, a37, a38, a39, a40, a41, a42, a43, a44, a45, a46, a47,
      a48, a49, a50, a51, a52, a53, a54, a55, a56, a57, a58, a59, a60, a61, a62, a63,
    );
  }
}

function probeSmall(n) {
  probeCount++;
  if (n > 0) probeSmall(n - 1);
}

/** How many frames of probe fit on the stack from here. */
function stackFrames(probe) {
  probeCount = 0;
  try {
    probe(Infinity);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return probeCount;
}

let probeFrames = 0;

/** Whether the native stack has room for STACK_MARGIN more (the first call
 * measures the stack: it runs at a shallow depth, when a Feather is made). */
export function stackRoom() {
  if (probeFrames === 0) {
    const frames = stackFrames(probeDown);
    const small = stackFrames(probeSmall);
    const floor = Math.ceil((MIN_SMALL_FRAMES * frames) / Math.max(1, small));
    probeFrames = Math.max(1, floor, Math.floor(frames * STACK_MARGIN));
  }
  try {
    probeDown(probeFrames);
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

/** The JS heap on Node.js, or null where there is no measure (browsers):
 * {used: () => bytes in use (V8's used heap size, garbage included),
 *  collect: () => run a full garbage collection now, if possible}.
 *
 * The used size counts garbage not yet collected, so a loop making and
 * dropping large strings can look larger than it is: when it crosses the
 * limit, collect() runs V8's collector once and the heap is measured again.
 * The collector comes from V8's --expose-gc flag, set the first time it is
 * needed (it exposes gc() in vm contexts made afterwards, not in the main one). */
export async function heapReader() {
  const isNode = typeof process !== "undefined" && process.versions?.node != null;
  if (!isNode) return null;
  try {
    const v8 = await import("node:v8");
    const vm = await import("node:vm");
    let gc = typeof globalThis.gc === "function" ? globalThis.gc : null;
    return {
      used: () => v8.getHeapStatistics().used_heap_size,
      collect: () => {
        if (gc === null) {
          v8.setFlagsFromString("--expose-gc");
          gc = vm.runInNewContext("gc");
        }
        gc();
      },
    };
  } catch {
    return null;
  }
}

/** The limits in force on one runtime (its WASM instance and scratch table). */
export class Limits {
  constructor(rt, memoryLimit, heap = null) {
    this.rt = rt;
    this.memoryLimit = memoryLimit ?? null;
    this.heap = heap; // heapReader(): {used, collect}, or null
    // Time: the earliest deadline (performance.now() ms) of the evals running.
    this.deadline = Infinity;
    this.deadlineMessage = "";
    // A stop decided by a host function: every poll repeats it until the
    // outermost eval returns, so that nothing swallows it.
    this.stop = null;
    // Memory, measured from the start of the outermost eval.
    this.room = this.memoryLimit ?? Infinity;
    this.heap0 = 0;
    this.memoryMessage = this.memoryLimit ? `memory limit of ${formatBytes(this.memoryLimit)} exceeded` : "";
    rt.imports.checking = this.memoryLimit !== null;
  }

  /** An eval begins with this time limit (null: none of its own); returns
   * what leave() restores. */
  enter(seconds) {
    const saved = [this.deadline, this.deadlineMessage];
    if (this.rt.depth === 0) {
      this.stop = null;
      if (this.memoryLimit !== null) {
        this.heap0 = this.heap !== null ? this.heap.used() : 0;
        this.room = this.memoryLimit;
      }
    }
    if (seconds !== null) {
      const deadline = performance.now() + seconds * 1000;
      if (deadline < this.deadline) {
        this.deadline = deadline;
        this.deadlineMessage = `${TIME_MESSAGE_PREFIX}${formatSeconds(seconds)} exceeded`;
        this.rt.imports.checking = true;
      }
    }
    return saved;
  }

  leave(saved) {
    [this.deadline, this.deadlineMessage] = saved;
    this.rt.imports.checking = this.memoryLimit !== null || this.deadline !== Infinity;
    if (this.rt.depth === 0) this.stop = null;
  }

  /** The core asks whether it may go on: null, or the message to stop with. */
  poll() {
    if (this.stop !== null) return this.stop;
    if (this.deadline !== Infinity && performance.now() >= this.deadline) return this.deadlineMessage;
    const limit = this.memoryLimit;
    if (limit !== null) {
      if (this.rt.scratch.size * HANDLE_BYTES > limit) return this.memoryMessage;
      if (this.heap !== null) {
        let grown = this.heap.used() - this.heap0;
        if (grown > limit) {
          // Garbage counts until it is collected: collect, then measure again.
          grown = this.collect();
          if (grown > limit) return this.memoryMessage;
        }
        this.room = limit - Math.max(0, grown);
      }
    }
    return null;
  }

  /** Run a full garbage collection and measure the heap again: the growth
   * since the outermost eval began, live data only. Sets the room left. */
  collect() {
    this.heap.collect();
    const grown = this.heap.used() - this.heap0;
    this.room = this.memoryLimit - Math.max(0, grown);
    return grown;
  }

  /** A host function is about to build a value of `size` bytes: refuse it
   * when it is larger than the memory left, or large and past the deadline.
   * Called only while imports.checking. */
  check(size) {
    if (size > this.room) {
      // The room was measured at the last poll, garbage included (V8 collects
      // when it sees fit, later on a loaded machine): a value is refused only
      // if it is still larger than the room once the garbage is collected.
      if (this.heap !== null && this.memoryLimit !== null) this.collect();
      if (size > this.room) this.refuse(this.memoryMessage);
    }
    if (size >= BIG && this.deadline !== Infinity && performance.now() >= this.deadline) {
      this.refuse(this.deadlineMessage);
    }
  }

  /** A host function building a huge value checks the deadline between
   * chunks of it (CHUNK elements). Called only while imports.checking. */
  tick() {
    if (this.deadline !== Infinity && performance.now() >= this.deadline) this.refuse(this.deadlineMessage);
  }

  /** Stop the eval from inside a host function: later polls say so too, and
   * LimitExceeded unwinds the WASM stack now. */
  refuse(message) {
    this.stop = message;
    throw new LimitExceeded(message);
  }
}
