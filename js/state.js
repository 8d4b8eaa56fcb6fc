// state.js -- interpreter state: namespaces, frames, variables (arrays,
// links), commands, traces. Twin of host/feather_tcl/state.py.
//
// Everything here outlives a top-level eval except frames above the global
// frame, which hold raw handles (the words of their command) and are always
// popped before the outermost eval returns. Persistent storage holds values
// (see values.js), never handles. Variable links name their target (the
// variable table of a frame or namespace plus a name), never a handle, so a
// target that is unset and set again is still the link's target, as in Tcl.
//
// Resolution follows Tcl 8.6:
// - a qualified name (a::b, ::a::b) resolves its namespace relative to the
//   active namespace, then to the global namespace;
// - an unqualified variable name in a proc frame is a local; in a namespace
//   frame it is a variable of that namespace, or of the global namespace when
//   only that one has it (Tcl 8.6's lookup rule for `namespace eval`);
// - an unqualified command name is looked up in the active namespace, then
//   globally.

import { TclList, asList, quoteElement, toStr } from "./values.js";

// Status of variable operations (host.h FEATHER_VAR_*).
export const VAR_OK = 0;
export const VAR_NO_SUCH_VAR = 1;
export const VAR_NO_SUCH_ELEMENT = 2;
export const VAR_IS_ARRAY = 3;
export const VAR_NOT_ARRAY = 4;
export const VAR_NO_NAMESPACE = 5;
export const VAR_TRACE_ERROR = 6;
export const VAR_NOT_INT = 7;
export const VAR_NOT_LIST = 8;
export const VAR_EXISTS = 9;
export const VAR_SELF = 10;

// Kinds of command (FEATHER_CMD_*).
export const CMD_NONE = 0;
export const CMD_BUILTIN = 1;
export const CMD_PROC = 2;
export const CMD_HOST = 3;
export const CMD_ENSEMBLE = 4;

// Namespace attributes (FEATHER_NS_*).
export const NS_EXPORT = 0;
export const NS_PATH = 1;
export const NS_UNKNOWN = 2;

const IMPORT_DEPTH = 1000; // a longer chain of imports is a cycle

// Tcl completion codes.
export const TCL_OK = 0;
export const TCL_ERROR = 1;
export const TCL_RETURN = 2;
export const TCL_BREAK = 3;
export const TCL_CONTINUE = 4;

// Trace kinds (feather_host_trace_*).
export const TRACE_VARIABLE = 0;
export const TRACE_COMMAND = 1;
export const TRACE_EXECUTION = 2;

// Canonical order of trace operations, as `trace info` lists them.
const OP_ORDER = [
  ["array", "read", "write", "unset"],
  ["rename", "delete"],
  ["enter", "leave", "enterstep", "leavestep"],
];

const SEP = /::+/;
const LINK_DEPTH = 1000; // a longer chain of links is a cycle

/** [absolute, namespace path, tail] of a possibly qualified name. */
export function splitName(name) {
  let parts = name.split(SEP);
  const absolute = parts[0] === "" && name.startsWith("::");
  if (absolute) parts = parts.slice(1);
  const path = [];
  for (let k = 0; k < parts.length - 1; k++) if (parts[k]) path.push(parts[k]);
  return [absolute, path, parts.length ? parts[parts.length - 1] : ""];
}

// splitName's answers for the names resolved most often (qualified variable
// names read in loops): shared and frozen, never changed by the caller.
const SPLIT_CACHE_MAX = 1024;
const splitCache = new Map();

/** splitName for read-only use: the same frozen answer for the same name. */
function splitNameShared(name) {
  let r = splitCache.get(name);
  if (r === undefined) {
    const [absolute, path, tail] = splitName(name);
    r = Object.freeze([absolute, Object.freeze(path), tail]);
    if (splitCache.size >= SPLIT_CACHE_MAX) splitCache.clear();
    splitCache.set(name, r);
  }
  return r;
}

/** Split "a(k)" into ["a", "k"]; other names give [name, null]. */
export function splitElement(name) {
  if (name.endsWith(")")) {
    const i = name.indexOf("(");
    if (i > 0) return [name.slice(0, i), name.slice(i + 1, -1)];
  }
  return [name, null];
}

export class Trace {
  constructor(ops, script) {
    this.ops = ops; // canonical order
    this.script = script;
  }
}

/** Where a linked variable points: a variable table, a name, maybe an element. */
export class Link {
  constructor(table, name, key, ns) {
    this.table = table;
    this.name = name;
    this.key = key;
    this.ns = ns; // the namespace owning `table`, if any (dead when deleted)
  }
}

/** A variable: a scalar (value), an array (arr), a link, or undefined (both
 * null) while traces or a `variable` declaration keep it. */
export class Var {
  constructor(value = null) {
    this.value = value;
    this.arr = null; // Map key -> value
    this.link = null;
    this.traces = null;
    this.etraces = null; // per-element traces: Map key -> Trace[]
    this.busy = false; // a trace on this variable is running
    this.declared = false; // made by `variable`: listed by info vars while undefined
  }

  defined() {
    return this.value !== null || this.arr !== null;
  }
}

export class Namespace {
  constructor(name, parent) {
    this.name = name; // fully qualified, "::" for the global namespace
    this.parent = parent;
    this.children = new Map();
    this.vars = new Map();
    this.commands = new Map();
    this.dead = false;
    this.hgen = -1; // scratch generation of the cached handle to `name`
    this.hname = 0;
    this.exports = new TclList([]); // namespace export patterns
    this.path = []; // namespace path (dead namespaces are skipped)
    this.unknown = ""; // namespace unknown handler ("" when none)
  }

  qualify(tail) {
    return (this.name === "::" ? "::" : this.name + "::") + tail;
  }
}

