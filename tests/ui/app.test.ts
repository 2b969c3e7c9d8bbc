import { describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import type { SamplerEnd } from '../../src/failure.ts';
import type { Sampler } from '../../src/sampler.ts';
import { App, type AppViews } from '../../src/ui/app.ts';
import type { Backend } from '../../src/ui/backend.ts';
import { CpuWorkers } from '../../src/ui/cpu-workers.ts';
import { DEFAULT_SETTINGS, type PageSettings } from '../../src/ui/settings.ts';
import { createWorkerHandler } from '../../src/ui/worker-handler.ts';
import type { FromWorker, ToWorker } from '../../src/ui/worker-protocol.ts';

class InProcessWorker extends EventTarget {
  readonly #handle = createWorkerHandler((message: FromWorker) =>
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: message })), 0),
  );
  postMessage(message: ToWorker): void {
    void this.#handle(structuredClone(message));
  }
  terminate(): void {}
}

function fakeViews() {
  const log = { status: [] as string[], badge: [] as string[] };
  const views: AppViews = {
    progress: { sweep() {}, fraction() {}, idle() {} } as never,
    status: (text) => log.status.push(text),
    badge: (text) => log.badge.push(text),
    redraw() {},
  };
  return { views, log };
}

/** The CPU twin dressed as a GPU that dies on its `failOnCall`-th sample call. */
function dyingGpu(failOnCall: number): Sampler {
  const cpu = createCpuSampler();
  let calls = 0;
  let markLost: (end: SamplerEnd) => void = () => {};
  const lost = new Promise<SamplerEnd>((resolve) => (markLost = resolve));
  return {
    ...cpu,
    backend: 'gpu',
    description: 'fake adapter',
    lost,
    sample: async (requests) => {
      if (++calls >= failOnCall) {
        markLost({ kind: 'device-lost', reason: 'device was lost (test)' });
        throw new Error('device was lost (test)');
      }
      return cpu.sample(requests);
    },
  };
}

const settings: PageSettings = { ...DEFAULT_SETTINGS, nMin: 2, nMax: 4, samples: 30_000, seed: 11 };
// Three workers: the page's pool must give the counts of one sampler (reference below).
const worker = () => new CpuWorkers(3, () => new InProcessWorker() as unknown as Worker);

async function referenceCounts(s: PageSettings) {
  const config = { ensemble: s.ensemble, params: s.params, ns: [2, 3, 4], samples: s.samples, shift: s.shift, seed: s.seed, method: 'mc' as const, backend: 'cpu' as const };
  const result = await runSweep(config, createCpuSampler());
  return result.summaries.map((r) => [r.n, r.samples, r.minima, r.maxima, r.indexMean]);
}

/** The CPU twin dressed as a GPU whose sample calls fail for a reason other than a lost device. */
function failingGpu(): Sampler {
  const cpu = createCpuSampler();
  return { ...cpu, backend: 'gpu', description: 'fake adapter', lost: new Promise(() => {}), sample: async () => { throw new Error('out of memory (test)'); } };
}

/** Counts how many sample() calls are in flight at once. */
function overlapCounting(sampler: Sampler) {
  const state = { inFlight: 0, most: 0 };
  const counted: Sampler = {
    ...sampler,
    sample: async (requests) => {
      state.most = Math.max(state.most, ++state.inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await sampler.sample(requests);
      } finally {
        state.inFlight--;
      }
    },
  };
  return { counted, state };
}

