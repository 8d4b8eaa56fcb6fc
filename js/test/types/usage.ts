// Compiled (not run) by types.test.js with tsc --strict: feather.d.ts must
// describe the API as the tests and the README use it.
import {
  createFeather,
  Feather,
  MemoryStats,
  ParseStatus,
  providedImports,
  TclError,
  TclList,
  Writer,
} from "../../feather.js";

async function main(): Promise<void> {
  const out: string[] = [];
  const write: Writer = (text, channel) => {
    if (channel === "stdout") out.push(text);
  };
  const feather: Feather = await createFeather("./feather.wasm", { write });
  const other = await createFeather(new URL("file:///feather.wasm"));
  const third = await createFeather(new Uint8Array(8));
  const interp: number = feather.create({ recursionLimit: 500 });
  feather.register(interp, "add", (args, info) => {
    const name: string = info.name;
    return args.map(Number).reduce((a, b) => a + b, 0) + name.length * 0;
  });
  feather.register(interp, "pair", () => ["a", 1, true, null, ["nested"], { k: "v" }]);
  feather.register(interp, "none", () => undefined);
  feather.register(interp, "list", () => new TclList(["x"]));
  const r: string = feather.eval(interp, "add 1 2");
  const c: string = feather.call(interp, "set", "x", 1, [1, 2], 3n);
  const s: string = feather.subst(interp, "$x", 4);
  const p: ParseStatus = feather.parseStatus(interp, "proc f {");
  const stats: MemoryStats = feather.memoryStats(interp);
  const n: number = stats.scratchHandles + stats.wasmArenaUsed + stats.hostCalls + feather.hostCalls;
  feather.setWriter(interp, write);
  try {
    feather.eval(interp, "error boom");
  } catch (e) {
    if (e instanceof TclError) {
      const info: string = e.errorInfo + e.errorCode + e.result + e.codeName;
      const code: number = e.code;
      void info;
      void code;
    }
  }
  feather.forceReset(interp);
  feather.destroy(interp);
  const table: Record<string, [number, number]> = providedImports();
  void [r, c, s, p.status, n, table, other, third];
}

void main();