export class Command {
  constructor(kind, id, params, body, ns, name) {
    this.kind = kind;
    this.id = id;
    this.params = params;
    this.body = body;
    this.ns = ns;
    this.name = name; // simple name inside ns
    this.traces = null; // rename/delete traces
    this.etraces = null; // execution traces (fired by the core)
    this.hgen = -1; // scratch generation of the cached handles below
    this.hparams = 0;
    this.hbody = 0;
    this.hns = 0;
    this.hname = 0;
    this.origin = null; // an imported command: the command it imports
    this.importers = null; // commands imported from this one
  }

  qualified() {
    return this.ns.qualify(this.name);
  }

  /** The command at the end of this command's chain of imports. */
  real() {
    let cmd = this;
    for (let k = 0; k < IMPORT_DEPTH && cmd.origin !== null; k++) cmd = cmd.origin;
    return cmd;
  }
}

// A proc frame's variables: the Map operations state.js uses (get, set, has,
// delete, size, values, iteration of [name, Var]), in insertion order as a
// Map. Up to LOCALS_SMALL names live in two arrays, searched linearly (cheaper
// than hashing for a few short names, and much cheaper to fill at every
// call); a frame with more moves them to a Map.
const LOCALS_SMALL = 8;

export class Locals {
  constructor() {
    this.es = []; // name, Var, name, Var, ... (null once m is used)
    this.m = null;
  }

  get size() {
    return this.m !== null ? this.m.size : this.es.length >> 1;
  }

  get(name) {
    if (this.m !== null) return this.m.get(name);
    const es = this.es;
    for (let k = 0; k < es.length; k += 2) if (es[k] === name) return es[k + 1];
    return undefined;
  }

  has(name) {
    return this.get(name) !== undefined; // a value is always a Var
  }

  set(name, v) {
    if (this.m !== null) {
      this.m.set(name, v);
      return this;
    }
    const es = this.es;
    for (let k = 0; k < es.length; k += 2) {
      if (es[k] === name) {
        es[k + 1] = v;
        return this;
      }
    }
    if (es.length < 2 * LOCALS_SMALL) {
      es.push(name, v);
      return this;
    }
    const m = new Map();
    for (let k = 0; k < es.length; k += 2) m.set(es[k], es[k + 1]);
    m.set(name, v);
    this.m = m;
    this.es = null;
    return this;
  }

  delete(name) {
    if (this.m !== null) return this.m.delete(name);
    const es = this.es;
    for (let k = 0; k < es.length; k += 2) {
      if (es[k] === name) {
        es.splice(k, 2);
        return true;
      }
    }
    return false;
  }

  *values() {
    if (this.m !== null) {
      yield* this.m.values();
      return;
    }
    const es = this.es;
    for (let k = 1; k < es.length; k += 2) yield es[k];
  }

  *entries() {
    if (this.m !== null) {
      yield* this.m.entries();
      return;
    }
    const es = this.es;
    for (let k = 0; k < es.length; k += 2) yield [es[k], es[k + 1]];
  }

  [Symbol.iterator]() {
    return this.entries();
  }
}

export class Frame {
  constructor(level, ns, locals, words, caller) {
    this.level = level;
    this.ns = ns;
    this.locals = locals; // a proc frame's variables; null for a namespace frame
    // The words of the invoking command (info level): an array of values,
    // made a TclList when first asked for (frameWords).
    this.words = words;
    this.caller = caller; // the frame that was active when this one was pushed
  }
}

/** Outcome of a variable operation: status and value (or trace error message). */
export class VarResult {
  constructor(status, value = null) {
    this.status = status;
    this.value = value;
  }
}

/** Whether the scalar link chain from table[name] reaches local[lname]. */
function linksTo(table, name, local, lname) {
  let v = table.get(name);
  for (let n = 0; n < 1000; n++) { // a chain is never a cycle; bound it anyway
    if (v === undefined || v.link === null || v.link.key !== null) return false;
    table = v.link.table;
    name = v.link.name;
    if (table === local && name === lname) return true;
    v = table.get(name);
  }
  return false;
}

const R = [];
for (let s = 0; s <= VAR_SELF; s++) R.push(new VarResult(s));

/** The persistent state of one interpreter. evaluate(script) runs a script
 * nested (never resetting memory) and returns [code, result]. */
export class State {
  constructor(evaluate = null) {
    this.globalNs = new Namespace("::", null);
    this.namespaces = new Map([["::", this.globalNs]]);
    this.globalFrame = new Frame(0, this.globalNs, null, null, null);
    this.frames = [this.globalFrame];
    this.active = this.globalFrame;
    this.history = []; // frames made inactive by activate
    this.evaluate = evaluate;
    // Called whenever a command lookup could answer differently (the core
    // caches lookups until the command epoch changes; runtime.js bumps it).
    this.commandsChanged = () => {};
    // The traced variable whose lappend the core retries (after NOT_LIST): its
    // read trace has fired once already.
    this.lappendRetry = null;
    // Simple names of commands outside the global namespace -> how many.
    this.localCommandNames = new Map();
    // Ensemble commands (each dies with the namespace it serves).
    this.ensembles = new Set();
    // Whether a variable trace was ever added in this interp: until then no
    // local can be traced and popFrame does not look.
    this.varTraces = false;
  }

  /** Does name find cmd from every namespace? Then the core may cache the
   * lookup: the name is absolute, or it is simple, found in the global
   * namespace, and no other namespace has a command of that name. */
  resolvesEverywhere(cmd, name) {
    if (cmd.kind === CMD_ENSEMBLE) return false; // its configuration changes in place
    if (name.startsWith("::")) return true;
    if (name.includes("::") || cmd.ns !== this.globalNs) return false;
    return !this.localCommandNames.has(name);
  }

  noteCommand(ns, tail, delta) {
    this.commandsChanged();
    if (ns === this.globalNs) return;
    const n = (this.localCommandNames.get(tail) ?? 0) + delta;
    if (n > 0) this.localCommandNames.set(tail, n);
    else this.localCommandNames.delete(tail);
  }

  // ------------------------------------------------------------ namespaces

