import { describe, expect, it } from 'vitest';
import { gradient, pspinCoupling, tangentHessian } from '../../../src/landscape/pspin/model.ts';
import { pspinDisorder, pspinStart } from '../../../src/landscape/pspin/streams.ts';
import { eigenvaluesBelow, smallestEigenvalues } from '../../../src/landscape/inertia.ts';
import { tangentBlock } from '../../../src/landscape/pspin/tangent-block.ts';
import { jacobiEigenvalues } from '../../cpu/jacobi.ts';

/** The N − 1 tangent eigenvalues by Jacobi on T + 1000·σ̂σ̂ᵀ, the largest (σ̂'s) dropped. */
function tangentEigenvaluesByJacobi(t: Float64Array, sigma: Float64Array): number[] {
  const n = sigma.length;
  const m = Float64Array.from(t);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) m[a * n + b] += (1000 * sigma[a] * sigma[b]) / n;
  return jacobiEigenvalues(m, n).slice(0, n - 1);
}

describe.each([2, 3])('tangent block of the %i-spin Hessian', (p) => {
  it('has the N − 1 tangent eigenvalues an independent Jacobi solver finds: same index, λ_min and counts', () => {
    const n = 12;
    const c = pspinCoupling(p, n, pspinDisorder(21, p, n, 0));
    for (let run = 0; run < 6; run++) {
      const sigma = pspinStart(21, p, n, 0, run);
      const t = tangentHessian(c, sigma, gradient(c, sigma));
      const eigen = tangentEigenvaluesByJacobi(t, sigma);
      const { packed, size } = tangentBlock(t, sigma);
      expect(size).toBe(n - 1);
      expect(eigenvaluesBelow(packed, size, 0)).toBe(eigen.filter((v) => v < 0).length);
      expect(smallestEigenvalues(packed, size, 1)[0]).toBeCloseTo(eigen[0], 9);
      expect(eigenvaluesBelow(packed, size, eigen[3] + 1e-9)).toBe(4);
    }
  });
});
