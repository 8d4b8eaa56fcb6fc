// values.js -- the object store: Tcl values, the scratch handle table,
// materialize and wrap. Twin of host/feather_tcl/values.py.
//
// Value model (every value is immutable in meaning):
//
// - a JS string: a Tcl string. Bytes from the core that are not UTF-8 become
//   the lone surrogates U+DC80..U+DCFF (one per byte) and are written back as
//   those bytes, so every byte string survives a round trip (Python's
//   "surrogateescape"). `append` needs no builder type here: V8 concatenates
//   strings as ropes, so a loop of `append` is linear.
// - a JS number (always an integer within +-2^53) or a bigint (an integer
//   beyond that, within 64 bits): a Tcl integer.
// - TclDouble: a double (wrapped, so that 3.0 stays a double).
// - TclList: a list. Its elements are items[0..n); items may be longer when
//   another list was made by appending to this one (see below).
// - TclDict: a dict; keys are strings, in insertion order.
//
// Copy-on-write by ownership of the tail: a list whose n equals items.length
// owns the end of its backing array, so appending pushes onto items in place
// and returns a new TclList with a larger n; every older value still sees its
// own prefix, unchanged. Appending to a list that does not own the tail copies
// its prefix first. So a handle, a variable and a list element can share one
// value, an `lappend` loop is linear, and no value ever changes under a holder.
//
// Scratch handles: Scratch maps a handle (index + 1; 0 is nil) to a value, in
// an array. It is cleared when the outermost eval on the WASM instance
// returns. materialize (handle -> value) and wrap (value -> fresh handle)
// store and return the same JS value: O(1), no per-element copy.

export class TclDouble {
  constructor(v) {
    this.v = v;
  }
}

export class TclList {
  /** The first n elements of items (values, not handles); rep: cached string rep. */
  constructor(items, n = items.length, rep = null) {
    this.items = items;
    this.n = n;
    this.rep = rep;
    this.hgen = -1; // scratch generation of hbase (imports.js list_items)
    this.hbase = 0; // first of n consecutive handles to the elements
  }

  /** The elements as a fresh array (O(n)). */
  elements() {
    return this.items.slice(0, this.n);
  }

  /** This list with `added` appended; pushes onto the backing array in place
   * when this value owns its tail (amortised O(added.length)). */
  append(added) {
    let items = this.items;
    const n = this.n;
    if (items.length !== n) items = items.slice(0, n);
    for (let k = 0; k < added.length; k++) items.push(added[k]);
    return new TclList(items, n + added.length);
  }
}

export class TclDict {
  /** d: a Map from string keys to values, in insertion order. */
  constructor(d, rep = null) {
    this.m = d; // the Map, or null while this version is a diff (see put)
    this.diff = null; // {base, key, had, old}: this = base with key restored
    this.rep = rep;
    // The list this dict was made from when that list had duplicate keys: its
    // list rep is then that list, not the canonical key/value list.
    this.lst = null;
    this.fl = null; // this version's list rep when made (asList): a version never changes in meaning
  }

  /** The entries (a Map: read it, never change it). */
  get d() {
    if (this.m === null) reroot(this);
    return this.m;
  }

  /** This dict with key set to value (undefined: key removed).
   *
   * Persistent by Baker's trick: setting a key moves the Map to the new
   * version in O(1) and leaves this one a diff against it ({base, key, had,
   * old}); reading an older version later moves the Map back along the chain
   * (reroot). So a `dict set` / `dict incr` loop is linear and every version
   * keeps its meaning. Removing a key copies (a Map cannot re-insert a key at
   * its old position). */
  put(key, value) {
    const m = this.d;
    if (value === undefined) {
      // A new value even when the key is absent: its string rep is canonical.
      const copy = new Map(m);
      copy.delete(key);
      return new TclDict(copy);
    }
    const next = new TclDict(m);
    this.diff = { base: next, key, had: m.has(key), old: m.get(key) };
    this.m = null;
    m.set(key, value);
    return next;
  }

  /** The dict as a flat key/value array (its list rep). */
  flat() {
    if (this.lst !== null) return this.lst.elements();
    const out = [];
    for (const [k, v] of this.d) out.push(k, v);
    return out;
  }
}

