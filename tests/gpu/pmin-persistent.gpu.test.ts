// The persistent P(min) kernel (shaders/pmin-main.wgsl) takes several matrices per invocation,
// grid-stride over the whole dispatch; which invocation takes which matrix depends on the
// number per invocation and the dispatch shape, but every matrix must be counted once, by its
// own result: the counts equal the float64 twin's for one matrix per invocation, for the
// default, and for numbers that leave the last pass of the grid partly empty, in a 1-D and in
// a padded 2-D dispatch, with the recheck list empty, partly full and overflowing.
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import { PMIN_MATRICES_PER_INVOCATION, PMIN_MATRICES_PER_INVOCATION_CPU } from '../../src/gpu/pipeline-cache.ts';
import type { BatchRequest } from '../../src/sampler.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

// 1501 = 11·128 + 93 matrices: with 16 per invocation, 94 invocations in 2 workgroups of 64,
// so the grid's last pass covers only part of it; 7 per invocation leaves 1 invocation idle.
const requests: BatchRequest[] = [
  // Near the semicircle's edge, so factorisations of every depth occur (row fill, lazy rows).
  { ensemble: 'goe', params: {}, n: 64, shift: 0.95, seed: 23, firstIndex: 2 ** 32 - 1000, count: 1501, statistic: 'pmin' },
  { ensemble: 'wigner-rademacher', params: {}, n: 9, shift: 0.5, seed: 5, firstIndex: 0, count: 1237, statistic: 'pmin' },
  // Every matrix suspect through its exact zero pivots (no row fill: the whole-fill loop).
  { ensemble: 'wishart', params: { phi: 2 }, n: 12, shift: 0, seed: 23, firstIndex: 0, count: 500, statistic: 'pmin' },
];

const twin = harness ? await createCpuSampler().sample(requests) : [];

describe.skipIf(!harness)('persistent P(min) kernel: counts do not depend on matrices per invocation', () => {
  it('has minima and non-minima to count, and suspects to list', () => {
    for (const counts of twin.slice(0, 2)) {
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBeGreaterThan(0);
    }
    expect([...twin[2]!]).toEqual([500, 0]);
  });

  const cases: { perInvocation: number; maxWorkgroupsPerDimension?: number; capacities: number[] }[] = [
    { perInvocation: 1, capacities: [Infinity, 7, 0] },
    { perInvocation: PMIN_MATRICES_PER_INVOCATION, capacities: [Infinity, 7, 0] },
    { perInvocation: PMIN_MATRICES_PER_INVOCATION_CPU, capacities: [Infinity, 7] },
    { perInvocation: 7, capacities: [Infinity] },
    // 751 invocations in 12 workgroups laid out 7 × 2, two of them wholly past the count.
    { perInvocation: 2, maxWorkgroupsPerDimension: 7, capacities: [Infinity] },
    { perInvocation: 1000, capacities: [Infinity] },
  ];
  for (const { perInvocation, maxWorkgroupsPerDimension, capacities } of cases) {
    for (const capacity of capacities) {
      it(`${perInvocation} per invocation${maxWorkgroupsPerDimension ? ', 2-D dispatch' : ''}, recheck list of ${capacity} (${capacity === Infinity ? 'all listed' : capacity === 0 ? 'none listed' : 'overflowing'})`, async () => {
        const gpu = samplerOnContext(harness!.context, { ownsContext: false, pminMatricesPerInvocation: perInvocation, maxWorkgroupsPerDimension, maxRecheckCapacity: capacity });
        try {
          const counts = await gpu.sample(requests);
          counts.forEach((histogram, i) => expect([...histogram], requests[i]!.ensemble).toEqual([...twin[i]!]));
          // Each request lists its suspects up to the capacity, and the host recounts those; the
          // rest are counted with their f32 answers, which agree with float64's here. Wishart
          // alone has 500, so the list of 7 overflows.
          expect(gpu.suspectMatrices).toBeGreaterThanOrEqual(500);
          if (capacity === Infinity) expect(gpu.hostRecounted).toBe(gpu.suspectMatrices);
          else {
            expect(gpu.hostRecounted).toBeGreaterThanOrEqual(capacity);
            expect(gpu.hostRecounted).toBeLessThanOrEqual(requests.length * capacity);
          }
        } finally {
          gpu.destroy();
        }
      });
    }
  }
});
