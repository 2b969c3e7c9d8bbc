// `saddle-lab bench`: steady-state matrices per second for each N, one JSON line per N.
// Compilation and a warm-up round are timed separately and excluded from matrices_per_s.

import type { RunConfig, Statistic } from '../config.ts';
import { runSweep } from '../engine/sweep.ts';
import type { GpuSampler } from '../gpu/gpu-sampler.ts';
import type { Sampler } from '../sampler.ts';
import type { Incomplete } from './exit-codes.ts';
import { openSampler } from './open-sampler.ts';
import type { CliIo } from './io.ts';

const WARM_UP_MATRICES = 4096;

export interface BenchLine {
  ensemble: string;
  /** The ensemble's parameters ({} for GOE). */
  params: Readonly<Record<string, number>>;
  n: number;
  /** What was counted: 'index' (histogram) or 'pmin' (the early-exit kernel). */
  statistic: Statistic;
  samples: number;
  seconds: number;
  matrices_per_s: number;
  compile_s: number;
  backend: string;
  device: string;
  /**
   * Matrices of the measured run the f32 kernel flagged and that were recounted: on the device in
   * double-f32 where the entry declares a df32 fill, else on the host in float64; 0 on cpu.
   */
  rechecked: number;
  /** Of those, the matrices recounted on the host in float64. */
  host_rechecked: number;
  /** Host seconds of that recount, inside `seconds`: the GPU waits meanwhile. */
  recheck_s: number;
}

/** The GPU sampler's running recheck totals; zeros for a sampler without a recheck. */
function recheckTotals(sampler: Sampler): { matrices: number; host: number; seconds: number } {
  const gpu = sampler as Partial<GpuSampler>;
  return { matrices: gpu.suspectMatrices ?? 0, host: gpu.hostRecounted ?? 0, seconds: gpu.recheckSeconds ?? 0 };
}

export interface BenchOutcome {
  lines: BenchLine[];
  /** A failed or stopped N: no line is printed for it (a partial run is no steady-state measurement). */
  incomplete?: Incomplete;
}

export async function benchCommand(config: RunConfig, io: CliIo, signal: AbortSignal, threads?: number): Promise<BenchOutcome> {
  const { sampler, close } = await openSampler(config.backend, threads);
  const lines: BenchLine[] = [];
  try {
    for (const n of config.ns) {
      if (signal.aborted) return { lines, incomplete: { kind: 'stopped', detail: `stopped before N = ${n} was measured` } };
      // The GPU sampler's device recount compiles in the background: wait for it, so the
      // measured run is the steady state.
      const compileS =
        (await sampler.prepare(config.ensemble, n, config.statistic)) +
        ((await (sampler as Partial<GpuSampler>).recountReady?.(config.ensemble, n, config.statistic)) ?? 0);
      const one = { ...config, ns: [n] };
      const warmUp = await runSweep({ ...one, samples: Math.min(WARM_UP_MATRICES, config.samples) }, sampler, { signal });
      if (warmUp.failure) return { lines, incomplete: warmUp.failure };
      const before = recheckTotals(sampler);
      // Rounds of ~0.5 s: long enough that per-submission overhead does not dominate.
      const result = await runSweep(one, sampler, { signal, roundTargetS: 0.5 });
      if (result.failure) return { lines, incomplete: result.failure };
      if (result.stopped) return { lines, incomplete: { kind: 'stopped', detail: `stopped while N = ${n} was measured` } };
      const samples = result.summaries[0]?.samples ?? 0;
      const after = recheckTotals(sampler);
      const line: BenchLine = {
        ensemble: config.ensemble,
        params: config.params,
        n,
        statistic: config.statistic ?? 'index',
        samples,
        seconds: round(result.samplingS, 4),
        matrices_per_s: Math.round(samples / result.samplingS),
        compile_s: round(compileS, 4),
        backend: sampler.backend,
        device: sampler.description,
        rechecked: after.matrices - before.matrices,
        host_rechecked: after.host - before.host,
        recheck_s: round(after.seconds - before.seconds, 4),
      };
      io.stdout(JSON.stringify(line) + '\n');
      lines.push(line);
    }
  } finally {
    await close();
  }
  return { lines };
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