  /** A namespace by name: absolute, or relative to base (default: the active
   * namespace) and then to the global namespace. */
  findNs(name, base = null) {
    if (name === "::") return this.globalNs;
    if (name === "") return base ?? this.active.ns;
    const [absolute, path, tail] = splitName(name);
    if (tail) path.push(tail);
    if (absolute) return walk(this.globalNs, path);
    const start = base ?? this.active.ns;
    let found = walk(start, path);
    if (found === null && start !== this.globalNs) found = walk(this.globalNs, path);
    return found;
  }

  /** Find or create a namespace (relative names under the active one). */
  createNs(name) {
    const found = this.findNs(name);
    if (found !== null) return found;
    const [absolute, path, tail] = splitName(name);
    if (tail) path.push(tail);
    return this.makePath(absolute ? this.globalNs : this.active.ns, path);
  }

  /** The namespace path names below ns, each created where missing. */
  makePath(ns, path) {
    for (const part of path) {
      let child = ns.children.get(part);
      if (child === undefined) {
        child = new Namespace(ns.qualify(part), ns);
        ns.children.set(part, child);
        this.namespaces.set(child.name, child);
        this.commandsChanged();
      }
      ns = child;
    }
    return ns;
  }

  deleteNs(name) {
    const ns = name.startsWith("::") ? (this.namespaces.get(name) ?? null) : this.findNs(name);
    if (ns === null || ns === this.globalNs) return false;
    this.deleteTree(ns);
    this.commandsChanged();
    if (ns.parent !== null) {
      const cut = ns.name.lastIndexOf("::");
      ns.parent.children.delete(ns.name.slice(cut + 2));
    }
    return true;
  }

  deleteTree(ns) {
    for (const child of [...ns.children.values()]) this.deleteTree(child);
    for (const ens of [...this.ensembles]) {
      if (toStr(ens.body ?? "") === ns.name) this.deleteCommand(ens);
    }
    for (const name of [...ns.commands.keys()]) {
      const cmd = ns.commands.get(name);
      if (cmd !== undefined) this.deleteCommand(cmd);
    }
    for (const [name, v] of [...ns.vars]) {
      if (v.traces) this.fireList(v.traces, ns.qualify(name), null, "unset");
    }
    ns.vars.clear();
    ns.children.clear();
    ns.dead = true;
    this.namespaces.delete(ns.name);
  }

  /** [namespace, tail] of a qualified name as seen from namespace base. */
  qualifiedTarget(name, base) {
    const sp = splitNameShared(name); // indexed: destructuring a frozen array is slow
    const path = sp[1];
    const tail = sp[2];
    if (sp[0]) return [walk(this.globalNs, path), tail];
    let found = walk(base, path);
    if (found === null && base !== this.globalNs) found = walk(this.globalNs, path);
    return [found, tail];
  }

  /** Where a qualified variable name lives, as Tcl finds it: a relative name
   * in the namespace under base when it exists there, else under the global
   * namespace when it exists there, else (to be created) under base only. */
  varTarget(name, base) {
    const sp = splitNameShared(name);
    const path = sp[1];
    const tail = sp[2];
    if (sp[0]) return [walk(this.globalNs, path), tail];
    const ns = walk(base, path);
    if (base !== this.globalNs && (ns === null || !ns.vars.has(tail))) {
      const alt = walk(this.globalNs, path);
      if (alt !== null && alt.vars.has(tail)) return [alt, tail];
    }
    return [ns, tail];
  }

  // ------------------------------------------------------------ frames

  pushFrame(words, nsName, isNs) {
    const active = this.active;
    let ns = active.ns;
    if (nsName !== null) ns = this.namespaces.get(nsName) ?? this.findNs(nsName) ?? ns;
    const frame = new Frame(active.level + 1, ns, isNs ? null : new Locals(), words, active);
    this.frames.push(frame);
    this.active = frame;
    return frame.level;
  }

  /** The words of a frame as a TclList (null for the global frame). */
  frameWords(frame) {
    const words = frame.words;
    if (words === null || words instanceof TclList) return words;
    return (frame.words = new TclList(words));
  }

  popFrame() {
    if (this.frames.length > 1) {
      const frame = this.frames.pop();
      this.active = frame.caller ?? this.globalFrame;
      const history = this.history;
      while (history.length && history[history.length - 1] === frame) history.pop();
      if (frame.locals !== null && this.varTraces && frame.locals.size) this.unsetLocals(frame);
    }
  }

  /** A proc's locals die with its frame: their unset traces fire once it is
   * gone (as in Tcl); links are not the variables they name. */
  unsetLocals(frame) {
    // The common case, no traced local: a scan, nothing copied.
    let traced = false;
    for (const v of frame.locals.values()) {
      if (tracedLocal(v)) {
        traced = true;
        break;
      }
    }
    if (!traced) return;
    for (const [name, v] of [...frame.locals]) {
      if (!tracedLocal(v)) continue;
      frame.locals.delete(name);
      v.busy = true;
      try {
        if (v.arr !== null && v.etraces !== null) {
          for (const k of [...v.arr.keys()]) this.fireList(v.etraces.get(k), name, k, "unset");
        }
        this.fireList(v.traces, name, null, "unset");
      } finally {
        v.busy = false;
      }
    }
  }

  /** The frame at an absolute level, along the chain of callers of the active
   * frame (as Tcl's uplevel and upvar address frames). */
  frameAt(level) {
    let frame = this.active;
    if (level > frame.level || level < 0) return null;
    while (frame !== null && frame.level > level) frame = frame.caller;
    return frame;
  }

  /** Make the frame at `level` active (uplevel) or, when it is the frame an
   * earlier activate made inactive, reactivate it. Returns the previous level
   * or -1 when there is no such frame. */
  activate(level) {
    const previous = this.active;
    const found = this.frameAt(level);
    const history = this.history;
    const last = history.length ? history[history.length - 1] : null;
    if (last !== null && last.level === level && (found === null || found === last)) {
      this.active = history.pop();
      return previous.level;
    }
    if (found === null) return -1;
    history.push(previous);
    this.active = found;
    return previous.level;
  }

