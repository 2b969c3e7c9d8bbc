// The smallest eigenvalue of a Wigner matrix in the lab's convention (off-diagonal variance 1,
// diagonal 2, semicircle radius R = 2√N) near the spectral edge, under Tracy–Widom scaling.
//
// For the GOE with off-diagonal variance σ², λ_max = 2σ√N + σN^(−1/6)·χ₁ + o(N^(−1/6)), χ₁ ~ F₁
// (Tracy & Widom, CMP 177 (1996) 727; in Johnstone's form, Ann. Stat. 29 (2001) 295, for
// σ² = ½: √(2N) + N^(−1/6)/√2·χ₁). Here σ = 1, and λ_min(H) = −λ_max(−H) with −H ~ H, so
//   P(λ_min > x) ≈ F₁(−(x + 2√N)·N^(1/6)).
// The lab's shift asks the same question: H + s·R·I is a minimum iff λ_min(H) > −sR, so
//   P(min | s) ≈ F₁((sR − 2√N)·N^(1/6)) = F₁(2(s − 1)·N^(2/3)).
// The edge is universal for Wigner matrices whose entries have enough moments (Soshnikov, CMP
// 207 (1999): symmetric laws with sub-Gaussian tails; Lee & Yin, Duke 163 (2014): the limit
// holds iff lim s⁴·P(|H_ij| > s) = 0). Student-t entries satisfy that only for ν > 4. For
// 2 < ν < 4 (wigner-t's default ν = 3) the semicircle still holds, but the largest of the ~N²/2
// entries is of order N^(2/ν) ≫ √N and pulls an eigenvalue out of the bulk (Auffinger, Ben
// Arous & Péché, AIHP 45 (2009)): λ_min has Poisson (Fréchet) rather than F₁ statistics, so
// the lab draws F₁ beside wigner-t only for ν > 4.

import { tracyWidomGoeCdf } from './tracy-widom.ts';

/** The Tracy–Widom argument 2(s − 1)N^(2/3) of the shift s at dimension N. */
export function tracyWidomArgumentOfShift(shift: number, n: number): number {
  return 2 * (shift - 1) * n ** (2 / 3);
}

/** The shift s at which the Tracy–Widom argument is t: s = 1 + t/(2N^(2/3)). */
export function shiftOfTracyWidomArgument(t: number, n: number): number {
  return 1 + t / (2 * n ** (2 / 3));
}

/** P(min | s) ≈ F₁(2(s − 1)N^(2/3)) for the lab's Wigner matrices. */
export function pMinTracyWidom(shift: number, n: number): number {
  return tracyWidomGoeCdf(tracyWidomArgumentOfShift(shift, n));
}

/** P(λ_min > x) ≈ F₁(−(x + 2√N)N^(1/6)), x an eigenvalue (not normalised). */
export function smallestEigenvalueSurvival(x: number, n: number): number {
  return tracyWidomGoeCdf(-(x + 2 * Math.sqrt(n)) * n ** (1 / 6));
}
