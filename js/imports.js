// imports.js -- the import table: one method per feather_host_* import of
// src/host.h. Twin of host/feather_tcl/imports.py.
//
// Each method receives the raw WASM arguments (interp id first; pointers and
// lengths into linear memory; handles) and returns the raw result. i32
// arguments arrive as signed numbers (pointers, handles and lengths are read
// with >>> 0), i64 as bigint, f64 as number. Handles are resolved in the
// runtime's scratch table; strings are read from and written to linear memory
// through the runtime's views, which are rebuilt when memory has grown.
// Bad input never throws: a stale handle reads as the empty string and an
// unknown interp id as a fresh state (host.h: "No function traps on bad
// input").
//
// SIGNATURES is the single source of the import types; providedImports() in
// feather.js reads it, and so does the check that the module's imports and
// this table agree.

import { CHUNK, HANDLE_BYTES, POLL_NO_STACK, POLL_STACK, stackRoom, stopKind, valueSize } from "./limits.js";
import { Var } from "./state.js";
import {
  INTERN,
  INTERN_MAX,
  INTERN_SLOTS,
  TclDict,
  TclDouble,
  TclList,
  asList,
  canonicalInt,
  decode,
  encode,
  encodeInto,
  internSlot,
  rememberList,
  toStr,
} from "./values.js";

const I = "i32";
const L = "i64";
const D = "f64";

/** name (without the feather_host_ prefix) -> [parameter kinds, result kind or null]. */
export const SIGNATURES = Object.freeze({
  string_new: [[I, I, I], I],
  string_get: [[I, I, I, I], I],
  string_concat: [[I, I, I], I],
  rune_case: [[I, I, I], I],
  rune_class: [[I, I], I],
  integer_new: [[I, L], I],
  integer_get: [[I, I, I], I],
  integer_new32: [[I, I], I],
  double_new: [[I, D], I],
  double_parse: [[I, I, I, I], I],
  list_new: [[I, I, I], I],
  list_length: [[I, I], I],
  list_from_spans: [[I, I, I, I, I], I],
  list_items: [[I, I, I, I, I], I],
  list_range: [[I, I, I, I], I],
  list_append: [[I, I, I, I], I],
  list_splice: [[I, I, I, I, I, I], I],
  dict_size: [[I, I], I],
  dict_from_list: [[I, I], I],
  dict_get: [[I, I, I], I],
  dict_put: [[I, I, I, I], I],
  var_get: [[I, I, I, I, I, I, I], I],
  var_set: [[I, I, I, I, I, I, I], I],
  var_unset: [[I, I, I, I, I, I], I],
  var_incr: [[I, I, I, I, I, I, I], I],
  var_lappend: [[I, I, I, I, I, I, I, I], I],
  var_append: [[I, I, I, I, I, I, I, I], I],
  var_link: [[I, I, I, I, I, I], I],
  var_kind: [[I, I, I], I],
  frame_push: [[I, I, I, I, I, I], I],
  frame_pop: [[I], null],
  frame_level: [[I, I], I],
  frame_activate: [[I, I], I],
  frame_words: [[I, I], I],
  frame_push_proc: [[I, I, I, I, I, I, I, I, I], I],
  cmd_lookup: [[I, I, I, I], I],
  proc_define: [[I, I, I, I, I, I, I], I],
  cmd_rename: [[I, I, I, I, I], I],
  cmd_invoke: [[I, I, I, I, I], I],
  names: [[I, I, I, I], I],
  ns_current: [[I], I],
  ns_resolve: [[I, I, I, I], I],
  ns_delete: [[I, I, I], I],
  ns_attr: [[I, I, I, I, I], I],
  cmd_import: [[I, I, I, I, I], I],
  cmd_origin: [[I, I, I, I], I],
  cmd_update: [[I, I, I, I], I],
  trace_add: [[I, I, I, I, I, I], I],
  trace_remove: [[I, I, I, I, I, I], I],
  trace_info: [[I, I, I, I], I],
  scratch_mark: [[I], I],
  scratch_release: [[I, I, I], I],
  pin: [[I, I], I],
  interp_set_result: [[I, I], null],
  interp_limit: [[I], I],
  interp_poll: [[I, I], I],
});

export const PREFIX = "feather_host_";

// FEATHER_NAMES_*
const NAMES_COMMANDS = 0;
const NAMES_PROCS = 1;
const NAMES_VARS = 2;
const NAMES_LOCALS = 3;
const NAMES_GLOBALS = 4;
const NAMES_CHILDREN = 5;
const NAMES_ELEMENTS = 6;