describe('App', () => {
  it('never runs two sweeps at once when Run is pressed twice quickly', async () => {
    const { views } = fakeViews();
    const { counted, state } = overlapCounting(createCpuSampler());
    const app = new App({ ...settings, samples: 200_000 }, Promise.resolve({ sampler: counted, kind: 'cpu', badge: 'CPU' }), worker(), views);
    const first = app.run();
    const second = app.run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = app.run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await app.stop();
    await Promise.all([first, second, third]);
    expect(state.most).toBe(1);
    expect(app.running).toBe(false);
  });

  it('reports a GPU error that is not a lost device instead of switching to the CPU', async () => {
    const { views, log } = fakeViews();
    const app = new App(settings, Promise.resolve({ sampler: failingGpu(), kind: 'gpu', badge: 'WebGPU — fake adapter' }), worker(), views);
    await app.run();
    expect(log.status.at(-1)).toMatch(/out of memory \(test\)/);
    expect(log.badge.at(-1)).toBe('WebGPU — fake adapter');
  });

  it('keeps the partial results when the GPU is lost and finishes every stream on the CPU', async () => {
    const { views, log } = fakeViews();
    const backend: Backend = { sampler: dyingGpu(3), kind: 'gpu', badge: 'WebGPU — fake adapter' };
    const app = new App(settings, Promise.resolve(backend), worker(), views);
    await app.run();
    expect(log.status.some((s) => s.startsWith('GPU device lost (device was lost (test))'))).toBe(true);
    expect(log.badge.at(-1)).toBe('CPU fallback — GPU device lost');
    // The same streams continued: identical to one uninterrupted CPU sweep.
    expect(app.rows().map((r) => [r.n, r.samples, r.minima, r.maxima, r.indexMean])).toEqual(await referenceCounts(settings));
    expect(JSON.parse(await app.manifestJson()).note).toMatch(/GPU failed mid-sweep/);
  });

  it('continues the cached streams when the samples grow, as if run at once', async () => {
    const { views } = fakeViews();
    const cpu: Backend = { sampler: createCpuSampler(), kind: 'cpu', badge: 'CPU' };
    const app = new App({ ...settings, samples: 10_000 }, Promise.resolve(cpu), worker(), views);
    await app.run();
    app.settings = settings;
    await app.run();
    expect(app.rows().map((r) => [r.n, r.samples, r.minima, r.maxima, r.indexMean])).toEqual(await referenceCounts(settings));
  });

  it('never shows or downloads more samples than the settings ask for: a link reproduces its download', async () => {
    const { views } = fakeViews();
    const cpu: Backend = { sampler: createCpuSampler(), kind: 'cpu', badge: 'CPU' };
    const app = new App({ ...settings, samples: 20_000 }, Promise.resolve(cpu), worker(), views);
    await app.run();
    app.settings = { ...settings, samples: 5_000 };
    expect(app.rows()).toEqual([]); // the 20 000-sample rows are not those of this URL
    await app.run();
    expect(app.rows().map((r) => [r.n, r.samples, r.minima, r.maxima, r.indexMean])).toEqual(await referenceCounts(app.settings));
  });

  it('keeps partial results after Stop and says so', async () => {
    const { views, log } = fakeViews();
    // The page's CPU path: the worker proxy, whose replies arrive as events, so timers still run.
    const client = worker();
    const cpu: Backend = { sampler: client.sampler(), kind: 'cpu', badge: 'CPU' };
    const app = new App({ ...settings, samples: 1e9 }, Promise.resolve(cpu), client, views);
    const running = app.run();
    // Stop once every N has some samples (one new N is prepared per round; on a loaded machine
    // a fixed 300 ms could end before the third round).
    for (let waited = 0; app.rows().length < 3 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await app.stop();
    await running;
    const rows = app.rows();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.samples > 0 && r.samples < 1e9)).toBe(true);
    expect(log.status.at(-1)).toBe('Stopped. Partial results are kept and can be downloaded.');
    expect(app.summaryCsv().trim().split('\n')).toHaveLength(4);
  });

  it('Count = P(min) only: a stopped sweep keeps its partial rows and downloads, and the index plot gives way to a notice', async () => {
    const { views, log } = fakeViews();
    const client = worker();
    const cpu: Backend = { sampler: client.sampler(), kind: 'cpu', badge: 'CPU' };
    const app = new App({ ...settings, statistic: 'pmin', samples: 1e9 }, Promise.resolve(cpu), client, views);
    const running = app.run();
    for (let waited = 0; app.rows().length < 3 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await app.stop();
    await running;
    const rows = app.rows();
    expect(rows.map((r) => r.n)).toEqual([2, 3, 4]);
    expect(rows.every((r) => r.samples > 0 && r.samples < 1e9 && r.minima > 0 && Number.isNaN(r.maxima))).toBe(true);
    expect(log.status.at(-1)).toBe('Stopped. Partial results are kept and can be downloaded.');
    expect(app.summaryCsv().trim().split('\n')).toHaveLength(4);
    const data = app.plotsData();
    expect(data.pMin.rows).toHaveLength(3);
    expect(data.indexNotice).toMatch(/^P\(min\) only: no index distribution is counted/);
    expect(data.index.columns).toEqual([]);
    app.settings = { ...app.settings, statistic: 'index' };
    expect(app.plotsData().indexNotice).toBeUndefined();
  });

  it('gives exact rows from the table and names the N it lacks', async () => {
    const { views, log } = fakeViews();
    const cpu: Backend = { sampler: createCpuSampler(), kind: 'cpu', badge: 'CPU' };
    const app = new App({ ...settings, method: 'exact', nMin: 1, nMax: 2, shift: 0.123 }, Promise.resolve(cpu), worker(), views);
    await app.run();
    expect(log.status.at(-1)).toBe('No exact value tabulated at s = 0.123 for N = 1…2.');
    app.settings = { ...app.settings, shift: 0 };
    await app.run();
    const rows = app.rows();
    expect(rows.map((r) => [r.n, r.method, r.backend])).toEqual([[1, 'exact', 'exact'], [2, 'exact', 'exact']]);
    expect(rows[0]!.pMin).toBeCloseTo(0.5, 15);
  });
});
