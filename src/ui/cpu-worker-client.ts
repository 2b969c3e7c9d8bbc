// The page's handle on the CPU worker: a Sampler proxy for the sweep (same contract as the GPU
// sampler) and the rare-event estimator. Stopping a rare-event run terminates the worker, since
// a busy worker cannot read a stop message; the next call starts a fresh one.

import type { Ensemble, RunConfig } from '../config.ts';
import type { SpectrumCounter } from '../engine/spectrum-run.ts';
import type { SamplerEnd } from '../failure.ts';
import type { BatchRequest, Sampler } from '../sampler.ts';
import type { Summary } from '../stats/summary.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** A request before the client numbers it (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = {
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
  onProgress?: (n: number, fractionDone: number) => void;
};

/** Histogram counts stay exact in float64; a round is sized by the sweep's time target anyway. */
const WORKER_MAX_BATCH = 2 ** 32 - 1;

export class CpuWorkerClient {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #spawn: () => Worker;

  constructor(spawn: () => Worker = () => new Worker(new URL('./cpu-worker.ts', import.meta.url), { type: 'module' })) {
    this.#spawn = spawn;
  }

  #call(message: Unnumbered<ToWorker>, onProgress?: Pending['onProgress']): Promise<FromWorker> {
    const worker = (this.#worker ??= this.#start());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...message, id } as ToWorker);
    });
  }

  #start(): Worker {
    const worker = this.#spawn();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      if (message.type === 'rare-progress') {
        pending.onProgress?.(message.n, message.fractionDone);
        return;
      }
      this.#pending.delete(message.id);
      if (message.type === 'error') pending.reject(new Error(message.message));
      else pending.resolve(message);
    });
    worker.addEventListener('error', (event) => this.#restart(`CPU worker failed: ${event.message}`));
    return worker;
  }

  /** Ends the worker and rejects whatever was pending with `reason`. */
  #restart(reason: string): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
  }

  /** A Sampler whose work runs in the worker. */
  sampler(): Sampler {
    const lost = new Promise<SamplerEnd>(() => {});
    return {
      backend: 'cpu',
      description: 'CPU float64 (Web Worker)',
      maxBatch: WORKER_MAX_BATCH,
      prepare: (_ensemble: Ensemble, _n: number) => Promise.resolve(0),
      sample: async (requests: readonly BatchRequest[]) => {
        const reply = await this.#call({ type: 'sample', requests: [...requests] });
        if (reply.type !== 'sampled') throw new Error(`unexpected worker reply ${reply.type}`);
        return reply.histograms;
      },
      lost,
      destroy: () => {},
    };
  }

  /** Rare-event rows for config.ns, computed in the worker; the signal stops it at once. */
  async rare(config: RunConfig, onProgress: (n: number, fractionDone: number) => void, signal: AbortSignal): Promise<Summary[]> {
    const stop = () => this.#restart('stopped');
    signal.addEventListener('abort', stop, { once: true });
    try {
      const reply = await this.#call({ type: 'rare', config }, onProgress);
      if (reply.type !== 'rare-done') throw new Error(`unexpected worker reply ${reply.type}`);
      return reply.rows;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  /** Spectrum counts by the float64 twin (Householder + Sturm) in the worker. */
  spectrumCounter(): SpectrumCounter {
    return {
      backend: 'cpu',
      counts: async (request) => {
        const reply = await this.#call({ type: 'spectrum', request });
        if (reply.type !== 'spectrum-done') throw new Error(`unexpected worker reply ${reply.type}`);
        return reply.counts;
      },
    };
  }

  terminate(): void {
    this.#restart('terminated');
  }
}
