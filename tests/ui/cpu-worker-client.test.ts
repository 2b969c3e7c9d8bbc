import { describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import type { BatchRequest } from '../../src/sampler.ts';
import { CpuWorkerClient } from '../../src/ui/cpu-worker-client.ts';
import { createWorkerHandler } from '../../src/ui/worker-handler.ts';
import type { FromWorker, ToWorker } from '../../src/ui/worker-protocol.ts';

/** A Worker stand-in that runs the real handler in-process, replying asynchronously. */
class InProcessWorker extends EventTarget {
  terminated = false;
  readonly #handle = createWorkerHandler((message: FromWorker) => {
    if (!this.terminated) setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: message })), 0);
  });
  postMessage(message: ToWorker): void {
    if (!this.terminated) void this.#handle(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const spawn = (log: InProcessWorker[]) => () => {
  const worker = new InProcessWorker();
  log.push(worker);
  return worker as unknown as Worker;
};

const requests: BatchRequest[] = [
  { ensemble: 'goe', params: {}, n: 3, shift: 0, seed: 7, firstIndex: 0, count: 500 },
  { ensemble: 'goe-tridiagonal', params: {}, n: 5, shift: 0.2, seed: 7, firstIndex: 100, count: 300 },
];

describe('CpuWorkerClient', () => {
  it('samples through the worker exactly what the CPU sampler gives in-process', async () => {
    const client = new CpuWorkerClient(spawn([]));
    const viaWorker = await client.sampler().sample(requests);
    const direct = await createCpuSampler().sample(requests);
    expect(viaWorker.map((h) => [...h])).toEqual(direct.map((h) => [...h]));
    expect(viaWorker[0]!.reduce((a, b) => a + b, 0)).toBe(500);
  });

  const rareConfig = (ns: number[]) => ({ ensemble: 'goe' as const, params: {}, ns, samples: 1, shift: 0, seed: 1, method: 'rare' as const, backend: 'cpu' as const });

  it('passes worker errors back as rejections that name the field', async () => {
    const client = new CpuWorkerClient(spawn([]));
    await expect(client.rare(rareConfig([0]), () => {}, new AbortController().signal)).rejects.toThrow(/invalid n: "0"/);
  });

  it('returns rare-event rows from the worker, with progress on the way', async () => {
    const client = new CpuWorkerClient(spawn([]));
    const progress: number[] = [];
    const [row] = await client.rare(rareConfig([2]), (_n, f) => progress.push(f), new AbortController().signal);
    expect(row!.method).toBe('rare');
    // exact P_2 = (2 − √2)/4: log10 = −0.8343207 (Python math.log10)
    expect(row!.log10PMinLo).toBeLessThan(-0.8343207);
    expect(row!.log10PMinHi).toBeGreaterThan(-0.8343207);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('terminates the worker when a rare-event run is stopped, and starts a fresh one next time', async () => {
    const workers: InProcessWorker[] = [];
    const client = new CpuWorkerClient(spawn(workers));
    const controller = new AbortController();
    const run = client.rare(rareConfig([30]), () => {}, controller.signal);
    controller.abort();
    await expect(run).rejects.toThrow('stopped');
    expect(workers[0]!.terminated).toBe(true);
    await client.sampler().sample([requests[0]!]);
    expect(workers).toHaveLength(2);
  });
});