/** Move the Map of a chain of dict versions to version d. */
function reroot(d) {
  const chain = [];
  let node = d;
  while (node.m === null) {
    chain.push(node);
    node = node.diff.base;
  }
  for (let j = chain.length - 1; j >= 0; j--) {
    const c = chain[j];
    const b = c.diff.base; // holds the Map now
    const m = b.m;
    const { key, had, old } = c.diff;
    b.diff = { base: c, key, had: m.has(key), old: m.get(key) };
    b.m = null;
    if (had) m.set(key, old);
    else m.delete(key);
    c.m = m;
    c.diff = null;
  }
}

// ---------------------------------------------------------------- UTF-8

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

// Short ASCII strings (command and variable names, small numbers, words of
// scripts run in loops) are interned in a direct-mapped table: decoding one
// already seen allocates nothing, and string_new can give the same handle
// again within an eval (a per-runtime table of handles by slot, imports.js).
export const INTERN_MAX = 64;
export const INTERN_SLOTS = 8192;
export const INTERN = {
  strs: new Array(INTERN_SLOTS).fill(""),
  version: new Uint32Array(INTERN_SLOTS), // bumped when a slot gets another string
  // The hash of each slot's string: a string not interned is told from the
  // slot's at once, without touching the slot's string (a cache miss).
  hashes: new Int32Array(INTERN_SLOTS),
};

/** The intern slot of the ASCII bytes u8[start, start+len) (0 < len <=
 * INTERN_MAX), the string put there when it was not; -1 when a byte is not ASCII. */
export function internSlot(u8, start, len) {
  const end = start + len;
  let h = len;
  for (let k = start; k < end; k++) {
    const c = u8[k];
    if (c > 127) return -1;
    h = (Math.imul(h, 31) + c) | 0;
  }
  const slot = (h ^ (h >>> 13)) & (INTERN_SLOTS - 1);
  const strs = INTERN.strs;
  if (INTERN.hashes[slot] === h) {
    const s = strs[slot];
    if (s.length === len) {
      let k = 0;
      while (k < len && s.charCodeAt(k) === u8[start + k]) k++;
      if (k === len) return slot;
    }
  }
  let t = "";
  if (len <= 16) for (let k = start; k < end; k++) t += String.fromCharCode(u8[k]);
  else t = strictDecoder.decode(u8.subarray(start, end));
  strs[slot] = t;
  INTERN.hashes[slot] = h;
  INTERN.version[slot]++;
  return slot;
}

// The one-character ASCII strings (one-letter variable names are common).
const ASCII1 = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** Bytes u8[start, start+len) as a string; invalid UTF-8 bytes become U+DC80..U+DCFF. */
export function decode(u8, start, len) {
  if (len === 1) {
    const c = u8[start];
    if (c < 128) return ASCII1[c];
  }
  if (len === 0) return "";
  if (len <= INTERN_MAX) {
    const slot = internSlot(u8, start, len);
    if (slot >= 0) return INTERN.strs[slot];
  }
  return decodeSlow(u8, start, len);
}

function decodeSlow(u8, start, len) {
  const bytes = u8.subarray(start, start + len);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeEscaped(bytes);
  }
}

/** Strict UTF-8, each byte of an invalid sequence becoming U+DC00 + byte. */
function decodeEscaped(b) {
  const parts = [];
  let codes = [];
  const flush = () => {
    parts.push(String.fromCharCode.apply(null, codes));
    codes = [];
  };
  const n = b.length;
  let k = 0;
  while (k < n) {
    const c = b[k];
    let cp = -1;
    let used = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c <= 0xdf && k + 1 < n && (b[k + 1] & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (b[k + 1] & 0x3f);
      used = 2;
    } else if (c >= 0xe0 && c <= 0xef && k + 2 < n && (b[k + 1] & 0xc0) === 0x80 && (b[k + 2] & 0xc0) === 0x80) {
      const v = ((c & 0x0f) << 12) | ((b[k + 1] & 0x3f) << 6) | (b[k + 2] & 0x3f);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        used = 3;
      }
    } else if (
      c >= 0xf0 && c <= 0xf4 && k + 3 < n &&
      (b[k + 1] & 0xc0) === 0x80 && (b[k + 2] & 0xc0) === 0x80 && (b[k + 3] & 0xc0) === 0x80
    ) {
      const v = ((c & 0x07) << 18) | ((b[k + 1] & 0x3f) << 12) | ((b[k + 2] & 0x3f) << 6) | (b[k + 3] & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        used = 4;
      }
    }
    if (cp < 0) cp = 0xdc00 + c;
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else codes.push(cp);
    if (codes.length > 4096) flush();
    k += used;
  }
  flush();
  return parts.join("");
}

