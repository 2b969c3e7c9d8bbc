// The f32 index kernel's SUSPECT flag (shaders/dense-inertia.wgsl, inertia_unreliable) on
// matrices whose f32 index differs from float64's. Rademacher N = 64, seed 1, matrix 87 881 is
// the one the old rule — a pivot below 1e-5 of the largest pivot or diagonal update before it —
// never flagged: its pivots are all large next to that growth, but the matrix is nearly
// singular (σ_min ≈ 2e-6), so rounding amplified through the whole factor flips the last
// pivot. The new flag compares ‖(LDLᵀ)⁻¹‖ with the backward-error bound instead, and must catch
// it; the device recount must then give the float64 index. GOE matrix 1305 (seed 1) flips on
// SwiftShader too, with a small pivot the old rule caught: the new flag must keep it.

import { afterAll, describe, expect, it } from 'vitest';
import { float64Index, float64Matrix } from '../../src/cpu/float64-twin.ts';
import { packedIndex, PIVOT_TINY } from '../../src/cpu/pivots.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import type { DenseSampling, EnsembleEntry } from '../../src/model/ensemble.ts';
import type { Ensemble } from '../../src/config.ts';
import { recordRecountedIndices, SUSPECT_FLAG } from '../../src/gpu/index-recorder.ts';
import { RECOUNTED_FLAG } from '../../src/gpu/recount.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

/**
 * The old rule on the float64 factor: the smallest ratio of a pivot to the largest pivot or
 * diagonal update a_ik²/d_k before it (the rule flagged below 1e-5).
 */
function smallestGrowthRatio(packed: Float64Array, n: number): number {
  let growth = 0;
  let smallest = Infinity;
  for (let k = 0; k < n; k++) {
    const pivot = packed[packedIndex(k, k)] || PIVOT_TINY;
    if (growth > 0) smallest = Math.min(smallest, Math.abs(pivot) / growth);
    growth = Math.max(growth, Math.abs(pivot));
    for (let i = k + 1; i < n; i++) {
      const factor = packed[packedIndex(i, k)]! / pivot;
      growth = Math.max(growth, Math.abs(factor * packed[packedIndex(i, k)]!));
      for (let j = k + 1; j <= i; j++) packed[packedIndex(i, j)]! -= factor * packed[packedIndex(j, k)]!;
    }
  }
  return smallest;
}

const cases: { ensemble: Ensemble; index: number; oldRuleFlags: boolean }[] = [
  { ensemble: 'wigner-rademacher', index: 87_881, oldRuleFlags: false },
  { ensemble: 'goe', index: 1305, oldRuleFlags: true },
];

describe.skipIf(!harness)('the f32 flag guards the index, not each pivot', () => {
  for (const { ensemble, index, oldRuleFlags } of cases) {
    it(`${ensemble} N = 64, seed 1, matrix ${index}: flagged, and recounted to its float64 index`, async () => {
      const entry = ensembleEntry(ensemble) as EnsembleEntry & { sampling: DenseSampling };
      const address = { seed: 1, n: 64, shift: 0, index, params: {} };
      // What the old rule saw: for 87 881 every pivot ratio is far above 1e-5.
      expect(smallestGrowthRatio(float64Matrix(entry, address), 64) < 1e-5).toBe(oldRuleFlags);
      const { raw, recounted } = await recordRecountedIndices(harness!.context, { ensemble, params: {}, n: 64, shift: 0, seed: 1, firstIndex: index, count: 1 });
      expect(raw[0]! & SUSPECT_FLAG).not.toBe(0);
      const again = recounted![0]!;
      expect(again & RECOUNTED_FLAG).not.toBe(0);
      expect(again & SUSPECT_FLAG).toBe(0);
      expect(again & ~RECOUNTED_FLAG).toBe(float64Index(entry, address));
    });
  }
});