// ---------------------------------------------------------------- runes

// Simple case mappings that JS's full mappings do not give (the full mapping
// has several code points): ᾀ..ᾯ, ᾳ, ῃ, ῳ uppercase to their titlecase forms.
function simpleUpper(cp) {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return cp;
}

const caseCache = new Map();

/** Simple (one code point) case mapping, as Tcl's Tcl_UniCharTo*: mode 0
 * lower, 1 upper, 2 title. */
export function runeCase(cp, mode) {
  const key = cp * 4 + mode;
  let r = caseCache.get(key);
  if (r !== undefined) return r;
  r = cp;
  if (cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
    const ch = String.fromCodePoint(cp);
    if (mode === 2 && ((cp >= 0x1c4 && cp <= 0x1cc) || (cp >= 0x1f1 && cp <= 0x1f3))) {
      // DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz: the titlecase is the middle one.
      r = cp <= 0x1c6 ? 0x1c5 : cp <= 0x1c9 ? 0x1c8 : cp <= 0x1cc ? 0x1cb : 0x1f2;
    } else {
      const mapped = mode === 0 ? ch.toLowerCase() : ch.toUpperCase();
      const n = [...mapped].length;
      if (n === 1) r = mapped.codePointAt(0);
      else if (mode === 0 && cp === 0x130) r = 0x69; // İ: the simple lowercase mapping is i
      else if (mode !== 0) r = simpleUpper(cp);
    }
  }
  caseCache.set(key, r);
  return r;
}

const SPACE_EXTRA = new Set([0x85, 0x180e, 0x200b, 0x2060, 0xfeff]);
const RE = {
  L: /^\p{L}$/u,
  Nd: /^\p{Nd}$/u,
  Z: /^\p{Z}$/u,
  Lu: /^\p{Lu}$/u,
  Ll: /^\p{Ll}$/u,
  P: /^\p{P}$/u,
  C: /^\p{C}$/u,
  ctrl: /^[\p{Cc}\p{Cf}\p{Co}]$/u,
};
const classCache = new Map();

/** Unicode class bits of a code point >= 128 (host.h), matching tclsh 8.6:
 * bit 0 alpha, 1 digit, 2 space, 3 upper, 4 lower, 5 punct, 6 print, 7 control. */
export function runeClass(cp) {
  if (cp > 0xffff) return 1 << 6; // Tcl 8.6 (TCL_UTF_MAX 3) sees every such character as printable
  let bits = classCache.get(cp);
  if (bits !== undefined) return bits;
  bits = 0;
  if (cp < 0xd800 || cp > 0xdfff) {
    const ch = String.fromCharCode(cp);
    if (RE.L.test(ch)) bits |= 1;
    if (RE.Nd.test(ch)) bits |= 2;
    if (RE.Z.test(ch) || SPACE_EXTRA.has(cp)) bits |= 4;
    if (RE.Lu.test(ch)) bits |= 8;
    if (RE.Ll.test(ch)) bits |= 16;
    if (RE.P.test(ch)) bits |= 32;
    if (!RE.C.test(ch)) bits |= 64;
    if (RE.ctrl.test(ch)) bits |= 128;
  } else bits = 128; // a lone surrogate is in category Cs
  classCache.set(cp, bits);
  return bits;
}

// ---------------------------------------------------------------- the table

/** The implementations of every import, bound to one runtime. `calls` counts
 * every crossing from WASM into the host. */
export class Imports {
  constructor(rt) {
    this.rt = rt;
    this.objs = rt.scratch.objs; // the scratch table (cleared in place, never replaced)
    this.cores = rt.interps; // interp id -> InterpCore (appended to, never replaced)
    this.inst = null; // the instance (set by the runtime, replaced after a trap)
    this.calls = 0;
    // Limits (limits.js), set by the runtime. While a memory or time limit is in
    // force (checking), every import that builds a value of unbounded size asks
    // limiter.check first: a value too large for the memory left, or a large one
    // past the deadline, is refused (the eval is unwound at once).
    this.limiter = null;
    this.checking = false;
    this.emptyGen = -1;
    this.emptyH = 0;
    this.lastStr = null; // the last string too long for string_get's buffer, encoded
    this.lastBytes = null;
    // By intern slot (values.js): a handle given for the slot's string in this
    // eval (its scratch generation and the slot's version then).
    this.internHandles = new Uint32Array(INTERN_SLOTS);
    this.internGens = new Int32Array(INTERN_SLOTS).fill(-1);
    this.internVersions = new Uint32Array(INTERN_SLOTS);
  }