/** A string as UTF-8 bytes (U+DC80..U+DCFF back to the bytes they stand for). */
export function encode(s) {
  if (s.isWellFormed === undefined || s.isWellFormed()) return encoder.encode(s);
  const out = [];
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
        k++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Write s as UTF-8 at u8[ptr..ptr+cap) when it fits; returns its byte length. */
export function encodeInto(s, u8, ptr, cap) {
  const n = s.length;
  if (n <= 64 && n <= cap) {
    let k = 0;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c > 127) break;
      u8[ptr + k] = c;
    }
    if (k === n) return n;
  }
  if (s.isWellFormed !== undefined && !s.isWellFormed()) {
    const bytes = encode(s);
    if (bytes.length <= cap) u8.set(bytes, ptr);
    return bytes.length;
  }
  if (cap > 0) {
    const { read, written } = encoder.encodeInto(s, u8.subarray(ptr, ptr + cap));
    if (read === n) return written;
  }
  return utf8Length(s);
}

/** Byte length of s in UTF-8 (s well formed). */
export function utf8Length(s) {
  let len = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      len += 4;
      k++;
    } else len += 3;
  }
  return len;
}

// ---------------------------------------------------------------- doubles

/** A double as Tcl 8.6 prints it (tcl_precision 0): shortest round-trip
 * digits, exponent form below 1e-4 and from 1e17 ("1e-5", "1e+17"), "Inf",
 * "-Inf", "NaN", integral values ending in ".0". */