  /** Back to the global frame (after the outermost eval, whatever happened). */
  resetFrames() {
    this.frames.length = 1;
    this.active = this.globalFrame;
    this.history.length = 0;
  }

  // ------------------------------------------------------------ variable lookup

  /** [table, simple name, namespace] holding `name` as seen from `frame`. */
  table(name, frame) {
    if (name.includes("::")) {
      const [ns, tail] = this.varTarget(name, frame.ns);
      if (ns === null) return [null, tail, null];
      return [ns.vars, tail, ns];
    }
    if (frame.locals !== null) return [frame.locals, name, null];
    const ns = frame.ns;
    if (ns !== this.globalNs && !ns.vars.has(name)) {
      const gvars = this.globalNs.vars;
      if (gvars.has(name)) return [gvars, name, this.globalNs];
    }
    return [ns.vars, name, ns];
  }

  /** Follow links from `name` in the active frame. Sets this.lt (table, or
   * null: no such namespace), this.ln (name) and this.lk (element key imposed
   * by a link to an array element, or null). */
  locate(name) {
    let table, tail;
    const frame = this.active;
    if (!name.includes("::")) {
      // Inline of table() for a simple name (no array allocated).
      tail = name;
      if (frame.locals !== null) table = frame.locals;
      else {
        const ns = frame.ns;
        table = ns.vars;
        if (ns !== this.globalNs && !table.has(name) && this.globalNs.vars.has(name)) {
          table = this.globalNs.vars;
        }
      }
    } else {
      [table, tail] = this.table(name, frame);
    }
    let key = null;
    for (let k = 0; k < LINK_DEPTH; k++) {
      if (table === null) break;
      const v = table.get(tail);
      if (v === undefined || v.link === null) {
        this.lt = table;
        this.ln = tail;
        this.lk = key;
        return;
      }
      const link = v.link;
      if (link.ns !== null && link.ns.dead) {
        tail = link.name;
        break;
      }
      table = link.table;
      tail = link.name;
      key = link.key;
    }
    this.lt = null;
    this.ln = tail;
    this.lk = null;
  }

  /** The variable a simple name (no "::") denotes in a proc frame or the
   * global frame, when it exists and is no link; else null (then use the
   * general operations). The fast paths of var_get and var_set start here. */
  plainVar(name) {
    const frame = this.active;
    const locals = frame.locals;
    let v;
    // Two lookups, each seeing one kind of table (Locals, Map) only.
    if (locals !== null) v = locals.get(name);
    else if (frame.ns !== this.globalNs) return null;
    else v = frame.ns.vars.get(name);
    if (v === undefined || v.link !== null || name.includes("::")) return null;
    return v;
  }

  findVar(name) {
    this.locate(name);
    if (this.lt === null || this.lk !== null) return null;
    return this.lt.get(this.ln) ?? null;
  }

  // ------------------------------------------------------------ variable operations

  varGet(name, key, traces = true) {
    this.locate(name);
    const table = this.lt;
    if (table === null) return R[VAR_NO_SUCH_VAR];
    if (this.lk !== null) {
      if (key !== null) return R[VAR_NOT_ARRAY];
      key = this.lk;
    }
    const v = table.get(this.ln);
    if (v === undefined) return R[VAR_NO_SUCH_VAR];
    if (traces && (v.traces !== null || v.etraces !== null) && !v.busy) {
      const err = this.fire(v, name, key, "read");
      if (err !== null) return new VarResult(VAR_TRACE_ERROR, err);
    }
    if (key === null) {
      if (v.arr !== null) return R[VAR_IS_ARRAY];
      if (v.value === null) return R[VAR_NO_SUCH_VAR];
      return new VarResult(VAR_OK, v.value);
    }
    const arr = v.arr;
    if (arr === null) return R[v.value !== null ? VAR_NOT_ARRAY : VAR_NO_SUCH_VAR];
    const value = arr.get(key);
    if (value === undefined) return R[VAR_NO_SUCH_ELEMENT];
    return new VarResult(VAR_OK, value);
  }

  /** Fire the traces on the "array" operation of array (or undefined) `name`. */
  varArrayTrace(name) {
    if (splitElement(name)[1] !== null) return R[VAR_OK];
    this.locate(name);
    const v = this.lt !== null && this.lk === null ? (this.lt.get(this.ln) ?? null) : null;
    if (v === null || v.traces === null || v.busy || v.value !== null) return R[VAR_OK];
    const err = this.fire(v, name, null, "array");
    return err === null ? R[VAR_OK] : new VarResult(VAR_TRACE_ERROR, err);
  }

  /** For a write: sets this.tv (the variable, created when missing, or null)
   * and this.tk (the key); returns a status. */
  target(name, key) {
    this.locate(name);
    const table = this.lt;
    this.tv = null;
    this.tk = key;
    if (table === null) return VAR_NO_NAMESPACE;
    if (this.lk !== null) {
      if (key !== null) return VAR_NOT_ARRAY;
      this.tk = this.lk;
    }
    let v = table.get(this.ln);
    if (v === undefined) {
      v = new Var();
      table.set(this.ln, v);
    }
    this.tv = v;
    return VAR_OK;
  }

  varSet(name, key, value) {
    const status = this.target(name, key);
    const v = this.tv;
    if (v === null) return R[status];
    key = this.tk;
    if (key === null) {
      if (v.arr !== null) return R[VAR_IS_ARRAY];
      v.value = value;
    } else {
      let arr = v.arr;
      if (arr === null) {
        if (v.value !== null) return R[VAR_NOT_ARRAY];
        arr = v.arr = new Map();
      }
      arr.set(key, value);
    }
    return this.afterWrite(v, name, key, value);
  }