  /** import name -> function, for WebAssembly.instantiate's "env". */
  table() {
    const env = {};
    for (const name of Object.keys(SIGNATURES)) env[PREFIX + name] = this[name].bind(this);
    return env;
  }

  // ------------------------------------------------------------ helpers

  new(v) {
    return this.objs.push(v);
  }

  get(h) {
    const objs = this.objs;
    return h > 0 && h <= objs.length ? objs[h - 1] : "";
  }

  /** The values of n handles at ptr. */
  values(ptr, n) {
    if (n <= 0) return [];
    const out = new Array(n);
    const u32 = this.mem().u32;
    const objs = this.objs;
    const len = objs.length;
    const base = ptr >>> 2;
    for (let k = 0; k < n; k++) {
      const h = u32[base + k];
      out[k] = h > 0 && h <= len ? objs[h - 1] : "";
    }
    return out;
  }

  text(ptr, n) {
    return decode(this.mem().u8, ptr >>> 0, n >>> 0);
  }

  key(ptr, n) {
    return n < 0 ? null : decode(this.mem().u8, ptr >>> 0, n);
  }

  state(i) {
    const core = this.cores[i];
    if (core == null) throw new Error(`feather: no interp ${i} in this runtime`);
    return core.state;
  }

  /** The instance, its views current (rebuilt after memory growth). */
  mem() {
    const inst = this.inst;
    if (inst.u8.length === 0) inst.refresh();
    return inst;
  }

  setU32(ptr, v) {
    this.mem().u32[ptr >>> 2] = v;
  }

  /** Elements of the value of h when it has a list rep (or a remembered
   * parse, which then becomes the handle's list rep), else null. */
  elements(h) {
    const v = this.get(h);
    const lst = asList(v);
    if (lst === null) return null;
    if (lst !== v && typeof v === "string" && h > 0 && h <= this.objs.length) this.objs[h - 1] = lst;
    return lst.elements();
  }

  /** Write the value of a variable operation to *ptr; h: a handle that
   * already holds exactly that value. */
  out(ptr, r, h = 0) {
    if (r.value !== null && ptr) this.setU32(ptr, h || this.new(r.value));
    return r.status;
  }

  // ------------------------------------------------------------ string

  string_new(i, s, n) {
    this.calls++;
    if (n === 0) {
      const gen = this.rt.scratch.gen;
      if (this.emptyGen !== gen || this.emptyH > this.objs.length) {
        this.emptyGen = gen;
        this.emptyH = this.new("");
      }
      return this.emptyH;
    }
    const u8 = this.mem().u8;
    if (n <= INTERN_MAX) {
      // An interned string: the handle given for it earlier in this eval, if any.
      const slot = internSlot(u8, s >>> 0, n);
      if (slot >= 0) {
        const objs = this.objs;
        const gen = this.rt.scratch.gen;
        const version = INTERN.version[slot];
        const h = this.internHandles[slot];
        if (this.internGens[slot] === gen && this.internVersions[slot] === version && h <= objs.length) return h;
        const fresh = objs.push(INTERN.strs[slot]);
        this.internHandles[slot] = fresh;
        this.internGens[slot] = gen;
        this.internVersions[slot] = version;
        return fresh;
      }
    }
    if (this.checking) this.limiter.check(n >>> 0);
    return this.objs.push(decode(u8, s >>> 0, n >>> 0));
  }

  string_get(i, o, buf, cap) {
    this.calls++;
    const v = this.get(o);
    const s = typeof v === "string" ? v : toStr(v);
    if (s.length === 0) return 0;
    const u8 = this.mem().u8;
    cap >>>= 0;
    buf >>>= 0;
    if (s === this.lastStr) {
      const bytes = this.lastBytes;
      if (bytes.length <= cap) u8.set(bytes, buf);
      return bytes.length;
    }
    if (s.length > cap) {
      // It cannot fit (a UTF-8 string has at least as many bytes as UTF-16
      // units; an escaped byte U+DC80..U+DCFF is one of each): encode it once
      // for the call that follows with a buffer that fits.
      const bytes = encode(s);
      this.lastStr = s;
      this.lastBytes = bytes;
      return bytes.length;
    }
    const n = encodeInto(s, u8, buf, cap);
    if (n > cap) {
      // The core asks again with a buffer that fits: keep the bytes for it.
      this.lastStr = s;
      this.lastBytes = new Uint8Array(n);
      encodeInto(s, this.lastBytes, 0, n);
    }
    return n;
  }

