// The device recount's double-f32 fills (shaders/fills/df32-*.wgsl) write the float64 fills'
// matrices to ~1e-14: the same words, the same transforms, the same sums, only in df32. That
// accuracy is what lets the df32 factorization stand in for the float64 twin on all but the
// matrices with a pivot below RECOUNT_RATIO = 1e-10 of the growth (shaders/df32-inertia.wgsl).

import { afterAll, describe, expect, it } from 'vitest';
import { float64Matrix } from '../../src/cpu/float64-twin.ts';
import { ensembleEntry, ensembleIds } from '../../src/ensembles/registry.ts';
import { recordDf32Entries } from '../../src/gpu/fill-recorder.ts';
import type { DenseSampling, EnsembleEntry, EnsembleParams } from '../../src/model/ensemble.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const MATRICES = 200;
/** Entries within this much of float64's, relative to the matrix's largest entry (at least 1). */
const BOUND = 1e-13;

// Odd and even N, a shift whose float64 remainder matters, Wishart's primal (M ≥ N) and dual
// (M < N) forms, and Gauss–Newton + residual with and without its GOE part.
const cases: Array<[string, EnsembleParams, number, number]> = [
  ['goe', {}, 13, 0.37],
  ['wigner-rademacher', {}, 8, -0.21],
  ['wigner-uniform', {}, 13, 0.61],
  ['wigner-t', { nu: 3 }, 9, 0.2],
  ['wigner-t', { nu: 2.5 }, 6, 0],
  ['wishart', { phi: 0.5 }, 9, -0.3],
  ['wishart', { phi: 2 }, 10, 0.1],
  ['gauss-newton-residual', { phi: 0.5, epsilon: 0.1 }, 7, 0.05],
  ['gauss-newton-residual', { phi: 2, epsilon: 0.3 }, 8, 0],
  ['gauss-newton-residual', { phi: 1.5, epsilon: 0 }, 6, 0.2],
];

describe.skipIf(!harness)('double-f32 fills of the device recount against the float64 fills', () => {
  it('covers every registered entry that declares a df32 fill', () => {
    const declared = ensembleIds().filter((id) => {
      const { sampling } = ensembleEntry(id);
      return sampling.kind === 'dense' && sampling.recount !== undefined;
    });
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(declared));
  });

  for (const [ensemble, params, n, shift] of cases) {
    it(`${ensemble} ${JSON.stringify(params)} at N = ${n}, shift ${shift}: every entry within ${BOUND} of the matrix scale`, async () => {
      const entry = ensembleEntry(ensemble) as EnsembleEntry & { sampling: DenseSampling };
      const firstIndex = 2 ** 32 - 50;
      const df32 = await recordDf32Entries(harness!.context, { ensemble, params, n, shift, seed: 43, firstIndex, count: MATRICES });
      const length = (n * (n + 1)) / 2;
      let worst = 0;
      for (let m = 0; m < MATRICES; m++) {
        const exact = float64Matrix(entry, { seed: 43, n, shift, index: firstIndex + m, params });
        const scale = Math.max(1, ...exact.map(Math.abs));
        for (let t = 0; t < length; t++) worst = Math.max(worst, Math.abs(df32[m * length + t]! - exact[t]!) / scale);
      }
      console.info(`${ensemble} N = ${n}: worst df32 entry error ${worst.toExponential(2)} of the matrix scale`);
      expect(worst).toBeLessThan(BOUND);
    });
  }
});