  afterWrite(v, name, key, value) {
    if ((v.traces !== null || v.etraces !== null) && !v.busy) {
      const err = this.fire(v, name, key, "write");
      if (err !== null) return new VarResult(VAR_TRACE_ERROR, err);
      const now = key === null ? v.value : v.arr !== null ? v.arr.get(key) : undefined;
      value = now !== null && now !== undefined ? now : ""; // a trace unset it: Tcl's set gives ""
    }
    return new VarResult(VAR_OK, value);
  }

  varUnset(name, key) {
    this.locate(name);
    const table = this.lt;
    const tail = this.ln;
    if (table === null) return R[VAR_NO_SUCH_VAR];
    if (this.lk !== null) {
      if (key !== null) return R[VAR_NOT_ARRAY];
      key = this.lk;
    }
    const v = table.get(tail);
    if (v === undefined || !v.defined()) return R[VAR_NO_SUCH_VAR];
    if (key === null) {
      table.delete(tail);
      const keys = v.arr !== null ? [...v.arr.keys()] : null;
      v.value = null; // whoever still holds it sees it unset
      v.arr = null;
      if (v.traces !== null || v.etraces !== null) {
        v.busy = true;
        try {
          this.fireList(v.traces, name, null, "unset");
          if (keys !== null && v.etraces !== null) {
            for (const k of keys) this.fireList(v.etraces.get(k), name, k, "unset");
          }
        } finally {
          v.busy = false;
        }
      }
      return R[VAR_OK];
    }
    const arr = v.arr;
    if (arr === null) return R[VAR_NOT_ARRAY];
    if (!arr.has(key)) return R[VAR_NO_SUCH_ELEMENT];
    arr.delete(key);
    if (v.traces !== null || v.etraces !== null) {
      let etr = null;
      if (v.etraces !== null) {
        etr = v.etraces.get(key) ?? null;
        v.etraces.delete(key);
      }
      if (!v.busy) {
        v.busy = true;
        try {
          this.fireList(v.traces, name, key, "unset");
          this.fireList(etr, name, key, "unset");
        } finally {
          v.busy = false;
        }
      }
    }
    return R[VAR_OK];
  }

  /** The current value for a read-modify-write (traced variables read through
   * varGet, firing read traces). Sets this.cur (undefined when missing) and
   * returns null, or returns the failing VarResult. */
  current(name, key, v, traces = true) {
    if (traces && (v.traces !== null || v.etraces !== null)) {
      const got = this.varGet(name, key);
      if (got.status === VAR_NO_SUCH_VAR || got.status === VAR_NO_SUCH_ELEMENT) this.cur = undefined;
      else if (got.status !== VAR_OK) return got;
      else this.cur = got.value;
      return null;
    }
    if (key === null) {
      if (v.arr !== null) return R[VAR_IS_ARRAY];
      this.cur = v.value ?? undefined;
      return null;
    }
    if (v.arr === null && v.value !== null) return R[VAR_NOT_ARRAY];
    this.cur = v.arr !== null ? v.arr.get(key) : undefined;
    return null;
  }

  /** incr's fast path: VAR_NOT_INT when the value is not an integer rep or the
   * sum leaves 64 bits (nothing changed then). delta: a number or bigint. */
  varIncr(name, key, delta) {
    const status = this.target(name, key);
    const v = this.tv;
    if (v === null) return R[status];
    key = this.tk;
    if (v.traces === null && v.etraces === null && key === null) {
      // The common case, inline: an untraced scalar.
      if (v.arr !== null) return R[VAR_IS_ARRAY];
      const cur = v.value;
      if (typeof cur === "number" && typeof delta === "number") {
        const total = cur + delta;
        if (Number.isSafeInteger(total)) {
          v.value = total;
          return new VarResult(VAR_OK, total);
        }
      }
      const total = addInt(cur === null ? 0 : cur, delta);
      if (total === null) return R[VAR_NOT_INT];
      v.value = total;
      return new VarResult(VAR_OK, total);
    }
    if (v.traces !== null || v.etraces !== null) return R[VAR_NOT_INT]; // general path: one read, one write
    const fail = this.current(name, key, v);
    if (fail !== null) return fail;
    const total = addInt(this.cur === undefined ? 0 : this.cur, delta);
    if (total === null) return R[VAR_NOT_INT];
    if (v.traces !== null || v.etraces !== null) return this.varSet(name, key, total);
    let arr = v.arr;
    if (arr === null) arr = v.arr = new Map();
    arr.set(key, total);
    return new VarResult(VAR_OK, total);
  }

  /** lappend's fast path: VAR_NOT_LIST when the value has no list rep. */
  varLappend(name, key, items) {
    const status = this.target(name, key);
    const v = this.tv;
    if (v === null) return R[status];
    key = this.tk;
    const traced = v.traces !== null || v.etraces !== null;
    let fail;
    if (traced) {
      // One read trace, as Tcl: the core's retry after NOT_LIST read it already.
      const retry = this.lappendRetry === v;
      this.lappendRetry = null;
      fail = this.current(name, key, v, false);
      if (fail === null && this.cur !== undefined && !(this.cur instanceof TclList) && asList(this.cur) === null) {
        this.lappendRetry = v;
        return R[VAR_NOT_LIST];
      }
      if (fail === null && !retry) fail = this.current(name, key, v);
    } else fail = this.current(name, key, v);
    if (fail !== null) return fail;
    const added = appended(this.cur, items);
    if (added === null) {
      if (traced) this.lappendRetry = v;
      return R[VAR_NOT_LIST];
    }
    return this.varSet(name, key, added);
  }

  /** append: the variable's string with `text` appended. */
  varAppend(name, key, text, toStr) {
    const status = this.target(name, key);
    const v = this.tv;
    if (v === null) return R[status];
    key = this.tk;
    const fail = this.current(name, key, v, false); // no read trace fires, as in Tcl
    if (fail !== null) return fail;
    const cur = this.cur;
    const s = cur === undefined ? text : (typeof cur === "string" ? cur : toStr(cur)) + text;
    return this.varSet(name, key, s);
  }