  string_concat(i, parts, n) {
    this.calls++;
    const vs = this.values(parts, n >>> 0);
    let s = "";
    if (this.checking) {
      let size = 0;
      for (const v of vs) size += typeof v === "string" ? v.length : toStr(v).length;
      this.limiter.check(size);
    }
    const tick = this.checking && vs.length > CHUNK;
    for (let k = 0; k < vs.length; k++) {
      if (tick && k % CHUNK === 0) this.limiter.tick();
      const v = vs[k];
      s += typeof v === "string" ? v : toStr(v);
    }
    return this.new(s);
  }

  // ------------------------------------------------------------ rune

  rune_case(i, cp, mode) {
    this.calls++;
    return runeCase(cp >>> 0, mode);
  }

  rune_class(i, cp) {
    this.calls++;
    return runeClass(cp >>> 0);
  }

  // ------------------------------------------------------------ integer, double

  integer_new(i, v) {
    this.calls++;
    return this.objs.push(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
  }

  integer_new32(i, v) {
    this.calls++;
    return this.objs.push(v);
  }

  integer_get(i, o, out) {
    this.calls++;
    return this.integer_get_value(this.get(o), out);
  }

  /** integer_get for a value: its numeric rep written at out, and its kind. */
  integer_get_value(v, out) {
    if (typeof v === "string") {
      // A canonical decimal string reads as the integer it denotes.
      const x = canonicalInt(v);
      if (x === null) return 0;
      v = x;
    }
    if (typeof v === "number") {
      const m = this.mem();
      const k = out >>> 2;
      m.u32[k] = v >>> 0; // ToUint32 is v mod 2^32, also for negative v
      m.i32[k + 1] = Math.floor(v / 4294967296);
      return 1;
    }
    if (typeof v === "bigint") {
      this.mem().dv.setBigInt64(out >>> 0, v, true);
      return 1;
    }
    if (v instanceof TclDouble) {
      this.mem().dv.setFloat64(out >>> 0, v.v, true);
      return 2;
    }
    return 0;
  }

  double_new(i, v) {
    this.calls++;
    return this.objs.push(new TclDouble(v));
  }

  double_parse(i, s, n, out) {
    this.calls++;
    const value = Number(this.text(s, n));
    if (Number.isNaN(value)) return 0;
    this.mem().dv.setFloat64(out >>> 0, value, true);
    return 1;
  }

  // ------------------------------------------------------------ list

  list_new(i, items, n) {
    this.calls++;
    if (this.checking) this.limiter.check((n >>> 0) * HANDLE_BYTES);
    return this.new(new TclList(this.values(items, n >>> 0)));
  }

  list_length(i, o) {
    this.calls++;
    const v = this.get(o);
    if (v instanceof TclList) return v.n;
    if (v instanceof TclDict) return v.lst !== null ? v.lst.n : 2 * v.d.size;
    const t = typeof v;
    if (t === "number" || t === "bigint" || v instanceof TclDouble) return 1;
    const lst = asList(v);
    if (lst === null) return -1;
    if (o > 0 && o <= this.objs.length) this.objs[o - 1] = lst;
    return lst.n;
  }

  list_from_spans(i, target, buf, spans, n) {
    this.calls++;
    n >>>= 0;
    const m = this.mem();
    const u8 = m.u8;
    const u32 = m.u32;
    const sp = spans >>> 2;
    buf >>>= 0;
    if (this.checking) this.limiter.check(n * HANDLE_BYTES);
    const items = new Array(n);
    const tick = this.checking && n > CHUNK;
    for (let k = 0; k < n; k++) {
      if (tick && k % CHUNK === 0) this.limiter.tick();
      items[k] = decode(u8, buf + u32[sp + 2 * k], u32[sp + 2 * k + 1]);
    }
    if (!target) return this.new(new TclList(items));
    const rep = toStr(this.get(target));
    const lst = new TclList(items, n, rep);
    if (target > 0 && target <= this.objs.length) this.objs[target - 1] = lst;
    rememberList(rep, lst);
    return target;
  }

  list_items(i, o, first, count, out) {
    this.calls++;
    const v = this.get(o);
    first >>>= 0;
    count >>>= 0;
    let items, n;
    if (v instanceof TclList) {
      items = v.items;
      n = v.n;
    } else if (v instanceof TclDict) {
      // Its list rep, made once (foreach reads a dict an item at a time).
      const lst = asList(v);
      items = lst.items;
      n = lst.n;
    } else {
      items = this.elements(o);
      if (items === null) return 0;
      n = items.length;
    }
    if (first >= n) return 0;
    const end = count >= n - first ? n : first + count;
    if (this.checking) this.limiter.check((end - first) * HANDLE_BYTES);
    const objs = this.objs;
    const u32 = this.mem().u32;
    const dst = (out >>> 2) - first;
    if (first === 0 && end === n && v instanceof TclList) {
      // The whole list: its elements get consecutive handles once per eval,
      // given again when it is expanded again (a proc's parameter list at
      // every call, a list iterated twice). Elements [0, n) never change.
      const gen = this.rt.scratch.gen;
      let base = v.hbase;
      if (v.hgen !== gen || base + n - 1 > objs.length) {
        base = objs.length + 1;
        for (let k = 0; k < n; k++) objs.push(items[k]);
        v.hgen = gen;
        v.hbase = base;
      }
      for (let k = 0; k < n; k++) u32[dst + k] = base + k;
      return n;
    }
    const base = objs.length + 1;
    for (let k = first; k < end; k++) {
      objs.push(items[k]);
      u32[dst + k] = base + k - first;
    }
    return end - first;
  }

  list_range(i, o, first, count) {
    this.calls++;
    const elems = this.elements(o) ?? [];
    first >>>= 0;
    count >>>= 0;
    const chunk = elems.slice(first, first + count);
    if (this.checking) this.limiter.check(chunk.length * HANDLE_BYTES);
    return this.new(new TclList(chunk));
  }

  list_append(i, o, items, n) {
    this.calls++;
    const v = this.get(o);
    if (this.checking) this.limiter.check(valueSize(v) + (n >>> 0) * HANDLE_BYTES);
    const added = this.values(items, n >>> 0);
    if (v instanceof TclList) return this.new(v.append(added));
    const elems = this.elements(o) ?? [];
    for (const x of added) elems.push(x);
    return this.new(new TclList(elems));
  }

  list_splice(i, o, first, remove, items, n) {
    this.calls++;
    const v = this.get(o);
    if (this.checking) this.limiter.check(valueSize(v) + (n >>> 0) * HANDLE_BYTES);
    const added = this.values(items, n >>> 0);
    first >>>= 0;
    remove >>>= 0;
    if (v instanceof TclList && remove === 0 && first >= v.n) return this.new(v.append(added));
    const elems = this.elements(o) ?? [];
    first = Math.min(first, elems.length);
    // concat, not splice(...added): a spread of a long list overflows the stack.
    return this.new(new TclList(elems.slice(0, first).concat(added, elems.slice(first + remove))));
  }

  // ------------------------------------------------------------ dict

  dict_size(i, o) {
    this.calls++;
    const v = this.get(o);
    return v instanceof TclDict ? v.d.size : -1;
  }

  dict_from_list(i, o) {
    this.calls++;
    const v = this.get(o);
    if (v instanceof TclDict) return o;
    const elems = this.elements(o) ?? [];
    const d = new Map();
    for (let k = 0; k + 1 < elems.length; k += 2) d.set(toStr(elems[k]), elems[k + 1]);
    const lst = this.get(o);
    const canonical = 2 * d.size === elems.length;
    // The string rep stays what it was (Tcl keeps it until the dict changes):
    // that of a string, or of a list parsed from one.
    const rep = canonical && lst instanceof TclList && lst.rep === null ? null : toStr(lst);
    const dv = new TclDict(d, rep);
    if (!canonical) dv.lst = lst instanceof TclList ? lst : new TclList(elems);
    if (o > 0 && o <= this.objs.length) this.objs[o - 1] = dv;
    return o;
  }

  dict_get(i, o, key) {
    this.calls++;
    const v = this.get(o);
    if (!(v instanceof TclDict)) return 0;
    const found = v.d.get(toStr(this.get(key)));
    return found === undefined ? 0 : this.new(found);
  }

  dict_put(i, o, key, value) {
    this.calls++;
    const v = this.get(o);
    const d = v instanceof TclDict ? v : new TclDict(new Map());
    return this.new(d.put(toStr(this.get(key)), value ? this.get(value) : undefined));
  }

  // ------------------------------------------------------------ var

  var_get(i, name, nlen, key, klen, flags, out) {
    this.calls++;
    if ((flags & 4) !== 0) return this.out(out, this.state(i).varArrayTrace(this.text(name, nlen)));
    const s = this.state(i);
    const text = this.text(name, nlen);
    if (klen < 0) {
      // An untraced scalar: no result object on the way.
      const v = s.plainVar(text);
      if (v !== null && v.traces === null && v.etraces === null && v.value !== null) {
        const h = this.new(v.value);
        this.setU32(out, h);
        if ((flags & 2) !== 0) this.setU32(out + 4, this.integer_get_value(v.value, out + 8));
        return 0;
      }
    }
    const r = s.varGet(text, this.key(key, klen), (flags & 1) === 0);
    if ((flags & 2) === 0 || r.status !== 0) return this.out(out, r);
    // out is a FeatherVarNumber {value, kind, number}: the number too.
    const h = this.new(r.value);
    this.setU32(out, h);
    this.setU32(out + 4, this.integer_get_value(r.value, out + 8));
    return r.status;
  }

  var_set(i, name, nlen, key, klen, value, out) {
    this.calls++;
    const v = this.get(value);
    const s = this.state(i);
    const text = this.text(name, nlen);
    if (klen < 0) {
      // An untraced scalar that exists: stored in place, the value's handle given back.
      const x = s.plainVar(text);
      if (x !== null && x.traces === null && x.etraces === null && x.arr === null) {
        x.value = v;
        if (out) this.setU32(out, value || this.new(v));
        return 0;
      }
    }
    const r = s.varSet(text, this.key(key, klen), v);
    return this.out(out, r, r.value === v ? value : 0);
  }

  var_unset(i, name, nlen, key, klen, out) {
    this.calls++;
    const r = this.state(i).varUnset(this.text(name, nlen), this.key(key, klen));
    return this.out(out, r);
  }

  var_incr(i, name, nlen, key, klen, delta, out) {
    this.calls++;
    const s = this.state(i);
    const text = this.text(name, nlen);
    if (klen < 0) {
      // An untraced scalar holding a safe integer (delta is 32 bits): in place.
      const v = s.plainVar(text);
      if (v !== null && v.traces === null && v.etraces === null && typeof v.value === "number") {
        const total = v.value + delta;
        if (Number.isSafeInteger(total)) {
          v.value = total;
          if (out) this.setU32(out, this.new(total));
          return 0;
        }
      }
    }
    const r = s.varIncr(text, this.key(key, klen), delta);
    return this.out(out, r);
  }

  var_lappend(i, name, nlen, key, klen, items, n, out) {
    this.calls++;
    const s = this.state(i);
    const vname = this.text(name, nlen);
    if (klen < 0 && !this.checking) {
      // An untraced scalar holding a list: appended to in place.
      const x = s.plainVar(vname);
      if (x !== null && x.traces === null && x.etraces === null && x.value instanceof TclList) {
        const lst = x.value.append(this.values(items, n >>> 0));
        x.value = lst;
        if (out) this.setU32(out, this.new(lst));
        return 0;
      }
    }
    const r = s.varLappend(vname, this.key(key, klen), this.values(items, n >>> 0));
    if (this.checking && r.value !== null) this.limiter.check(valueSize(r.value));
    return this.out(out, r);
  }

  var_append(i, name, nlen, key, klen, parts, n, out) {
    this.calls++;
    const s = this.state(i);
    const vname = this.text(name, nlen);
    if (klen < 0 && !this.checking) {
      // An untraced scalar that holds a value: appended in place.
      const x = s.plainVar(vname);
      if (x !== null && x.traces === null && x.etraces === null && x.arr === null && x.value !== null) {
        const cur = x.value;
        let t = typeof cur === "string" ? cur : toStr(cur);
        const u32 = this.mem().u32;
        const base = parts >>> 2;
        for (let k = 0, m = n >>> 0; k < m; k++) {
          const v = this.get(u32[base + k]);
          t += typeof v === "string" ? v : toStr(v);
        }
        x.value = t;
        if (out) this.setU32(out, this.new(t));
        return 0;
      }
    }
    // One value at a time, as Tcl appends: each fires the write traces and
    // sees what the previous one's traces left; an error stops there.
    const vs = this.values(parts, n >>> 0);
    const vkey = this.key(key, klen);
    let r = null;
    for (const v of vs) {
      const text = typeof v === "string" ? v : toStr(v);
      if (this.checking) this.limiter.check(text.length);
      r = s.varAppend(vname, vkey, text, toStr);
      if (this.checking && r.value !== null) this.limiter.check(valueSize(r.value));
      if (r.status !== 0) break;
    }
    if (r === null) r = s.varAppend(vname, vkey, "", toStr); // append with no value
    return this.out(out, r);
  }

  var_link(i, name, nlen, level, target, tlen) {
    this.calls++;
    return this.state(i).varLink(this.text(name, nlen), level, this.text(target, tlen));
  }

  var_kind(i, name, nlen) {
    this.calls++;
    return this.state(i).varKind(this.text(name, nlen));
  }

  // ------------------------------------------------------------ frame

  frame_push(i, words, nwords, ns, nslen, isNs) {
    this.calls++;
    return this.state(i).pushFrame(this.values(words, nwords >>> 0), this.key(ns, nslen), isNs !== 0);
  }

  frame_push_proc(i, words, nwords, ns, nslen, buf, spans, values, n) {
    this.calls++;
    n >>>= 0;
    // pushProcFrame inlined: the arguments go straight into the new frame's
    // locals (simple names, a new frame: no link or trace is involved).
    const s = this.state(i);
    const level = s.pushFrame(this.values(words, nwords >>> 0), this.key(ns, nslen), false);
    if (n > 0) {
      const locals = s.active.locals;
      const m = this.mem();
      const u8 = m.u8;
      const u32 = m.u32;
      const sp = spans >>> 2;
      const vp = values >>> 2;
      buf >>>= 0;
      for (let k = 0; k < n; k++) {
        const name = decode(u8, buf + u32[sp + 2 * k], u32[sp + 2 * k + 1]);
        locals.set(name, new Var(this.get(u32[vp + k])));
      }
      // A repeated parameter name: the first one's argument is the value (as in Tcl).
      if (locals.size < n) {
        for (let k = n - 1; k >= 0; k--) {
          const name = decode(u8, buf + u32[sp + 2 * k], u32[sp + 2 * k + 1]);
          locals.get(name).value = this.get(u32[vp + k]);
        }
      }
    }
    return level;
  }

  frame_pop(i) {
    this.calls++;
    this.state(i).popFrame();
  }

  frame_level(i, top) {
    this.calls++;
    const s = this.state(i);
    if (top) this.setU32(top, s.frames[s.frames.length - 1].level);
    return s.active.level;
  }

  frame_activate(i, level) {
    this.calls++;
    return this.state(i).activate(level);
  }

  frame_words(i, level) {
    this.calls++;
    const frame = this.state(i).frameAt(level);
    return frame !== null && frame.words !== null ? this.new(this.state(i).frameWords(frame)) : 0;
  }

  // ------------------------------------------------------------ commands

  nsHandle(ns) {
    const gen = this.rt.scratch.gen;
    if (ns.hgen !== gen || ns.hname > this.objs.length) {
      ns.hgen = gen;
      ns.hname = this.new(ns.name);
    }
    return ns.hname;
  }

  cmd_lookup(i, name, nlen, out) {
    this.calls++;
    const cmd = this.state(i).lookupCommand(this.text(name, nlen));
    const k = out >>> 2;
    if (cmd === null) {
      this.mem().u32.fill(0, k, k + 8);
      return 0;
    }
    const gen = this.rt.scratch.gen;
    this.cmdHandles(cmd, gen);
    // An imported command: the original's description under its own name.
    const real = cmd.origin !== null ? cmd.real() : cmd;
    if (real !== cmd) this.cmdHandles(real, gen);
    const u32 = this.mem().u32;
    u32[k] = real.kind;
    u32[k + 1] = real.id;
    u32[k + 2] = real.hparams;
    u32[k + 3] = real.hbody;
    u32[k + 4] = real.hns;
    u32[k + 5] = cmd.hname;
    u32[k + 6] = this.state(i).resolvesEverywhere(cmd, this.text(name, nlen)) ? 1 : 0;
    u32[k + 7] = cmd.etraces !== null && cmd.etraces.length > 0 ? 1 : 0;
    return real.kind;
  }

  cmdHandles(cmd, gen) {
    if (cmd.hgen !== gen || cmd.hname > this.objs.length) {
      cmd.hgen = gen;
      cmd.hparams = cmd.params !== null ? this.new(cmd.params) : 0;
      cmd.hbody = cmd.body !== null ? this.new(cmd.body) : 0;
      cmd.hns = this.nsHandle(cmd.ns);
      cmd.hname = this.new(cmd.qualified());
    }
  }

  cmd_import(i, name, nlen, target, tlen) {
    this.calls++;
    return this.state(i).importCommand(this.text(name, nlen), this.text(target, tlen));
  }

  cmd_origin(i, name, nlen, deep) {
    this.calls++;
    const found = this.state(i).commandOrigin(this.text(name, nlen), deep !== 0);
    return found === null ? 0 : this.new(found);
  }

  cmd_update(i, name, nlen, params) {
    this.calls++;
    return this.state(i).updateCommand(this.text(name, nlen), this.get(params));
  }

  // ------------------------------------------------------------ scratch

  scratch_mark(i) {
    this.calls++;
    return this.objs.length;
  }

  scratch_release(i, mark, keep) {
    this.calls++;
    return this.rt.scratch.release(mark >>> 0, keep >>> 0);
  }

  pin(i, o) {
    this.calls++;
    return this.rt.scratch.pin(o >>> 0);
  }

  proc_define(i, name, nlen, kind, id, params, body) {
    this.calls++;
    return this.state(i).define(
      this.text(name, nlen),
      kind,
      id,
      params ? this.get(params) : null,
      body ? this.get(body) : null,
    );
  }

  cmd_rename(i, oldName, olen, newName, nlen) {
    this.calls++;
    return this.state(i).rename(this.text(oldName, olen), nlen ? this.text(newName, nlen) : "");
  }

  cmd_invoke(i, id, argv, argc, result) {
    this.calls++;
    const [code, value] = this.rt.core(i).invoke(id, this.values(argv, argc >>> 0));
    if (this.checking) this.limiter.check(valueSize(value));
    this.setU32(result, this.new(value));
    return code;
  }

  names(i, which, ns, nslen) {
    this.calls++;
    const s = this.state(i);
    if (which === NAMES_ELEMENTS) return this.new(new TclList(nslen >= 0 ? s.arrayKeys(this.text(ns, nslen)) : []));
    let where = null;
    if (nslen >= 0) {
      where = s.findNs(this.text(ns, nslen));
      if (where === null) return this.new(new TclList([]));
    }
    let names;
    if (which === NAMES_COMMANDS || which === NAMES_PROCS) names = s.commandNames(where, which === NAMES_PROCS);
    // An explicit namespace (info vars ns::*): its variables, fully qualified.
    else if (which === NAMES_VARS) names = where === null ? s.varNames("vars") : s.nsVarNames(where);
    else if (which === NAMES_LOCALS) names = s.varNames("locals");
    else if (which === NAMES_GLOBALS) names = s.varNames("globals");
    else if (which === NAMES_CHILDREN) names = s.children(where ?? s.active.ns);
    else names = [];
    return this.new(new TclList(names));
  }

  // ------------------------------------------------------------ namespaces

  ns_current(i) {
    this.calls++;
    return this.nsHandle(this.state(i).active.ns);
  }

  ns_resolve(i, name, nlen, create) {
    this.calls++;
    const s = this.state(i);
    const text = this.text(name, nlen);
    const ns = create ? s.createNs(text) : s.findNs(text);
    return ns === null ? 0 : this.nsHandle(ns);
  }

  ns_delete(i, name, nlen) {
    this.calls++;
    return this.state(i).deleteNs(this.text(name, nlen)) ? 0 : 1;
  }

  ns_attr(i, which, ns, nslen, value) {
    this.calls++;
    const s = this.state(i);
    const where = nslen < 0 ? s.active.ns : s.findNs(this.text(ns, nslen));
    if (where === null) return 0;
    return this.new(s.nsAttr(where, which, value ? this.get(value) : null));
  }

  // ------------------------------------------------------------ traces

  ops(h) {
    const elems = this.elements(h);
    if (elems === null) return toStr(this.get(h)).split(/\s+/).filter((w) => w);
    return elems.map(toStr);
  }

  trace_add(i, kind, name, nlen, ops, script) {
    this.calls++;
    return this.state(i).traceAdd(kind, this.text(name, nlen), this.ops(ops), toStr(this.get(script)));
  }

  trace_remove(i, kind, name, nlen, ops, script) {
    this.calls++;
    return this.state(i).traceRemove(kind, this.text(name, nlen), this.ops(ops), toStr(this.get(script)));
  }

  trace_info(i, kind, name, nlen) {
    this.calls++;
    return this.new(this.state(i).traceInfo(kind, this.text(name, nlen)));
  }

  // ------------------------------------------------------------ interp

  interp_set_result(i, result) {
    this.calls++;
    this.rt.core(i).result = result ? this.get(result) : "";
  }

  interp_limit(i) {
    this.calls++;
    return this.rt.core(i).limit;
  }

  /** May the running eval go on? 2 or 3 stop it with *message (limits.js).
   * Asked about the native stack (*message POLL_STACK): 0 or POLL_NO_STACK. */
  interp_poll(i, message) {
    this.calls++;
    if (this.mem().u32[message >>> 2] === POLL_STACK) return stackRoom() ? 0 : POLL_NO_STACK;
    const stop = this.limiter.poll();
    if (stop === null) return 0;
    this.setU32(message, this.new(stop));
    return stopKind(stop);
  }
}

