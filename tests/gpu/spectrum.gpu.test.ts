import { afterAll, describe, expect, it } from 'vitest';
import { ensembleSpectrumCounts } from '../../src/cpu/spectrum.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import { gpuSpectrumCounts } from '../../src/gpu/spectrum-runner.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

describe.skipIf(!harness)('spectrum kernel (f32 Householder + Sturm on the GPU)', () => {
  // 65 thresholds over [−1.25R, 1.25R]; an eigenvalue within f32 rounding (~1e-6·R) of one is
  // the only way a GPU count can differ from the float64 twin's on the same stream.
  const thresholdsFor = (n: number, shift: number) =>
    Array.from({ length: 65 }, (_, j) => 2 * Math.sqrt(n) * (shift - 1.25 + (2.5 * j) / 64));

  for (const { n, matrices, shift } of [{ n: 8, matrices: 2000, shift: 0 }, { n: 32, matrices: 300, shift: 0.3 }]) {
    it(`counts the GOE stream at N = ${n} as the float64 twin does, up to 1 eigenvalue in 10⁴ (${matrices} matrices)`, async () => {
      const entry = ensembleEntry('goe');
      const thresholds = thresholdsFor(n, shift);
      const request = { entry, seed: 9, n, shift, params: {}, firstIndex: 5, count: matrices, thresholds };
      const gpu = await gpuSpectrumCounts(harness!.context, request);
      const cpu = ensembleSpectrumCounts(entry, { seed: 9, n, shift, params: {} }, 5, matrices, thresholds)!;
      let differing = 0;
      for (let j = 0; j < thresholds.length; j++) differing += Math.abs(gpu[j]! - cpu[j]!);
      console.log(`spectrum N = ${n}: ${differing} of ${n * matrices} eigenvalue counts differ between f32 GPU and f64 CPU`);
      expect(differing / (n * matrices)).toBeLessThan(1e-4);
      // The counts are not trivially equal: the window holds the whole spectrum.
      expect(cpu[32]! / (n * matrices)).toBeGreaterThan(0.05);
      expect(cpu[thresholds.length - 1]! / (n * matrices)).toBeGreaterThan(0.99);
    });
  }
});
