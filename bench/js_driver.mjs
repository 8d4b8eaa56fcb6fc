// The Node.js side of bench/run.py: runs one workload on js/feather.js.
//
// stdin: one JSON request
//   { feather: path of feather.js, wasm: path of feather.wasm, mode: "script" | "evals",
//     prelude, setup, timed, check: scripts, n: N (evals in mode "evals"),
//     warmup: { prelude, n } | null, probe: bool }
// stdout: a line "FEATHER-BENCH " + JSON
//   { ok, seconds, result, error, hostCalls, scratchPeak, scratchPeakExact, arenaPeak,
//     memoryBytes, coldSeconds }
//
// The timed part is measured around feather.eval, so start-up and compiling the
// module are excluded. With `warmup`, the whole workload runs once first at that
// size in another interp (bench/run.py asks for the timed run's own size), so V8
// has tiered up the module's hot functions; that first run's time is coldSeconds.
// With `probe`, a command `bench_probe` records the scratch handles and arena bytes
// in use at the end of the timed script (a lower bound of the peak unless the host
// reports its own high-water mark).

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function readStdin() {
  return readFileSync(0, 'utf8');
}

function reply(obj) {
  process.stdout.write('\nFEATHER-BENCH ' + JSON.stringify(obj) + '\n');
}

function message(e) {
  if (e && typeof e === 'object' && 'message' in e) return String(e.message);
  return String(e);
}

// eval that throws on a Tcl error, whatever shape the host's eval returns.
function evalOrThrow(feather, id, script) {
  const r = feather.eval(id, script);
  if (r && typeof r === 'object' && 'code' in r) {
    if (r.code !== 0) throw new Error(String(r.result ?? r.message ?? `code ${r.code}`));
    return String(r.result ?? '');
  }
  return r === undefined || r === null ? '' : String(r);
}

function statsOf(feather, id) {
  return feather.memoryStats(id) ?? {};
}

function runOnce(feather, req, prelude, n, probe) {
  const id = feather.create();
  const out = { ok: false };
  let phase = 'setup';
  let probed = { scratch: 0, arena: 0 };
  try {
    if (probe) {
      if (typeof feather.register !== 'function') {
        throw new Error('feather.register is missing: cannot probe');
      }
      feather.register(id, 'bench_probe', () => {
        const s = statsOf(feather, id);
        probed.scratch = Math.max(probed.scratch, s.scratchHandles ?? 0);
        probed.arena = Math.max(probed.arena, s.wasmArenaUsed ?? 0);
        return '';
      });
    }
    evalOrThrow(feather, id, prelude);
    if (req.setup) evalOrThrow(feather, id, req.setup);
    phase = 'timed';
    const timed = probe ? req.timed + '\nbench_probe' : req.timed;
    const c0 = statsOf(feather, id).hostCalls;
    let result = '';
    const t0 = process.hrtime.bigint();
    if (req.mode === 'evals') {
      for (let i = 0; i < n; i++) result = evalOrThrow(feather, id, timed);
    } else {
      result = evalOrThrow(feather, id, timed);
    }
    const t1 = process.hrtime.bigint();
    const c1 = statsOf(feather, id).hostCalls;
    phase = 'check';
    if (req.check) result = evalOrThrow(feather, id, req.check);
    out.ok = true;
    out.seconds = Number(t1 - t0) / 1e9;
    // With the probe appended, the timed part's result is the probe's.
    if (!probe || req.check) out.result = result;
    if (typeof c0 === 'number' && typeof c1 === 'number') out.hostCalls = c1 - c0;
  } catch (e) {
    out.error = `${phase}: ${message(e)}`;
  }
  try {
    const s = statsOf(feather, id);
    const hw = s.scratchHighWater ?? s.scratchPeak;
    if (typeof hw === 'number') {
      out.scratchPeak = hw;
      out.scratchPeakExact = true;
    } else if (probe) {
      out.scratchPeak = probed.scratch;
      out.scratchPeakExact = false;
    }
    if (typeof s.wasmArenaHighWater === 'number') out.arenaPeak = s.wasmArenaHighWater;
    if (typeof s.wasmMemoryBytes === 'number') out.memoryBytes = s.wasmMemoryBytes;
  } catch (e) {
    out.statsError = message(e);
  }
  feather.destroy(id); // a warm-up's values do not weigh on the timed run
  return out;
}

async function main() {
  const req = JSON.parse(readStdin());
  let feather;
  try {
    const mod = await import(pathToFileURL(req.feather).href);
    feather = await mod.createFeather(readFileSync(req.wasm));
  } catch (e) {
    reply({ ok: false, error: `load: ${message(e)}` });
    return;
  }
  if (req.warmup) {
    const w = runOnce(feather, req, req.warmup.prelude, req.warmup.n, false);
    if (!w.ok) {
      reply(w);
      return;
    }
    const out = runOnce(feather, req, req.prelude, req.n, req.probe);
    out.coldSeconds = w.seconds;
    reply(out);
    return;
  }
  reply(runOnce(feather, req, req.prelude, req.n, req.probe));
}

main().catch((e) => {
  reply({ ok: false, error: `driver: ${message(e)}` });
});