  /** The element keys of array `name` in insertion order (links followed);
   * empty when it is no array. */
  arrayKeys(name) {
    const v = this.findVar(name);
    if (v === null || v.arr === null) return [];
    return [...v.arr.keys()];
  }

  varKind(name) {
    let [base, key] = splitElement(name);
    this.locate(base);
    if (this.lt === null) return 0;
    const v = this.lt.get(this.ln);
    if (v === undefined) return 0;
    if (this.lk !== null) key = key === null ? this.lk : null;
    if (key !== null) return v.arr !== null && v.arr.has(key) ? 1 : 0;
    if (v.arr !== null) return 2;
    return v.value !== null ? 1 : 0;
  }

  varLink(name, level, target) {
    const frame = this.active;
    let local = frame.locals !== null ? frame.locals : frame.ns.vars;
    if (name.includes("::")) {
      const [table, tail] = this.table(name, frame);
      if (table === null) return VAR_NO_NAMESPACE;
      local = table;
      name = tail;
    }
    const [tname, tkey] = splitElement(target);
    let ns, ttail, ttable;
    if (level < 0) {
      if (tname.includes("::")) {
        [ns, ttail] = this.qualifiedTarget(tname, frame.ns);
        if (ns === null) return VAR_NO_NAMESPACE;
      } else {
        ns = frame.ns;
        ttail = tname;
      }
      ttable = ns.vars;
    } else {
      const tframe = this.frameAt(level);
      if (tframe === null) return VAR_NO_SUCH_VAR;
      let maybe;
      [maybe, ttail, ns] = this.table(tname, tframe);
      if (maybe === null) return VAR_NO_NAMESPACE;
      ttable = maybe;
    }
    if (ttable === local && ttail === name && tkey === null) {
      if (level >= 0) return VAR_SELF;
      let v = local.get(name);
      if (v === undefined) {
        v = new Var();
        local.set(name, v);
      }
      v.declared = true; // `variable x` in its own namespace
      return VAR_OK;
    }
    if (tkey === null && linksTo(ttable, ttail, local, name)) return VAR_SELF; // upvar 0 a b; upvar 0 b a
    const existing = local.get(name);
    if (existing !== undefined && existing.link === null && existing.defined()) return VAR_EXISTS;
    if (level < 0 && ttable !== this.globalNs.vars) {
      let declared = ttable.get(ttail);
      if (declared === undefined) {
        declared = new Var();
        ttable.set(ttail, declared);
      }
      if (declared.link === null) declared.declared = true; // `variable x` from a proc
    }
    const v = existing !== undefined ? existing : new Var();
    v.value = null;
    v.arr = null;
    v.link = new Link(ttable, ttail, tkey, ns);
    local.set(name, v);
    return VAR_OK;
  }

  // ------------------------------------------------------------ traces

  /** Run v's traces (and its element's) for op; the first error message or null. */
  fire(v, name, key, op) {
    v.busy = true;
    try {
      // The whole array's traces first, then the element's (as Tcl).
      const err = this.fireList(v.traces, name, key, op);
      if (err !== null || key === null || v.etraces === null) return err;
      return this.fireList(v.etraces.get(key), name, key, op);
    } finally {
      v.busy = false;
    }
  }

  fireList(traces, name1, name2, op) {
    if (!traces || traces.length === 0 || this.evaluate === null) return null;
    for (const trace of [...traces].reverse()) {
      if (!trace.ops.includes(op)) continue;
      const script = [trace.script, quoteElement(name1), quoteElement(name2 ?? ""), op].join(" ");
      const [code, result] = this.evaluate(script);
      if (code !== TCL_OK && op !== "unset") return result;
    }
    return null;
  }

  static normalizeOps(kind, ops) {
    const order = OP_ORDER[kind] ?? [];
    const chosen = new Set();
    for (const op of ops) {
      const matches = op ? order.filter((o) => o.startsWith(op)) : [];
      chosen.add(matches.length === 1 || order.includes(op) ? (matches[0] ?? op) : op);
    }
    const known = order.filter((o) => chosen.has(o));
    const unknown = [...chosen].filter((o) => !order.includes(o)).sort();
    return [...known, ...unknown];
  }

  traceAdd(kind, name, ops, script) {
    const trace = new Trace(State.normalizeOps(kind, ops), script);
    if (kind === TRACE_VARIABLE) {
      let [base, key] = splitElement(name);
      this.locate(base);
      const table = this.lt;
      if (table === null) return VAR_NO_NAMESPACE;
      if (this.lk !== null && key === null) key = this.lk;
      let v = table.get(this.ln);
      if (v === undefined) {
        v = new Var();
        table.set(this.ln, v);
      }
      this.varTraces = true; // from now on, popFrame looks for traced locals
      if (key === null) v.traces = [...(v.traces ?? []), trace];
      else {
        const etraces = v.etraces ?? new Map();
        etraces.set(key, [...(etraces.get(key) ?? []), trace]);
        v.etraces = etraces;
      }
      return 0;
    }
    const cmd = this.lookupCommand(name);
    if (cmd === null) return 1;
    if (kind === TRACE_COMMAND) cmd.traces = [...(cmd.traces ?? []), trace];
    else {
      cmd.etraces = [...(cmd.etraces ?? []), trace];
      this.commandsChanged(); // lookups report the command as traced (host.h: traced)
    }
    return 0;
  }

  /** [holder, key, traces] for a trace name. */
  traceList(kind, name) {
    if (kind === TRACE_VARIABLE) {
      let [base, key] = splitElement(name);
      this.locate(base);
      const v = this.lt !== null ? this.lt.get(this.ln) : undefined;
      if (v === undefined) return [null, "", null];
      if (this.lk !== null && key === null) key = this.lk;
      if (key === null) return [v, "", v.traces];
      return [v, key, v.etraces !== null ? (v.etraces.get(key) ?? null) : null];
    }
    const cmd = this.lookupCommand(name);
    if (cmd === null) return [null, "", null];
    return [cmd, "", kind === TRACE_COMMAND ? cmd.traces : cmd.etraces];
  }

