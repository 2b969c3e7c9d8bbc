import { describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { denseGoeIndex } from '../../src/ensembles/goe.ts';
import type { BatchRequest } from '../../src/sampler.ts';

const request = (over: Partial<BatchRequest>): BatchRequest => ({
  ensemble: 'goe',
  params: {},
  n: 4,
  shift: 0,
  seed: 42,
  firstIndex: 0,
  count: 500,
  ...over,
});

describe('CPU sampler', () => {
  it('describes itself as the float64 CPU backend', () => {
    const sampler = createCpuSampler();
    expect([sampler.backend, sampler.description]).toEqual(['cpu', 'CPU float64']);
    sampler.destroy();
  });

  it('returns one histogram of length N+1 per request, in request order, summing to count', async () => {
    const sampler = createCpuSampler();
    const [dense, tri] = await sampler.sample([request({ n: 5, count: 300 }), request({ ensemble: 'goe-tridiagonal', n: 9, count: 200 })]);
    expect(dense.length).toBe(6);
    expect(tri.length).toBe(10);
    expect(dense.reduce((a, b) => a + b, 0)).toBe(300);
    expect(tri.reduce((a, b) => a + b, 0)).toBe(200);
    sampler.destroy();
  });

  it('counts exactly the indices of the stream matrices firstIndex..firstIndex+count−1', async () => {
    const sampler = createCpuSampler();
    const [histogram] = await sampler.sample([request({ n: 3, firstIndex: 2 ** 40, count: 50 })]);
    const expected = new Float64Array(4);
    for (let m = 0; m < 50; m++) expected[denseGoeIndex(42, 3, 0, 2 ** 40 + m)]++;
    expect([...histogram]).toEqual([...expected]);
  });

  it('gives the same totals whether a stream is sampled in one request or split in three', async () => {
    const sampler = createCpuSampler();
    for (const ensemble of ['goe', 'goe-tridiagonal'] as const) {
      const [whole] = await sampler.sample([request({ ensemble, n: 6, count: 900 })]);
      const parts = await sampler.sample([
        request({ ensemble, n: 6, count: 100 }),
        request({ ensemble, n: 6, firstIndex: 100, count: 350 }),
        request({ ensemble, n: 6, firstIndex: 450, count: 450 }),
      ]);
      const merged = parts.reduce((sum, h) => sum.map((v, k) => v + h[k]));
      expect([...merged]).toEqual([...whole]);
    }
  });

  it('resolves `lost` once destroyed and then refuses work', async () => {
    const sampler = createCpuSampler();
    sampler.destroy();
    await expect(sampler.lost).resolves.toEqual({ kind: 'closed' });
    await expect(sampler.sample([request({})])).rejects.toThrow(/destroyed/);
  });
});
