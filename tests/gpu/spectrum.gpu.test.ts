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

  const cases: { ensemble: string; n: number; matrices: number; shift: number; params: Record<string, number> }[] = [
    { ensemble: 'goe', n: 8, matrices: 2000, shift: 0, params: {} },
    { ensemble: 'goe', n: 32, matrices: 300, shift: 0.3, params: {} },
    { ensemble: 'wigner-t', n: 16, matrices: 500, shift: 0, params: { nu: 3 } },
    { ensemble: 'wishart', n: 16, matrices: 500, shift: 0, params: { phi: 2 } },
    { ensemble: 'gauss-newton-residual', n: 16, matrices: 500, shift: 0, params: { phi: 0.5, epsilon: 0.05 } },
  ];
  for (const { ensemble, n, matrices, shift, params } of cases) {
    it(`counts the ${ensemble} stream at N = ${n} as the float64 twin does, up to 1 eigenvalue in 10⁴ (${matrices} matrices)`, async () => {
      const entry = ensembleEntry(ensemble);
      const scale = entry.shiftScale(n, params);
      // Wigner: ±1.25R around s·R; Wishart-type (scale 1): [−1, 7], edges off 0 by a tenth of a bin.
      const thresholds = scale === 1 ? Array.from({ length: 65 }, (_, j) => -1.0125 + (8 * j) / 64) : thresholdsFor(n, shift);
      const request = { entry, seed: 9, n, shift, params, firstIndex: 5, count: matrices, thresholds };
      const gpu = await gpuSpectrumCounts(harness!.context, request);
      const cpu = ensembleSpectrumCounts(entry, { seed: 9, n, shift, params }, 5, matrices, thresholds)!;
      let differing = 0;
      for (let j = 0; j < thresholds.length; j++) differing += Math.abs(gpu[j]! - cpu[j]!);
      console.log(`spectrum ${ensemble} N = ${n}: ${differing} of ${n * matrices} eigenvalue counts differ between f32 GPU and f64 CPU`);
      expect(differing / (n * matrices)).toBeLessThan(1e-4);
      // The counts are not trivially equal: the window holds (nearly) the whole spectrum.
      expect(cpu[thresholds.length - 1]! / (n * matrices)).toBeGreaterThan(0.99);
    });
  }
});