  traceRemove(kind, name, ops, script) {
    const [holder, key, traces] = this.traceList(kind, name);
    if (!traces || traces.length === 0) return 1;
    const want = State.normalizeOps(kind, ops).join(" ");
    for (let i = traces.length - 1; i >= 0; i--) {
      const t = traces[i];
      if (t.ops.join(" ") === want && t.script === script) {
        const rest = [...traces.slice(0, i), ...traces.slice(i + 1)];
        if (holder instanceof Var) {
          if (key) {
            if (rest.length) holder.etraces.set(key, rest);
            else holder.etraces.delete(key);
          } else holder.traces = rest.length ? rest : null;
        } else if (holder instanceof Command) {
          if (kind === TRACE_COMMAND) holder.traces = rest.length ? rest : null;
          else {
            holder.etraces = rest.length ? rest : null;
            this.commandsChanged();
          }
        }
        return 0;
      }
    }
    return 1;
  }

  traceInfo(kind, name) {
    const traces = this.traceList(kind, name)[2] ?? [];
    return new TclList([...traces].reverse().map((t) => new TclList([new TclList([...t.ops]), t.script])));
  }

  // ------------------------------------------------------------ commands

  lookupCommand(name) {
    const cur = this.active.ns;
    if (!name.includes("::")) {
      let cmd = cur.commands.get(name) ?? null;
      if (cmd === null && cur.path.length) cmd = this.pathLookup(cur, name);
      return cmd ?? this.globalNs.commands.get(name) ?? null;
    }
    let [ns, tail] = this.qualifiedTarget(name, cur);
    if (ns === null && (name.startsWith("::") || !cur.path.length)) return null;
    let cmd = ns !== null ? (ns.commands.get(tail) ?? null) : null;
    if (cmd === null && !name.startsWith("::") && ns !== this.globalNs) {
      if (cur.path.length) {
        cmd = this.pathLookup(cur, name);
        if (cmd !== null) return cmd;
      }
      const [other, t2] = this.qualifiedTarget("::" + name, this.globalNs);
      if (other !== null) cmd = other.commands.get(t2) ?? null;
    }
    return cmd;
  }

  /** A relative command name looked up along cur's namespace path. */
  pathLookup(cur, name) {
    const sp = splitNameShared(name);
    const parts = sp[1];
    const tail = sp[2];
    for (const ns of cur.path) {
      if (ns.dead) continue;
      const where = walk(ns, parts);
      const cmd = where !== null ? where.commands.get(tail) : undefined;
      if (cmd !== undefined) return cmd;
    }
    return null;
  }

  /** Where a command is created: a relative qualified name under the
   * active namespace only, as in Tcl. */
  creationTarget(name) {
    if (!name.includes("::")) return [this.active.ns, name];
    const [absolute, path, tail] = splitName(name);
    return [walk(absolute ? this.globalNs : this.active.ns, path), tail];
  }

  define(name, kind, id, params, body) {
    const [ns, tail] = this.creationTarget(name);
    if (ns === null) return VAR_NO_NAMESPACE;
    this.replace(new Command(kind, id, params, body, ns, tail));
    return 0;
  }

  /** Insert cmd, deleting a command of its name first; commands imported from
   * that one now refer to cmd (as Tcl keeps imports of a redefined command). */
  replace(cmd) {
    const old = cmd.ns.commands.get(cmd.name);
    let importers = null;
    if (old !== undefined) {
      importers = old.importers;
      old.importers = null;
      this.deleteCommand(old);
    }
    if (importers) {
      for (const imp of importers) imp.origin = cmd;
      cmd.importers = importers;
    }
    if (cmd.kind === CMD_ENSEMBLE) this.ensembles.add(cmd);
    cmd.ns.commands.set(cmd.name, cmd);
    this.noteCommand(cmd.ns, cmd.name, 1);
  }

  /** Make `name` an imported command referring to command `target`
   * (host.h feather_host_cmd_import). */
  importCommand(name, target) {
    const origin = this.lookupCommand(target);
    if (origin === null) return 1;
    const [ns, tail] = this.creationTarget(name);
    if (ns === null) return 3;
    const cmd = new Command(CMD_NONE, 0, null, null, ns, tail);
    this.replace(cmd);
    if (origin.ns.dead || origin.ns.commands.get(origin.name) !== origin) {
      this.deleteCommand(cmd); // replacing deleted the target itself
      return 1;
    }
    cmd.origin = origin;
    origin.importers = [...(origin.importers ?? []), cmd];
    return 0;
  }

  commandOrigin(name, deep) {
    let cmd = this.lookupCommand(name);
    if (cmd === null) return null;
    if (cmd.origin !== null) cmd = deep ? cmd.real() : cmd.origin;
    return cmd.qualified();
  }

  updateCommand(name, params) {
    const cmd = this.lookupCommand(name);
    if (cmd === null) return 1;
    cmd.params = params;
    cmd.hgen = -1;
    this.commandsChanged();
    return 0;
  }

  /** Read (value null) or replace an attribute FEATHER_NS_* of ns. */
  nsAttr(ns, which, value) {
    if (which === NS_PATH) {
      if (value !== null) {
        const names = asList(value)?.elements() ?? [];
        ns.path = names.map((n) => this.namespaces.get(toStr(n))).filter((p) => p !== undefined);
        this.commandsChanged();
      }
      ns.path = ns.path.filter((p) => !p.dead);
      return new TclList(ns.path.map((p) => p.name));
    }
    if (which === NS_EXPORT) {
      if (value !== null) {
        ns.exports = value;
        this.commandsChanged();
      }
      return ns.exports;
    }
    if (which === NS_UNKNOWN) {
      if (value !== null) {
        ns.unknown = value;
        this.commandsChanged();
      }
      return ns.unknown;
    }
    return "";
  }

