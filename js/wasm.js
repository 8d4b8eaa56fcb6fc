// wasm.js -- the raw WebAssembly layer: loading and compiling feather.wasm,
// the limits of its imported memory, and an instance with views on linear
// memory. Twin of host/feather_tcl/_wasm.py.
//
// - The module imports env.memory. WebAssembly.Module.imports() does not tell
//   an import's limits, so they are read from the module's import section when
//   the bytes are at hand (parseMemoryLimits); for an already compiled module
//   they are the build manifest's (build.toml [link]: initial 2 MiB = 32 pages,
//   maximum 256 MiB = 4096 pages), DEFAULT_LIMITS below.
// - Views (Uint8Array, Uint32Array, Int32Array, DataView) over linear memory are
//   rebuilt when memory has grown: growth detaches the old ArrayBuffer, whose
//   views then have length 0 (Instance.mem()).

const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

export const PAGE = 65536;

/** The build manifest's memory limits, in pages (build.toml [link]). */
export const DEFAULT_LIMITS = Object.freeze({ initial: 32, maximum: 4096 });

/** The imports of a module, read from its binary: [{module, name, kind,
 * params, results, limits}] ("func" with value types, or "memory" with
 * {initial, maximum} in pages). */
export function parseImports(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const VALTYPES = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };
  let pos = 8; // magic and version
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = b[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const name = () => {
    const n = leb();
    const s = new TextDecoder().decode(b.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  const limits = () => {
    const flags = b[pos++];
    const initial = leb();
    const maximum = flags & 1 ? leb() : undefined;
    return { initial, maximum };
  };
  const types = [];
  const imports = [];
  while (pos < b.length) {
    const id = b[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 1) {
      const count = leb();
      for (let k = 0; k < count; k++) {
        pos++; // 0x60: func
        const params = [];
        const results = [];
        for (let n = leb(); n > 0; n--) params.push(VALTYPES[b[pos++]] ?? "?");
        for (let n = leb(); n > 0; n--) results.push(VALTYPES[b[pos++]] ?? "?");
        types.push({ params, results });
      }
    } else if (id === 2) {
      const count = leb();
      for (let k = 0; k < count; k++) {
        const mod = name();
        const field = name();
        const kind = b[pos++];
        if (kind === 0) imports.push({ module: mod, name: field, kind: "func", ...types[leb()] });
        else if (kind === 1) {
          pos++; // table: element type
          imports.push({ module: mod, name: field, kind: "table", limits: limits() });
        } else if (kind === 2) imports.push({ module: mod, name: field, kind: "memory", limits: limits() });
        else if (kind === 3) {
          imports.push({ module: mod, name: field, kind: "global", type: VALTYPES[b[pos]] });
          pos += 2; // value type, mutability
        }
      }
      return imports;
    }
    pos = end;
  }
  return imports;
}

/** The limits of the module's env.memory import, in pages; null when it has none. */
export function parseMemoryLimits(bytes) {
  const mem = parseImports(bytes).find((i) => i.kind === "memory" && i.module === "env" && i.name === "memory");
  return mem ? mem.limits : null;
}

async function readBytes(source) {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (typeof Response !== "undefined" && source instanceof Response) return new Uint8Array(await source.arrayBuffer());
  let url = null;
  if (source instanceof URL) url = source;
  else if (typeof source === "string") {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || !isNode) {
      url = new URL(source, typeof document !== "undefined" ? document.baseURI : undefined);
    } else {
      const fs = await import("node:fs/promises");
      return new Uint8Array(await fs.readFile(source));
    }
  } else throw new TypeError("feather: wasmSource must be a path, URL, bytes, Response or WebAssembly.Module");
  if (isNode && url.protocol === "file:") {
    const fs = await import("node:fs/promises");
    return new Uint8Array(await fs.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`feather: cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The compiled module and its memory limits from a path, URL, bytes,
 * Response or WebAssembly.Module (default: feather.wasm beside this file). */
export async function loadModule(source) {
  if (source === undefined || source === null) source = new URL("./feather.wasm", import.meta.url);
  if (source instanceof WebAssembly.Module) return { module: source, limits: DEFAULT_LIMITS };
  const bytes = await readBytes(source);
  const module = await WebAssembly.compile(bytes);
  return { module, limits: parseMemoryLimits(bytes) ?? DEFAULT_LIMITS };
}

/** The memory limits with the maximum lowered to memoryLimit bytes (whole
 * pages, never above the module's own maximum); a RangeError when that is
 * below the initial memory. null: the limits unchanged. */
export function cappedLimits(limits, memoryLimit) {
  if (memoryLimit === null || memoryLimit === undefined) return limits;
  if (!(Number.isFinite(memoryLimit) && memoryLimit > 0)) {
    throw new RangeError("feather: memoryLimit must be a positive number of bytes");
  }
  const pages = Math.floor(memoryLimit / PAGE);
  if (pages < limits.initial) {
    throw new RangeError(
      `feather: memoryLimit of ${memoryLimit} bytes is below the module's initial memory (${limits.initial * PAGE} bytes)`,
    );
  }
  const maximum = limits.maximum === undefined ? pages : Math.min(pages, limits.maximum);
  return Object.freeze({ initial: limits.initial, maximum });
}

/** One instance of the module with its own linear memory. */
export class Instance {
  /** env: the feather_host_* functions. Synchronous: the module is compiled. */
  constructor(module, limits, env) {
    this.memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum });
    this.instance = new WebAssembly.Instance(module, { env: { memory: this.memory, ...env } });
    this.exports = this.instance.exports;
    this.refresh();
  }

  static async create(module, limits, env) {
    const self = Object.create(Instance.prototype);
    self.memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum });
    self.instance = await WebAssembly.instantiate(module, { env: { memory: self.memory, ...env } });
    self.exports = self.instance.exports;
    self.refresh();
    return self;
  }

  refresh() {
    const buf = this.memory.buffer;
    this.u8 = new Uint8Array(buf);
    this.u32 = new Uint32Array(buf);
    this.i32 = new Int32Array(buf);
    this.dv = new DataView(buf);
  }

  /** This instance with views on the current memory (rebuilt after growth). */
  mem() {
    if (this.u8.length === 0) this.refresh();
    return this;
  }

  get memoryBytes() {
    return this.memory.buffer.byteLength;
  }
}
