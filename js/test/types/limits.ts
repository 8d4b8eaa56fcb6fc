// Compiled (not run) by limits.test.js with tsc --strict: the limits API of
// feather.d.ts (issue 7) as the tests and WASM.md use it.
import { createFeather, Feather, Limits, TclError } from "../../feather.js";

async function main(): Promise<void> {
  const feather: Feather = await createFeather(undefined, { memoryLimit: 64 * 2 ** 20 });
  const unlimited = await createFeather(null, { memoryLimit: null });
  const interp: number = feather.create({ timeLimit: 0.5, recursionLimit: 3000 });
  const other: number = unlimited.create({ timeLimit: null });
  const r: string = feather.eval(interp, "set x 1", { timeLimit: 2 });
  const s: string = feather.eval(interp, "set x", {});
  feather.setLimits(interp, { timeLimit: null });
  feather.setLimits(interp, { recursionLimit: 100, timeLimit: 1 });
  const limits: Limits = feather.limits(interp);
  const t: number | null = limits.timeLimit;
  const d: number = limits.recursionLimit;
  const m: number | null = limits.memoryLimit ?? feather.memoryLimit;
  try {
    feather.eval(interp, "while 1 {}");
  } catch (e) {
    if (e instanceof TclError && e.errorCode === "TCL LIMIT TIME") void e.result;
  }
  void [r, s, t, d, m, other];
}

void main();
