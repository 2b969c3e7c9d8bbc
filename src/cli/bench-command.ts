// `saddle-lab bench`: steady-state matrices per second for each N, one JSON line per N.
// Compilation and a warm-up round are timed separately and excluded from matrices_per_s.

import type { RunConfig } from '../config.ts';
import { runSweep } from '../engine/sweep.ts';
import { openSampler } from './open-sampler.ts';
import type { CliIo } from './io.ts';

const WARM_UP_MATRICES = 4096;

export interface BenchLine {
  ensemble: string;
  n: number;
  samples: number;
  seconds: number;
  matrices_per_s: number;
  compile_s: number;
  backend: string;
  device: string;
}

export async function benchCommand(config: RunConfig, io: CliIo, signal: AbortSignal): Promise<BenchLine[]> {
  const { sampler, close } = await openSampler(config.backend);
  const lines: BenchLine[] = [];
  try {
    for (const n of config.ns) {
      if (signal.aborted) break;
      const compileS = await sampler.prepare(config.ensemble, n);
      const one = { ...config, ns: [n] };
      await runSweep({ ...one, samples: Math.min(WARM_UP_MATRICES, config.samples) }, sampler, { signal });
      // Rounds of ~0.5 s: long enough that per-submission overhead does not dominate.
      const result = await runSweep(one, sampler, { signal, roundTargetS: 0.5 });
      if (result.failure) throw new Error(`bench N = ${n}: ${result.failure}`);
      if (result.stopped) break; // a partial run is no steady-state measurement
      const samples = result.summaries[0]?.samples ?? 0;
      const line: BenchLine = {
        ensemble: config.ensemble,
        n,
        samples,
        seconds: round(result.samplingS, 4),
        matrices_per_s: Math.round(samples / result.samplingS),
        compile_s: round(compileS, 4),
        backend: sampler.backend,
        device: sampler.description,
      };
      io.stdout(JSON.stringify(line) + '\n');
      lines.push(line);
    }
  } finally {
    close();
  }
  return lines;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
