import { describe, expect, it } from 'vitest';
import { createCpuSampler } from '../src/cpu/cpu-sampler.ts';
import { createSamplerPool, splitRequest } from '../src/sampler-pool.ts';
import type { BatchRequest } from '../src/sampler.ts';
import { defaultPoolSize } from '../src/ui/cpu-workers.ts';

const requests: BatchRequest[] = [
  { ensemble: 'goe', n: 4, shift: 0.1, seed: 5, firstIndex: 17, count: 1001, params: {} },
  { ensemble: 'goe-tridiagonal', n: 9, shift: 0, seed: 5, firstIndex: 0, count: 2, params: {} },
  { ensemble: 'goe', n: 2, shift: 0, seed: 5, firstIndex: 3, count: 0, params: {} },
  { ensemble: 'goe-tridiagonal', n: 30, shift: 0.5, seed: 9, firstIndex: 2 ** 33, count: 777, params: {} },
  { ensemble: 'wigner-t', n: 6, shift: 0, seed: 2, firstIndex: 40, count: 301, params: { nu: 2.5 } },
  { ensemble: 'goe', n: 5, shift: 0.4, seed: 5, firstIndex: 17, count: 1001, params: {}, statistic: 'pmin' },
  { ensemble: 'wishart', n: 6, shift: -0.1, seed: 3, firstIndex: 9, count: 400, params: { phi: 0.5 }, statistic: 'pmin' },
];

describe('splitRequest', () => {
  it('covers the request with contiguous, non-empty, balanced parts', () => {
    const parts = splitRequest(requests[0]!, 4);
    expect(parts.map((p) => [p.firstIndex, p.count])).toEqual([[17, 251], [268, 250], [518, 250], [768, 250]]);
    expect(splitRequest(requests[1]!, 5).map((p) => p.count)).toEqual([1, 1]);
    expect(splitRequest(requests[2]!, 3)).toEqual([requests[2]]);
  });
});

describe('createSamplerPool', () => {
  it('gives the same histograms and P(min) counts for 1, 2, 3 and 8 members as one CPU sampler', async () => {
    const direct = (await createCpuSampler().sample(requests)).map((h) => [...h]);
    expect(direct[0]!.reduce((a, b) => a + b, 0)).toBe(1001);
    // P(min) requests come back as [minima, others], with some of each.
    expect(direct[5]).toHaveLength(2);
    expect(Math.min(...direct[5]!, ...direct[6]!)).toBeGreaterThan(0);
    for (const size of [1, 2, 3, 8]) {
      const pool = createSamplerPool(Array.from({ length: size }, createCpuSampler), 'test pool');
      const pooled = (await pool.sample(requests)).map((h) => [...h]);
      expect(pooled, `${size} members`).toEqual(direct);
    }
  });

  it('refuses an empty pool and reports the smallest member limit', () => {
    expect(() => createSamplerPool([], 'none')).toThrow(/at least one member/);
    const small = { ...createCpuSampler(), maxBatch: 10 };
    expect(createSamplerPool([createCpuSampler(), small], 'p').maxBatch).toBe(10);
  });
});

describe('defaultPoolSize', () => {
  it('uses hardwareConcurrency when the browser reports it', () => {
    expect(defaultPoolSize(6)).toBe(6);
    expect(defaultPoolSize(undefined)).toBe(1);
    expect(defaultPoolSize(0)).toBe(1);
    expect(defaultPoolSize(512)).toBe(64);
  });
});
