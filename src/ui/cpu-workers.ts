// The page's CPU fallback on every core: one CpuWorkerClient per logical core
// (navigator.hardwareConcurrency), sampling through one pooled Sampler whose counts do not
// depend on the pool's size (sampler-pool.ts). The rare-event estimator is one sequential
// computation and keeps to the first worker.

import type { RunConfig } from '../config.ts';
import type { SpectrumCounter } from '../engine/spectrum-run.ts';
import { createSamplerPool } from '../sampler-pool.ts';
import type { Sampler } from '../sampler.ts';
import type { Summary } from '../stats/summary.ts';
import { CpuWorkerClient } from './cpu-worker-client.ts';

/** hardwareConcurrency where the browser reports it; 1 otherwise, never more than 64. */
export function defaultPoolSize(concurrency: number | undefined): number {
  return Number.isInteger(concurrency) && concurrency! >= 1 ? Math.min(concurrency!, 64) : 1;
}

export class CpuWorkers {
  readonly #clients: CpuWorkerClient[];

  constructor(size: number, spawn?: () => Worker) {
    this.#clients = Array.from({ length: Math.max(1, size) }, () => new CpuWorkerClient(spawn));
  }

  get size(): number {
    return this.#clients.length;
  }

  sampler(): Sampler {
    const description = `CPU float64 (${this.size} Web Worker${this.size === 1 ? '' : 's'})`;
    return createSamplerPool(this.#clients.map((client) => client.sampler()), description);
  }

  rare(config: RunConfig, onProgress: (n: number, fractionDone: number) => void, signal: AbortSignal): Promise<Summary[]> {
    return this.#clients[0]!.rare(config, onProgress, signal);
  }

  /** Spectra are counted by one worker, like the rare estimator: a sequential panel, not a hot loop. */
  spectrumCounter(): SpectrumCounter {
    return this.#clients[0]!.spectrumCounter();
  }

  terminate(): void {
    for (const client of this.#clients) client.terminate();
  }
}
