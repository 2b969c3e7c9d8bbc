import { describe, expect, it } from 'vitest';
import { integrate } from '../../src/stats/gauss-legendre.ts';
import { semicircleCdf, semicircleDensity } from '../../src/stats/semicircle-density.ts';
import { marchenkoPasturCdf, marchenkoPasturDensity, marchenkoPasturEdges } from '../../src/stats/marchenko-pastur.ts';
import {
  criticalLoss, freeConvolutionCdf, freeConvolutionDensity, freeConvolutionSupport, indexFraction,
} from '../../src/stats/free-convolution.ts';
import { semicircleIndexFraction } from '../../src/stats/theory.ts';

/** ∫ x^k ρ over [lo, hi] with the edge-smoothing substitution x = lo + (hi − lo)(1 − cos θ)/2. */
function moment(density: (x: number) => number, lo: number, hi: number, k: number): number {
  const half = (hi - lo) / 2;
  return integrate((t) => {
    const x = lo + half * (1 - Math.cos(t));
    return x ** k * density(x) * half * Math.sin(t);
  }, 0, Math.PI, 200);
}

describe('semicircle (lab convention, x = λ/R)', () => {
  it('has mass 1, mean s and variance ¼ (off-diagonal variance 1 ⇒ λ variance N = R²/4)', () => {
    expect(moment((x) => semicircleDensity(x, 0.3), -0.7, 1.3, 0)).toBeCloseTo(1, 12);
    expect(moment((x) => semicircleDensity(x, 0.3), -0.7, 1.3, 1)).toBeCloseTo(0.3, 12);
    expect(moment((x) => semicircleDensity(x, 0), -1, 1, 2)).toBeCloseTo(0.25, 12);
  });
  it('has a CDF whose value at 0 is the index fraction F(−s) the samplers use', () => {
    for (const s of [-0.5, 0, 0.25, 0.9]) expect(semicircleCdf(0, s)).toBeCloseTo(semicircleIndexFraction(s), 14);
  });
});

describe('Marchenko–Pastur (H = XᵀX/M, φ = N/M)', () => {
  it('has mass min(1, 1/φ) in its continuous part, mean 1 and variance φ', () => {
    for (const phi of [0.1, 0.5, 1, 2, 4]) {
      const { lo, hi, atom } = marchenkoPasturEdges(phi);
      const density = (x: number) => marchenkoPasturDensity(x, phi);
      expect(moment(density, lo, hi, 0), `φ = ${phi}`).toBeCloseTo(1 - atom, 10);
      expect(moment(density, lo, hi, 1), `φ = ${phi}`).toBeCloseTo(1, 10);
      expect(moment(density, lo, hi, 2) - 1, `φ = ${phi}`).toBeCloseTo(phi, 10);
    }
  });
  it('has an atom 1 − 1/φ at 0 for φ > 1 and none for φ ≤ 1', () => {
    expect(marchenkoPasturCdf(0, 4)).toBeCloseTo(0.75, 15);
    expect(marchenkoPasturCdf(0, 0.5)).toBe(0);
    expect(marchenkoPasturCdf(-1e-9, 4)).toBe(0);
  });
  it('at φ = 1 is the quarter-circle law √((4 − x)/x)/(2π), whose CDF at 1 is 1/3 + √3/(2π) (closed form)', () => {
    expect(marchenkoPasturDensity(1, 1)).toBeCloseTo(Math.sqrt(3) / (2 * Math.PI), 14);
    expect(marchenkoPasturCdf(1, 1)).toBeCloseTo(1 / 3 + Math.sqrt(3) / (2 * Math.PI), 10);
  });
  it('names a bad φ', () => expect(() => marchenkoPasturCdf(1, 0)).toThrow('invalid phi: 0'));
});

