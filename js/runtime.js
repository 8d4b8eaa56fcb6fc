// runtime.js -- a WASM instance and what its interpreters share: scratch
// handles, eval depth. Twin of host/feather_tcl/runtime.py.
//
// Several interpreters share one instance. The scratch arena of the instance
// (linear memory) and the handle table belong to the instance, so the eval
// depth is counted here: only when the outermost eval on the instance returns
// are feather_arena_reset() and the scratch reset run, in a `finally`,
// whatever happened (TCL_ERROR, a JS exception, a trap). Nested evals (trace
// scripts, JS commands calling eval, possibly on another interp) never reset.
//
// An exception that leaves an export call (a trap, or a host function that
// threw) has unwound WASM frames and left the core's static state (its own
// entry depth, saved interp states) inconsistent, so the instance is then
// replaced by a fresh instance of the same compiled module when the depth
// returns to 0. All interpreter state lives in the host, so every interp keeps
// its variables, procs and namespaces.

import * as st from "./state.js";
import { HostTrap, TclError } from "./errors.js";
import { Imports } from "./imports.js";
import { Limits, heapReader } from "./limits.js";
import { Instance } from "./wasm.js";
import { Scratch, TclList, encode, fromJs, toStr } from "./values.js";

/** Host-side state of one interpreter: its Tcl state, embedder commands, the
 * result of its last eval and its output writer. */
export class InterpCore {
  constructor(rt, id, write, limit, timeLimit = null) {
    this.rt = rt;
    this.id = id;
    this.timeLimit = timeLimit; // seconds each public eval may run (null: no limit)
    this.state = new st.State((script) => rt.evalScript(this, script));
    this.state.commandsChanged = () => rt.bumpEpoch();
    this.commands = []; // host command id -> (argv values) => [code, result]
    this.result = null;
    this.limit = limit;
    this.write = write; // (text, channel) => void
    this.closed = false;
  }

  /** Define (or replace) an embedder command named name (kind HOST). */
  addCommand(name, fn) {
    this.commands.push(fn);
    this.state.define(name, st.CMD_HOST, this.commands.length - 1, null, null);
  }

  /** Run embedder command id. A JS exception becomes a Tcl error with its
   * message; after a trap (the runtime is poisoned) it unwinds the whole eval. */
  invoke(id, args) {
    const fn = this.commands[id];
    if (fn === undefined) return [st.TCL_ERROR, `invalid command id ${id}`];
    try {
      return fn(args);
    } catch (e) {
      if (this.rt.poisoned) throw e;
      // A nested eval's error, or a chosen code (new TclError("", 3) is a break).
      if (e instanceof TclError) return [e.code, e.result];
      return [st.TCL_ERROR, e instanceof Error ? e.message : String(e)];
    }
  }

  globalValue(name) {
    const v = this.state.globalNs.vars.get(name);
    if (v === undefined || v.value === null) return "";
    return toStr(v.value);
  }
}

/** One WASM instance shared by interpreters. */
export class Runtime {
  /** Use Runtime.create (the first instance is made asynchronously).
   * limits: the memory's {initial, maximum} in pages; memoryLimit: bytes
   * (limits.js) or null; heap: () => bytes of JS heap in use, or null. */
  constructor(module, limits, memoryLimit = null, heap = null) {
    this.module = module;
    this.limits = limits;
    this.memoryLimit = memoryLimit;
    this.scratch = new Scratch();
    this.interps = []; // interp id -> InterpCore (id 0 unused)
    this.interps.push(null);
    this.depth = 0;
    this.poisoned = false;
    this.instances = 1; // instances made so far (a trap makes a new one)
    this.imports = new Imports(this);
    // Time and host-memory limits of the evals on this instance (limits.js).
    this.limiter = this.imports.limiter = new Limits(this, memoryLimit, heap);
    this.env = this.imports.table();
    this.inst = null;
  }

  static async create(module, limits, memoryLimit = null) {
    const heap = memoryLimit !== null ? await heapReader() : null;
    const rt = new Runtime(module, limits, memoryLimit, heap);
    rt.inst = rt.imports.inst = await Instance.create(module, limits, rt.env);
    return rt;
  }

