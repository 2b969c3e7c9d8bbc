// The device recount (shaders/recount-main.wgsl, src/gpu/recount.ts) matrix by matrix: the df32
// index of every matrix it recounts and keeps equals the float64 twin's, and a matrix it cannot
// decide goes on to the host. Suspects are forced two ways: enough GOE matrices at N = 64 that
// ~1.8% are flagged by the f32 kernel, and Wishart with φ > 1, whose exactly zero pivots make
// every matrix suspect in f32 and in df32 alike (an exact zero is never trusted), so the whole
// chain sampling → device recount → host recount runs in CI.

import { afterAll, describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { float64Index } from '../../src/cpu/float64-twin.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import { recordRecountedIndices, SUSPECT_FLAG } from '../../src/gpu/index-recorder.ts';
import { RECOUNTED_FLAG } from '../../src/gpu/recount.ts';
import type { BatchRequest } from '../../src/sampler.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

describe.skipIf(!harness)('device recount of suspect matrices in double-f32', () => {
  it('recounts exactly the flagged GOE matrices, each to its float64 index', async () => {
    const request: BatchRequest = { ensemble: 'goe', params: {}, n: 64, shift: 0, seed: 5, firstIndex: 2 ** 32 - 1000, count: 1500 };
    const { raw, recounted } = await recordRecountedIndices(harness!.context, request);
    const entry = ensembleEntry('goe');
    let flagged = 0;
    let agreeing = 0;
    for (let m = 0; m < request.count; m++) {
      const isSuspect = (raw[m]! & SUSPECT_FLAG) !== 0;
      const again = recounted![m]!;
      expect((again & RECOUNTED_FLAG) !== 0).toBe(isSuspect);
      if (!isSuspect) continue;
      flagged++;
      // Still suspect in df32: the host decides (none expected at this size).
      expect(again & SUSPECT_FLAG).toBe(0);
      const index = again & ~(SUSPECT_FLAG | RECOUNTED_FLAG);
      if (index === float64Index(entry, { seed: 5, n: 64, shift: 0, index: request.firstIndex + m, params: {} })) agreeing++;
    }
    // ~1.8% of N = 64 matrices are flagged (README, "Precision").
    expect(flagged).toBeGreaterThan(10);
    expect(agreeing).toBe(flagged);
  });

  it('counts the same while the device recount still compiles: the host recounts meanwhile', async () => {
    const gpu = samplerOnContext(harness!.context, { ownsContext: false });
    try {
      const request: BatchRequest = { ensemble: 'goe', params: {}, n: 64, shift: 0, seed: 12, firstIndex: 0, count: 400 };
      // The first sample() only starts the recount's compile, so its suspects go to the host.
      const [first] = await gpu.sample([request]);
      expect(gpu.suspectMatrices).toBeGreaterThan(0);
      expect(gpu.deviceRecounted).toBe(0);
      expect(gpu.hostRecounted).toBe(gpu.suspectMatrices);
      await gpu.recountReady('goe', 64);
      const [second] = await gpu.sample([request]);
      expect(gpu.deviceRecounted).toBe(gpu.suspectMatrices / 2);
      const [onCpu] = await createCpuSampler().sample([request]);
      expect([...first!]).toEqual([...onCpu!]);
      expect([...second!]).toEqual([...onCpu!]);
    } finally {
      gpu.destroy();
    }
  });

  it('sends the matrices df32 cannot decide to the host: Wishart φ = 2, whose zero pivots are exact', async () => {
    const gpu = samplerOnContext(harness!.context, { ownsContext: false });
    try {
      await Promise.all([9, 12].map((n) => gpu.recountReady('wishart', n)));
      const requests: BatchRequest[] = [9, 12].map((n) => ({ ensemble: 'wishart', params: { phi: 2 }, n, shift: 0, seed: 8, firstIndex: 0, count: 150 }));
      const [onGpu, onCpu] = await Promise.all([gpu.sample(requests), createCpuSampler().sample(requests)]);
      expect(gpu.suspectMatrices).toBe(300);
      expect(gpu.deviceRecounted).toBe(300);
      expect(gpu.hostRecounted).toBe(300);
      onGpu.forEach((histogram, i) => expect([...histogram]).toEqual([...onCpu[i]!]));
    } finally {
      gpu.destroy();
    }
  });
});
