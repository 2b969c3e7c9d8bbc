// `--backend cpu` on every core: one worker_thread per part of the work, each running the
// float64 CPU twin, pooled so that the counts equal one thread's (sampler-pool.ts).
//
// A thread runs this very module (new URL(import.meta.url)): in the built CLI that is the
// bundle itself, so no second entry file has to be shipped. The bottom of this file is what a
// thread does when it finds itself started with THREAD_ROLE.

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createCpuSampler } from '../cpu/cpu-sampler.ts';
import type { SamplerEnd } from '../failure.ts';
import { createSamplerPool } from '../sampler-pool.ts';
import type { BatchRequest, Sampler } from '../sampler.ts';

const THREAD_ROLE = 'saddle-lab-cpu-sampler';

type ToThread = { id: number; requests: BatchRequest[] };
type FromThread = { id: number; histograms?: Float64Array[]; error?: string };

/**
 * Threads to use when --threads is not given: every core the process may use. Run from the
 * TypeScript source (vitest, tsx) a thread could load this module only with the parent's loader,
 * which vitest does not pass on, so there the default is the in-process sampler; the built CLI
 * (one .js bundle) uses every core.
 */
export const defaultThreads = (): number => (import.meta.url.endsWith('.ts') ? 1 : availableParallelism());

/** One thread as a Sampler: requests go by message, histograms come back transferred. */
function threadSampler(): Sampler {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: THREAD_ROLE } });
  const pending = new Map<number, { resolve: (h: Float64Array[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let markLost: (end: SamplerEnd) => void = () => {};
  const lost = new Promise<SamplerEnd>((resolve) => (markLost = resolve));
  let destroyed = false;
  // A thread that dies is reported like a lost device: the sweep stops and keeps its counts.
  const fail = (reason: string) => {
    markLost(destroyed ? { kind: 'closed' } : { kind: 'device-lost', reason });
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };
  worker.on('message', (message: FromThread) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.histograms) p.resolve(message.histograms);
    else p.reject(new Error(message.error ?? 'CPU thread failed'));
  });
  worker.on('error', (error) => fail(`CPU thread failed: ${error.message}`));
  worker.on('exit', (code) => fail(`CPU thread exited (code ${code})`));
  return {
    backend: 'cpu',
    description: 'CPU float64 thread',
    maxBatch: 2 ** 32 - 1,
    prepare: () => Promise.resolve(0),
    sample: (requests) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, requests: [...requests] } satisfies ToThread);
      }),
    lost,
    destroy: () => {
      destroyed = true;
      void worker.terminate();
    },
  };
}

/** The CLI's CPU sampler on `threads` threads; one thread means in-process, no worker. */
export function createThreadedCpuSampler(threads: number): Sampler {
  if (threads <= 1) return createCpuSampler();
  const members = Array.from({ length: threads }, threadSampler);
  return createSamplerPool(members, `CPU float64 (${threads} threads)`);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === THREAD_ROLE) {
  const sampler = createCpuSampler();
  parentPort!.on('message', async ({ id, requests }: ToThread) => {
    try {
      const histograms = await sampler.sample(requests);
      parentPort!.postMessage({ id, histograms } satisfies FromThread, histograms.map((h) => h.buffer as ArrayBuffer));
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FromThread);
    }
  });
}
