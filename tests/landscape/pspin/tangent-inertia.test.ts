import { describe, expect, it } from 'vitest';
import { gradient, pspinCoupling, tangentHessian } from '../../../src/landscape/pspin/model.ts';
import { pspinDisorder, pspinStart } from '../../../src/landscape/pspin/streams.ts';
import { tangentBlock, tangentIndex, tangentLambdaMin, tangentSpectrum } from '../../../src/landscape/pspin/tangent-inertia.ts';
import { jacobiEigenvalues } from '../../cpu/jacobi.ts';

/** The N − 1 tangent eigenvalues by Jacobi on T + 1000·σ̂σ̂ᵀ, the largest (σ̂'s) dropped. */
function tangentEigenvaluesByJacobi(t: Float64Array, sigma: Float64Array): number[] {
  const n = sigma.length;
  const m = Float64Array.from(t);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) m[a * n + b] += (1000 * sigma[a] * sigma[b]) / n;
  return jacobiEigenvalues(m, n).slice(0, n - 1);
}

describe.each([2, 3])('tangent inertia of the %i-spin Hessian', (p) => {
  it('counts the index and bisects λ_min as an independent Jacobi solver finds them', () => {
    const n = 12;
    const c = pspinCoupling(p, n, pspinDisorder(21, p, n, 0));
    for (let run = 0; run < 6; run++) {
      const sigma = pspinStart(21, p, n, 0, run);
      const t = tangentHessian(c, sigma, gradient(c, sigma));
      const eigen = tangentEigenvaluesByJacobi(t, sigma);
      const spectrum = tangentSpectrum(tangentBlock(t, sigma));
      expect(tangentIndex(spectrum)).toBe(eigen.filter((v) => v < 0).length);
      expect(tangentLambdaMin(spectrum)).toBeCloseTo(eigen[0], 9);
      expect(spectrum.countBelow(eigen[3] + 1e-9)).toBe(4);
    }
  });
});
