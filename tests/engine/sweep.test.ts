import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/config.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import type { SamplerEnd } from '../../src/failure.ts';
import type { BatchRequest, Sampler } from '../../src/sampler.ts';

// A stand-in sampler whose matrix `index` has index (index·7919 + n) mod (N + 1): its counts
// depend only on which matrices were sampled, like the real samplers, so batching must not matter.
// `failAfterCalls` makes later calls reject with `failWith`; `loseAfterCalls` loses the device
// and leaves later calls pending forever, as a device that is gone may.
function fakeSampler(
  options: { failAfterCalls?: number; failWith?: unknown; loseAfterCalls?: number } = {},
): Sampler & { calls: BatchRequest[][] } {
  const calls: BatchRequest[][] = [];
  let markLost: (end: SamplerEnd) => void = () => {};
  const lost = new Promise<SamplerEnd>((resolve) => (markLost = resolve));
  return {
    backend: 'cpu',
    description: 'fake',
    maxBatch: 5000,
    calls,
    lost,
    prepare: async () => 0,
    sample: async (requests) => {
      calls.push([...requests]);
      if (options.loseAfterCalls !== undefined && calls.length > options.loseAfterCalls) {
        markLost({ kind: 'device-lost', reason: 'destroyed' });
        return new Promise(() => {});
      }
      if (options.failAfterCalls !== undefined && calls.length > options.failAfterCalls) throw options.failWith ?? new Error('out of memory');
      return requests.map(({ n, firstIndex, count }) => {
        const h = new Float64Array(n + 1);
        for (let i = firstIndex; i < firstIndex + count; i++) h[(i * 7919 + n) % (n + 1)]! += 1;
        return h;
      });
    },
    destroy: () => {},
  };
}

const config: RunConfig = { ensemble: 'goe', params: {}, ns: [1, 3, 8], samples: 12_345, shift: 0, seed: 5, method: 'mc', backend: 'cpu' };

describe('runSweep', () => {
  it('brings every N to exactly the requested sample count', async () => {
    const result = await runSweep(config, fakeSampler());
    expect(result.summaries.map((s) => s.samples)).toEqual([12_345, 12_345, 12_345]);
    expect(result.stopped).toBe(false);
  });

  it('compiles one new N per round, then puts one batch per unfinished N into each call', async () => {
    const sampler = fakeSampler();
    await runSweep(config, sampler, { roundTargetS: 1e-6 });
    expect(sampler.calls.slice(0, 3).map((call) => call.map((r) => r.n))).toEqual([[1], [1, 3], [1, 3, 8]]);
  });

  it('keeps the first round small for a large N', async () => {
    const sampler = fakeSampler();
    await runSweep({ ...config, ensemble: 'goe-tridiagonal', ns: [4096] }, sampler);
    expect(sampler.calls[0]![0]!.count).toBeLessThan(20);
  });

  it('gives the same counts whatever the round length', async () => {
    const fast = await runSweep(config, fakeSampler(), { roundTargetS: 1e-6 });
    const slow = await runSweep(config, fakeSampler(), { roundTargetS: 10 });
    expect([...fast.histograms.get(8)!]).toEqual([...slow.histograms.get(8)!]);
  });

  it('resumes each stream after the matrices already counted', async () => {
    const whole = await runSweep(config, fakeSampler());
    const first = await runSweep({ ...config, samples: 1000 }, fakeSampler());
    const sampler = fakeSampler();
    const resumed = await runSweep(config, sampler, { resumeFrom: first.histograms });
    expect(sampler.calls[0]![0]!.firstIndex).toBe(1000);
    expect([...resumed.histograms.get(3)!]).toEqual([...whole.histograms.get(3)!]);
  });

  it('stops when aborted and keeps what was sampled', async () => {
    const controller = new AbortController();
    const result = await runSweep(config, fakeSampler(), {
      roundTargetS: 1e-6,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result.stopped).toBe(true);
    expect(result.summaries[0]!.samples).toBeGreaterThan(0);
    expect(result.summaries[0]!.samples).toBeLessThan(12_345);
  });

  it('reports a sampler failure with the partial results', async () => {
    const result = await runSweep(config, fakeSampler({ failAfterCalls: 1 }), { roundTargetS: 1e-6 });
    expect(result.failure).toEqual({ kind: 'sampler-error', reason: 'out of memory' });
    expect(result.stopped).toBe(true);
    expect(result.summaries[0]!.samples).toBe(1024);
  });

  it('reports a failure whose error has an empty message as a failure with a reason', async () => {
    // Dawn rejects with an empty message once its device is destroyed.
    const result = await runSweep(config, fakeSampler({ failAfterCalls: 1, failWith: new Error('') }), { roundTargetS: 1e-6 });
    expect(result.failure?.kind).toBe('sampler-error');
    expect(result.failure?.reason).toMatch(/\S/);
    expect(result.stopped).toBe(true);
  });

  it('ends with device-lost, not a hang, when the device goes while a call is pending', async () => {
    const result = await runSweep(config, fakeSampler({ loseAfterCalls: 1 }), { roundTargetS: 1e-6 });
    expect(result.failure).toEqual({ kind: 'device-lost', reason: 'destroyed' });
    expect(result.summaries[0]!.samples).toBe(1024);
  });

  it('lets a timer stop an in-process sampler between rounds', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const result = await runSweep({ ...config, samples: 1e12 }, fakeSampler(), { signal: controller.signal });
    expect(result.stopped).toBe(true);
  });

  it('reports progress that ends at the total', async () => {
    const seen: number[] = [];
    await runSweep(config, fakeSampler(), { onProgress: (p) => seen.push(p.matricesDone) });
    expect(seen.at(-1)).toBe(3 * 12_345);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
