// The Marchenko–Pastur law of H = XᵀX/M, X an M×N matrix of independent N(0, 1) entries, as
// N, M → ∞ with φ = N/M fixed (Marchenko & Pastur, Math. USSR Sb. 1 (1967) 457; Bai &
// Silverstein, Spectral Analysis of Large Dimensional Random Matrices, §3.1). Mean eigenvalue
// E λ = tr H/N = 1, variance φ. With λ± = (1 ± √φ)²:
//   ρ(λ) = √((λ₊ − λ)(λ − λ₋)) / (2πφλ) on [λ₋, λ₊], total mass min(1, 1/φ),
//   plus, for φ > 1, an atom of mass 1 − 1/φ at λ = 0 (H has rank M < N).
// The CDF integrates the continuous part with λ = λ₋ + (λ₊ − λ₋)(1 − cos θ)/2, which turns the
// square-root edges into a smooth periodic integrand (dλ·√(…) = ((λ₊ − λ₋)/2)² sin²θ dθ), by
// Gauss–Legendre in θ.

import { integrate } from './gauss-legendre.ts';

const CDF_POINTS = 64;

export interface MarchenkoPasturEdges {
  lo: number;
  hi: number;
  /** Mass of the atom at 0: max(0, 1 − 1/φ). */
  atom: number;
}

function checkPhi(phi: number): void {
  if (!(phi > 0) || !Number.isFinite(phi)) throw new RangeError(`invalid phi: ${phi} (must be a finite number > 0)`);
}

export function marchenkoPasturEdges(phi: number): MarchenkoPasturEdges {
  checkPhi(phi);
  const root = Math.sqrt(phi);
  return { lo: (1 - root) ** 2, hi: (1 + root) ** 2, atom: Math.max(0, 1 - 1 / phi) };
}

/** Density of the continuous part at λ (the atom at 0 for φ > 1 is not included). */
export function marchenkoPasturDensity(lambda: number, phi: number): number {
  const { lo, hi } = marchenkoPasturEdges(phi);
  if (lambda <= lo || lambda >= hi || lambda <= 0) return 0;
  return Math.sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * phi * lambda);
}

/** P(eigenvalue ≤ λ), the atom included (so F(0) = 1 − 1/φ for φ > 1). */
export function marchenkoPasturCdf(lambda: number, phi: number): number {
  const { lo, hi, atom } = marchenkoPasturEdges(phi);
  if (lambda < 0) return 0;
  if (lambda <= lo) return atom;
  if (lambda >= hi) return 1;
  const half = (hi - lo) / 2;
  const thetaMax = Math.acos(1 - (lambda - lo) / half);
  const integrand = (theta: number) => {
    const sin = Math.sin(theta);
    return (half * half * sin * sin) / (2 * Math.PI * phi * (lo + half * (1 - Math.cos(theta))));
  };
  return atom + integrate(integrand, 0, thetaMax, CDF_POINTS);
}