describe('free convolution MP(φ) ⊞ SC(2ε)', () => {
  const cases = [
    { phi: 0.5, epsilon: 0.05 }, { phi: 0.5, epsilon: 0.01 }, { phi: 2, epsilon: 0.01 },
    { phi: 2, epsilon: 0.2 }, { phi: 0.25, epsilon: 0.3 }, { phi: 1, epsilon: 0.1 },
  ];
  it('has mass 1, mean 1 and variance φ + 2ε (free cumulants add)', () => {
    for (const params of cases) {
      const density = (x: number) => freeConvolutionDensity(x, params);
      let m0 = 0;
      let m1 = 0;
      let m2 = 0;
      for (const { lo, hi } of freeConvolutionSupport(params)) {
        m0 += moment(density, lo, hi, 0);
        m1 += moment(density, lo, hi, 1);
        m2 += moment(density, lo, hi, 2);
      }
      const label = JSON.stringify(params);
      expect(m0, label).toBeCloseTo(1, 9);
      expect(m1, label).toBeCloseTo(1, 9);
      expect(m2 - m1 * m1, label).toBeCloseTo(params.phi + 2 * params.epsilon, 8);
      expect(freeConvolutionCdf(1e3, params), label).toBeCloseTo(1, 10);
    }
  });
  it('tends to Marchenko–Pastur as ε → 0', () => {
    for (const x of [0.2, 1, 2.5]) expect(freeConvolutionDensity(x, { phi: 0.5, epsilon: 1e-7 })).toBeCloseTo(marchenkoPasturDensity(x, 0.5), 5);
    expect(freeConvolutionCdf(1, { phi: 0.5, epsilon: 1e-7 })).toBeCloseTo(marchenkoPasturCdf(1, 0.5), 5);
  });
  it('tends to a semicircle of variance 2ε centred at 1 as φ → 0', () => {
    const epsilon = 0.125; // radius 2√(2ε) = 1
    for (const x of [0.3, 1, 1.8]) expect(freeConvolutionDensity(x, { phi: 1e-8, epsilon })).toBeCloseTo(semicircleDensity(x - 1), 6);
  });
  it('splits into two bulks for φ > 1 and small ε, the one at 0 holding the atom 1 − 1/φ', () => {
    const params = { phi: 2, epsilon: 0.01 };
    const support = freeConvolutionSupport(params);
    expect(support).toHaveLength(2);
    expect(freeConvolutionCdf(support[0]!.hi, params)).toBeCloseTo(0.5, 8);
  });
  it('gives α(ε, φ) as numpy eigvalsh does at N = 1000 (10 matrices each, mean ± 3 s.e.)', () => {
    // numpy 2.4: H = XᵀX/M + √(2ε/N)(A + Aᵀ)/√2, fraction of eigenvalues < 0, seed 7.
    const sampled = [
      { phi: 0.5, epsilon: 0.05, alpha: 0.0636, se: 0.00037 },
      { phi: 2, epsilon: 0.2, alpha: 0.3121, se: 0.00041 },
      { phi: 2, epsilon: 0.01, alpha: 0.2665, se: 0.00034 },
      { phi: 0.25, epsilon: 0.3, alpha: 0.1697, se: 0.00021 },
    ];
    for (const { phi, epsilon, alpha, se } of sampled) {
      expect(Math.abs(indexFraction({ phi, epsilon }) - alpha), `φ = ${phi}, ε = ${epsilon}`).toBeLessThan(3 * se + 5e-4);
    }
  });
  it('has ε_c(φ) = (1 − 20φ − 8φ² + (1 + 8φ)^(3/2))/16 for φ < 1 (the closed form as recalled from Pennington & Bahri 2017; our derivation is independent of it) and 0 for φ ≥ 1', () => {
    for (const phi of [0.01, 0.1, 0.25, 0.5, 0.9]) {
      expect(criticalLoss(phi)).toBeCloseTo((1 - 20 * phi - 8 * phi * phi + (1 + 8 * phi) ** 1.5) / 16, 14);
    }
    expect(criticalLoss(1)).toBe(0);
    expect(criticalLoss(3)).toBe(0);
  });
  it('puts the left edge of the support at 0 exactly at ε_c: α = 0 just below, > 0 just above', () => {
    for (const phi of [0.1, 0.5]) {
      const epsilonC = criticalLoss(phi);
      expect(Math.abs(freeConvolutionSupport({ phi, epsilon: epsilonC })[0]!.lo)).toBeLessThan(1e-6);
      expect(indexFraction({ phi, epsilon: epsilonC * 0.99 })).toBe(0);
      expect(indexFraction({ phi, epsilon: epsilonC * 1.2 })).toBeGreaterThan(0);
    }
  });
  it('grows like (ε − ε_c)^(3/2) just above ε_c (Pennington & Bahri 2017)', () => {
    const phi = 0.5;
    const epsilonC = criticalLoss(phi);
    const a = indexFraction({ phi, epsilon: epsilonC * 1.01 });
    const b = indexFraction({ phi, epsilon: epsilonC * 1.04 });
    expect(Math.log(b / a) / Math.log(4)).toBeCloseTo(1.5, 1);
  });
  it('names a bad parameter', () => {
    expect(() => indexFraction({ phi: 0.5, epsilon: -1 })).toThrow('invalid epsilon: -1');
    expect(() => criticalLoss(Number.NaN)).toThrow('invalid phi: NaN');
  });
});