export function formatDouble(x) {
  if (x !== x) return "NaN";
  if (x === Infinity) return "Inf";
  if (x === -Infinity) return "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // toExponential() without digits gives the shortest round-trip digits.
  const e = x.toExponential();
  let sign = "";
  let r = e;
  if (r[0] === "-") {
    sign = "-";
    r = r.slice(1);
  }
  const at = r.indexOf("e");
  const mant = r.slice(0, at);
  const exp = Number(r.slice(at + 1));
  const digits = mant.replace(".", "");
  if (exp < -4 || exp > 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    return `${sign}${m}e${exp >= 0 ? "+" : "-"}${Math.abs(exp)}`;
  }
  const point = exp + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// ---------------------------------------------------------------- list formatting

// Characters that make an element need braces or backslashes (Tcl's TclScanElement).
const SPECIAL = /[{}[\]"$;\\ \f\n\r\t\v]/;
const ESCAPES = {
  "]": "\\]",
  "[": "\\[",
  $: "\\$",
  ";": "\\;",
  " ": "\\ ",
  "\\": "\\\\",
  '"': '\\"',
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "{": "\\{",
  "}": "\\}",
};
const ESCAPE_RE = /[\][$; \\"\f\n\r\t\v]/g;
const ESCAPE_ALL_RE = /[\][$; \\"\f\n\r\t\v{}]/g;
const escapeOne = (c) => ESCAPES[c];

/** One list element quoted as Tcl 8.6 does (Tcl_Merge / the list string rep).
 * first: the element begins the list, so a leading '#' is quoted. */
export function quoteElement(s, first = false) {
  if (s.length === 0) return "{}";
  if (!SPECIAL.test(s)) {
    if (first && s.charCodeAt(0) === 35 /* # */) return "{" + s + "}";
    return s;
  }
  return quoteSpecial(s, first);
}

function quoteSpecial(s, first) {
  const hashQuote = first && s[0] === "#";
  let forbidNone = false;
  let requireEscape = false;
  let preferEscape = false;
  let preferBrace = hashQuote;
  if (s[0] === "{" || s[0] === '"') forbidNone = preferBrace = true;
  let nesting = 0;
  const length = s.length;
  for (let i = 0; i < length; i++) {
    const c = s[i];
    if (c === "{") nesting++;
    else if (c === "}") {
      nesting--;
      if (nesting < 0) requireEscape = true;
    } else if (c === '"' || c === "]") forbidNone = preferEscape = true;
    else if ("[$; \f\n\r\t\v".includes(c)) forbidNone = preferBrace = true;
    else if (c === "\\") {
      if (i + 1 === length) requireEscape = true;
      else if (s[i + 1] === "\n") {
        requireEscape = true;
        i++;
      } else {
        if ("{}\\".includes(s[i + 1])) i++;
        forbidNone = preferBrace = true;
      }
    }
  }
  if (nesting !== 0) requireEscape = true;
  if (requireEscape) {
    const body = s.replace(ESCAPE_ALL_RE, escapeOne);
    return hashQuote ? "\\" + body : body;
  }
  if (forbidNone) {
    // Quoting only for ] or an inner ": escape all but braces (CONVERT_MASK).
    if (preferEscape && !preferBrace) return s.replace(ESCAPE_RE, escapeOne);
    return "{" + s + "}";
  }
  if (hashQuote) return "{" + s + "}";
  return s;
}

/** The string rep of a list (an array of values), as Tcl 8.6 formats it. */
export function formatList(items, n = items.length) {
  let out = "";
  for (let k = 0; k < n; k++) {
    const v = items[k];
    if (k > 0) out += " ";
    out += typeof v === "number" ? String(v) : quoteElement(toStr(v), k === 0);
  }
  return out;
}

// ---------------------------------------------------------------- conversions

/** Give root and the lists and dicts nested in it their string reps, innermost
 * first, without recursion: a list nested 100,000 deep is fine (a recursive
 * toStr would exhaust the JS stack). */
function fillReps(root) {
  const stack = [root, false];
  while (stack.length > 0) {
    const ready = stack.pop();
    const node = stack.pop();
    if (ready) {
      if (node.rep === null) {
        node.rep = node instanceof TclList ? formatList(node.items, node.n) : formatList(node.flat());
      }
      continue;
    }
    stack.push(node, true);
    const items = node instanceof TclList ? node.items : node.flat();
    const n = node instanceof TclList ? node.n : items.length;
    for (let k = 0; k < n; k++) {
      const c = items[k];
      if ((c instanceof TclList || c instanceof TclDict) && c.rep === null) stack.push(c, false);
    }
  }
}

/** The string rep of any value. */
export function toStr(v) {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "1" : "0";
    case "undefined":
      return "";
  }
  if (v instanceof TclList) {
    if (v.rep === null) fillReps(v);
    return v.rep;
  }
  if (v instanceof TclDouble) return formatDouble(v.v);
  if (v instanceof TclDict) {
    if (v.rep === null) fillReps(v);
    return v.rep;
  }
  return v === null ? "" : String(v);
}

/** A 64-bit integer (bigint) as a value: a number when it is safe, else the bigint. */
export function intValue(b) {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** The number a string denotes when it is the canonical decimal form of a
 * safe integer ("0", "-12", not "012", "+1", " 1" or "-0"), else null. Such a
 * string and the number have the same string rep, so the host may read it as
 * an integer rep (integer_get, var_get's number) and spare the core a crossing
 * to read and parse it. */
export function canonicalInt(s) {
  const n = s.length;
  if (n === 0 || n > 16) return null;
  let k = 0;
  if (s.charCodeAt(0) === 45) {
    if (n === 1) return null;
    k = 1;
  } else if (n > 15) return null;
  const first = s.charCodeAt(k);
  if (first === 48) return n === 1 ? 0 : null;
  for (let j = k; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  return Number(s);
}

export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;

// Parsed lists by string: the core parses a string's list rep once (the host
// installs it with list_from_spans); later uses of an equal string, e.g. a
// literal list or a proc's argument list in another eval, find it here. Bounded.
let parsed = new Map();
const PARSED_ENTRIES = 1024;
const PARSED_MAX_LEN = 4096;

/** Record that string s parses as list lst. */
export function rememberList(s, lst) {
  if (s.length <= PARSED_MAX_LEN) {
    if (parsed.size >= PARSED_ENTRIES) parsed = new Map();
    parsed.set(s, lst);
  }
}

const EMPTY_LIST = new TclList([], 0, "");

/** v as a TclList when it has a list rep or a remembered parse, else null. A
 * number is a one-element list; the empty string is the empty list. */
export function asList(v) {
  if (v instanceof TclList) return v;
  if (v instanceof TclDict) {
    if (v.lst !== null) return v.lst;
    if (v.fl === null) v.fl = new TclList(v.flat());
    return v.fl;
  }
  const t = typeof v;
  if (t === "number" || t === "bigint" || v instanceof TclDouble) return new TclList([v]);
  const s = t === "string" ? v : toStr(v);
  if (s.length === 0) return EMPTY_LIST;
  return parsed.get(s) ?? null;
}

/** The elements of v (a fresh array) when it has a list rep, else null. */
export function listItemsOf(v) {
  const lst = asList(v);
  return lst === null ? null : lst.elements();
}

/** A JS value returned by an embedder command (or passed to call) as a Tcl value. */
export function fromJs(x) {
  if (x === null || x === undefined) return "";
  switch (typeof x) {
    case "string":
      return x;
    case "boolean":
      return x ? "1" : "0";
    case "number":
      return Number.isSafeInteger(x) && !Object.is(x, -0) ? x : new TclDouble(x);
    case "bigint":
      return x >= INT64_MIN && x <= INT64_MAX ? intValue(x) : x.toString();
  }
  if (x instanceof TclList || x instanceof TclDict || x instanceof TclDouble) return x;
  if (Array.isArray(x)) return new TclList(x.map(fromJs));
  if (x instanceof Map) {
    const d = new Map();
    for (const [k, v] of x) d.set(toStr(fromJs(k)), fromJs(v));
    return new TclDict(d);
  }
  if (typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    const d = new Map();
    for (const k of Object.keys(x)) d.set(k, fromJs(x[k]));
    return new TclDict(d);
  }
  return String(x);
}

// ---------------------------------------------------------------- scratch handles

let generations = 0;

/** The scratch handle table of one WASM instance: handle h is objs[h - 1]; 0
 * is nil. Cleared after each outermost eval. */
export class Scratch {
  constructor() {
    this.objs = [];
    // Changed on every reset: caches of handles compare it. Unique across
    // every Scratch of the process, as values (a remembered parse) may be
    // shared by several runtimes.
    this.gen = ++generations;
    this.highWater = 0; // the most handles held at once so far (before a reset)
    this.pinFloor = 0; // releases never drop this handle or older ones
  }

  /** A fresh handle to v (O(1): the same value, never a copy). Lifetime:
   * until a release to a mark taken before it, or the reset after the
   * outermost eval. v itself must never be changed in place (it may be
   * shared with variables and other handles). */
  new(v) {
    return this.objs.push(v);
  }

  /** The value of handle h, or undefined for nil or a stale handle. */
  get(h) {
    return h > 0 && h <= this.objs.length ? this.objs[h - 1] : undefined;
  }

  /** Forget every handle (in place: holders of objs see the cleared table). */
  reset() {
    if (this.objs.length > this.highWater) this.highWater = this.objs.length;
    this.objs.length = 0;
    this.pinFloor = 0;
    this.gen = ++generations;
  }

  /** Keep handle h (and every older one) through releases: pinned handles
   * are never dropped before the eval ends, and die at its reset. */
  pin(h) {
    if (h > this.pinFloor) this.pinFloor = h;
    return h;
  }

  /** Drop the handles made since mark (never below a pinned one), except
   * keep, which gets a handle again: its handle afterwards. Caches of
   * handles compare gen, which changes here. */
  release(mark, keep) {
    const floor = mark > this.pinFloor ? mark : this.pinFloor;
    if (this.objs.length > this.highWater) this.highWater = this.objs.length;
    if (this.objs.length <= floor) return keep;
    const kept = keep > floor ? this.objs[keep - 1] : undefined;
    this.objs.length = floor;
    this.gen = ++generations;
    return kept === undefined ? keep : this.objs.push(kept);
  }

  get size() {
    return this.objs.length;
  }

  // The seed's names, for tests and readers of the design.

  /** The value behind h, to store persistently (O(1): the same value). The
   * value outlives the eval; h does not: store the value, never h. */
  materialize(h) {
    return this.get(h) ?? null;
  }

  /** A fresh scratch handle for a persistent value (O(1)); null gives 0. The
   * handle lives until the outermost eval returns. */
  wrap(v) {
    return v === null || v === undefined ? 0 : this.new(v);
  }
}
