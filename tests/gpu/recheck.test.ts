import { describe, expect, it } from 'vitest';
import { denseGoeIndex } from '../../src/ensembles/goe.ts';
import { applyRecheck, listedSuspects, RECHECK_CAPACITY_MAX, recheckCapacity, recheckWords } from '../../src/gpu/recheck.ts';
import type { BatchRequest } from '../../src/sampler.ts';

const dense: BatchRequest = { ensemble: 'goe', params: {}, n: 6, shift: 0.1, seed: 9, firstIndex: 1000, count: 5000 };

describe('float64 recheck of suspect matrices', () => {
  it('has room for every dense matrix of a request up to RECHECK_CAPACITY_MAX, none for the tridiagonal model', () => {
    expect(recheckCapacity(dense)).toBe(5000);
    expect(recheckCapacity({ ...dense, count: 2 ** 30 })).toBe(RECHECK_CAPACITY_MAX);
    expect(recheckCapacity({ ...dense, ensemble: 'goe-tridiagonal' })).toBe(0);
    expect(recheckWords({ ...dense, ensemble: 'goe-tridiagonal' })).toBe(1);
    expect(listedSuspects({ ...dense, count: 2 ** 30 }, 2 ** 23)).toBe(RECHECK_CAPACITY_MAX);
  });

  it('adds the float64 index of each listed matrix (local numbers are offsets from firstIndex)', async () => {
    const histogram = new Float64Array(7);
    await applyRecheck(dense, Uint32Array.from([0, 17, 4999]), histogram);
    const expected = new Float64Array(7);
    for (const local of [0, 17, 4999]) expected[denseGoeIndex(9, 6, 0.1, 1000 + local)]++;
    expect([...histogram]).toEqual([...expected]);
  });
});