  /** Tell the core that command lookups may answer differently now: it
   * drops the lookups it cached (feather_epoch_ptr in feather.h). */
  bumpEpoch() {
    if (this.inst === null) return;
    const u32 = this.inst.mem().u32;
    const k = this.inst.exports.feather_epoch_ptr() >>> 2;
    u32[k] = (u32[k] + 1) >>> 0;
  }

  /** The instance, its memory views current. */
  mem() {
    return this.inst.mem();
  }

  // ------------------------------------------------------------ interps

  core(id) {
    const core = this.interps[id];
    if (core != null) return core;
    throw new Error(`feather: no interp ${id} in this runtime`);
  }

  addInterp(write, limit, timeLimit = null) {
    const id = this.interps.length;
    const core = new InterpCore(this, id, write, limit, timeLimit);
    this.interps.push(core);
    this.run(core, () => this.inst.exports.feather_interp_init(0, id));
    return core;
  }

  removeInterp(core) {
    if (this.interps[core.id] === core) {
      this.interps[core.id] = null;
      core.closed = true;
    }
  }

  // ------------------------------------------------------------ entry

  /** Enter the instance, make one export call for core, leave: returns
   * [code, result]. At depth 0 the arena and the scratch handles are reset
   * afterwards, whatever happened. Lifetime: every handle and arena pointer
   * made during the call dies at that reset; the result is a value (never a
   * handle), and core's pending result is saved around nested calls. */
  run(core, call) {
    const saved = core.result;
    core.result = null;
    this.depth++;
    try {
      const code = call();
      return [code, core.result ?? ""];
    } catch (e) {
      // An exception left the export call: WASM frames were unwound, so the
      // core's own state is inconsistent, as after a trap.
      this.poisoned = true;
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) throw new HostTrap(e.message);
      throw e;
    } finally {
      core.result = saved;
      this.depth--;
      if (this.depth === 0) this.reset();
    }
  }

  /** The reset after the outermost eval (depth 0 only): scratch handles,
   * frames above the global one and the arena die here; persistent state
   * (variables, procs, namespaces, traces) is untouched. A poisoned instance
   * is replaced instead of reset. */
  reset() {
    this.scratch.reset();
    this.imports.lastStr = null; // a long string kept for string_get's second call
    this.imports.lastBytes = null;
    for (const core of this.interps) if (core != null) core.state.resetFrames();
    if (this.poisoned) {
      // Cleared only once the new instance is in place: should making it fail
      // (no stack left), the next outermost eval tries again.
      this.inst = this.imports.inst = new Instance(this.module, this.limits, this.env);
      this.instances++;
      this.poisoned = false;
    } else {
      this.inst.exports.feather_arena_reset();
    }
  }

  /** Copy a script into the scratch arena: its pointer, or 0 when the arena
   * cannot hold it (the result then says so). Lifetime: valid until the
   * outermost eval returns; call it only inside run. */
  script(core, bytes) {
    const ptr = this.inst.exports.feather_arena_alloc(bytes.length || 1) >>> 0;
    if (ptr === 0) {
      core.result = "out of memory: the scratch arena cannot hold the script";
      core.errorCode = "TCL LIMIT MEMORY"; // the core never ran: no ::errorCode of its own
    }
    else this.mem().u8.set(bytes, ptr);
    return ptr;
  }

  evalScript(core, text) {
    const bytes = encode(text);
    return this.run(core, () => {
      const ptr = this.script(core, bytes);
      if (ptr === 0) return st.TCL_ERROR;
      return this.inst.exports.feather_script_eval(0, core.id, ptr, bytes.length, 0);
    });
  }

  command(core, words) {
    const value = new TclList(words.map(fromJs));
    return this.run(core, () => this.inst.exports.feather_command_exec(0, core.id, this.scratch.new(value), 0));
  }

  subst(core, text, flags) {
    return this.run(core, () => this.inst.exports.feather_subst(0, core.id, this.scratch.new(text), flags));
  }

  parseStatus(core, text) {
    const bytes = encode(text);
    return this.run(core, () => {
      const ptr = this.script(core, bytes);
      if (ptr === 0) return 2;
      return this.inst.exports.feather_parse_status(0, core.id, ptr, bytes.length);
    });
  }

  forceReset() {
    if (this.depth > 0) throw new Error("feather: cannot reset while an eval is running");
    this.reset();
  }

  // ------------------------------------------------------------ diagnostics

  arena(name) {
    return this.inst.exports[name]() >>> 0;
  }
}