  deleteCommand(cmd) {
    this.ensembles.delete(cmd);
    if (cmd.ns.commands.get(cmd.name) === cmd) {
      cmd.ns.commands.delete(cmd.name);
      this.noteCommand(cmd.ns, cmd.name, -1);
    }
    const origin = cmd.origin;
    if (origin !== null) {
      cmd.origin = null;
      if (origin.importers) origin.importers = origin.importers.filter((c) => c !== cmd);
    }
    const importers = cmd.importers;
    cmd.importers = null;
    for (const imp of importers ?? []) this.deleteCommand(imp); // imports vanish with their original
    const traces = cmd.traces;
    cmd.traces = null;
    if (traces) this.fireCmd(traces, cmd.qualified(), "", "delete");
  }

  fireCmd(traces, oldName, newName, op) {
    if (this.evaluate === null) return;
    for (const trace of [...traces].reverse()) {
      if (trace.ops.includes(op)) {
        const script = [trace.script, quoteElement(oldName), quoteElement(newName), op].join(" ");
        this.evaluate(script); // errors in command traces are ignored, as in Tcl
      }
    }
  }

  rename(oldName, newName) {
    const cmd = this.lookupCommand(oldName);
    if (cmd === null) return 1;
    if (!newName) {
      this.deleteCommand(cmd);
      return 0;
    }
    let [ns, tail] = this.creationTarget(newName);
    if (ns === null && tail) {
      // rename creates the namespaces the new name needs, as Tcl does.
      const [absolute, path] = splitName(newName);
      ns = this.makePath(absolute ? this.globalNs : this.active.ns, path);
    }
    if (ns === null) return 3;
    if (ns.commands.has(tail)) return 2;
    const was = cmd.qualified();
    cmd.ns.commands.delete(cmd.name);
    this.noteCommand(cmd.ns, cmd.name, -1);
    cmd.ns = ns;
    cmd.name = tail;
    cmd.hgen = -1;
    ns.commands.set(tail, cmd);
    this.noteCommand(ns, tail, 1);
    if (cmd.traces) this.fireCmd(cmd.traces, was, cmd.qualified(), "rename");
    return 0;
  }

  // ------------------------------------------------------------ listings

  /** info commands / info procs: ns null means the active namespace with
   * simple names (commands also from the global namespace); an explicit
   * namespace gives fully qualified names. */
  commandNames(ns, procsOnly) {
    if (ns !== null) {
      const out = [];
      for (const c of ns.commands.values()) if (!procsOnly || c.real().kind === CMD_PROC) out.push(c.qualified());
      return out;
    }
    const cur = this.active.ns;
    const names = [];
    for (const [n, c] of cur.commands) if (!procsOnly || c.real().kind === CMD_PROC) names.push(n);
    if (!procsOnly && cur !== this.globalNs) {
      const seen = new Set(names);
      for (const n of this.globalNs.commands.keys()) if (!seen.has(n)) names.push(n);
    }
    return names;
  }

  varNames(which) {
    const frame = this.active;
    const names = [];
    if (which === "globals") {
      for (const [n, v] of this.globalNs.vars) if (visible(v)) names.push(n);
      return names;
    }
    if (frame.locals !== null) {
      for (const [n, v] of frame.locals) {
        if (which === "locals" ? v.link === null && v.defined() : linkVisible(v)) names.push(n);
      }
      return names;
    }
    if (which === "locals") return names;
    const ns = frame.ns;
    for (const [n, v] of ns.vars) if (linkVisible(v)) names.push(n);
    if (ns !== this.globalNs) {
      const seen = new Set(names);
      for (const [n, v] of this.globalNs.vars) if (!seen.has(n) && visible(v)) names.push(n);
    }
    return names;
  }

  /** The variables of a namespace, fully qualified (info vars ns::*). */
  nsVarNames(ns) {
    const names = [];
    for (const [n, v] of ns.vars) if (linkVisible(v)) names.push(ns.qualify(n));
    return names;
  }

  children(ns) {
    return [...ns.children.values()].map((c) => c.name);
  }

  procCount() {
    let count = 0;
    for (const ns of this.namespaces.values()) {
      for (const c of ns.commands.values()) if (c.kind === CMD_PROC) count++;
    }
    return count;
  }
}

/** Does a dying local fire unset traces (a variable of its own, traced, not
 * already in a trace)? Links are not the variables they name. */
function tracedLocal(v) {
  return v.link === null && (v.traces !== null || v.etraces !== null) && !v.busy;
}

function walk(ns, path) {
  for (let k = 0; k < path.length; k++) {
    const child = ns.children.get(path[k]);
    if (child === undefined) return null;
    ns = child;
  }
  return ns;
}

function visible(v) {
  return v.defined() || v.declared;
}

function linkVisible(v) {
  return v.link !== null || visible(v);
}

const MIN64 = -(1n << 63n);
const MAX64 = (1n << 63n) - 1n;

/** cur + delta when cur is an integer (number or bigint) and the sum fits 64
 * bits; else null. */
function addInt(cur, delta) {
  const tc = typeof cur;
  if (tc !== "number" && tc !== "bigint") return null;
  if (tc === "number" && typeof delta === "number") {
    const s = cur + delta;
    if (Number.isSafeInteger(s)) return s;
  }
  const total = BigInt(cur) + BigInt(delta);
  if (total < MIN64 || total > MAX64) return null;
  return total >= -9007199254740991n && total <= 9007199254740991n ? Number(total) : total;
}

/** cur's list with items appended, or null when cur has no list rep. */
function appended(cur, items) {
  if (cur === undefined || cur === null) return new TclList(items);
  if (cur instanceof TclList) return cur.append(items);
  const lst = asList(cur);
  if (lst === null) return null;
  const elems = lst.elements();
  for (const x of items) elems.push(x);
  return new TclList(elems);
}
