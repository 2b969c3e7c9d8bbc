// Every registered ensemble on the GPU against its float64 twin on the same Philox stream.
// After the recounts of flagged matrices (on the device in df32 where the entry declares a df32
// fill, on the host in float64 otherwise) the histograms must agree exactly:
// scripts/measure-disagreement.ts found no unflagged f32/f64 difference for any dense
// ensemble (README, "Precision: f32 on the GPU, f64 on the CPU"), and the tridiagonal model is checked in gpu-sampler tests.
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import type { BatchRequest } from '../../src/sampler.ts';
import { openGpuHarness } from '../gpu/gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const cases: [string, Record<string, number>, number[], number][] = [
  ['wigner-rademacher', {}, [1, 2, 5, 16, 33], 0],
  ['wigner-rademacher', {}, [8, 64], 0.3],
  ['wigner-uniform', {}, [1, 3, 12, 40], 0],
  ['wigner-uniform', {}, [64], -0.2],
  ['wigner-t', { nu: 3 }, [1, 4, 20], 0],
  ['wigner-t', { nu: 2.5 }, [9, 64], 0.1],
  ['wishart', { phi: 0.5 }, [1, 2, 7, 30], -0.4],
  ['wishart', { phi: 2 }, [2, 9, 32], 0],
  ['wishart', { phi: 0.1 }, [32], -0.5],
  ['gauss-newton-residual', { phi: 0.5, epsilon: 0.1 }, [1, 5, 24], 0],
  ['gauss-newton-residual', { phi: 2, epsilon: 0.05 }, [3, 64], -0.05],
  ['gauss-newton-residual', { phi: 1.5, epsilon: 0 }, [10], 0],
];

describe.skipIf(!harness)('every ensemble: GPU histograms equal the float64 twin on the same stream', () => {
  const gpu = harness ? samplerOnContext(harness.context, { ownsContext: false }) : undefined;
  const cpu = createCpuSampler();
  afterAll(() => gpu?.destroy());

  for (const [ensemble, params, ns, shift] of cases) {
    it(`${ensemble} ${JSON.stringify(params)} at N = ${ns.join(', ')}, shift ${shift}`, async () => {
      // The device recount compiles in the background; wait for it so that it is what runs here.
      await Promise.all(ns.map((n) => gpu!.recountReady(ensemble, n)));
      const requests: BatchRequest[] = ns.map((n) => ({ ensemble, params, n, shift, seed: 77, firstIndex: 2 ** 32 - 37, count: n > 32 ? 150 : 400 }));
      const [onGpu, onCpu] = await Promise.all([gpu!.sample(requests), cpu.sample(requests)]);
      onGpu.forEach((histogram, i) => expect([...histogram]).toEqual([...onCpu[i]!]));
    });
  }

  it('recounted flagged matrices on the device along the way', () => {
    expect(gpu!.deviceRecounted).toBeGreaterThan(0);
  });
});
