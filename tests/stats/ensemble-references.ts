// Independent references for the new ensembles' P(min) at small N, each computed here without
// the samplers: enumeration where the law is discrete, a numerical integral where it is not.
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { jacobiEigenvalues } from '../cpu/jacobi.ts';

/**
 * Exact index distribution of the N×N Rademacher Wigner matrix (off-diagonal ±1, diagonal
 * ±√2, shift 0) by enumerating all 2^(N(N+1)/2) sign patterns; eigenvalues by Jacobi
 * rotations. A singular pattern would make the index ambiguous, so any eigenvalue within 1e-9
 * of 0 throws (none occurs for N ≤ 3).
 */
export function rademacherIndexDistribution(n: number): number[] {
  const entries = (n * (n + 1)) / 2;
  const counts = new Array<number>(n + 1).fill(0);
  for (let pattern = 0; pattern < 2 ** entries; pattern++) {
    const a = new Float64Array(n * n);
    let bit = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++, bit++) {
        const sign = (pattern >> bit) & 1 ? -1 : 1;
        const value = i === j ? sign * Math.SQRT2 : sign;
        a[i * n + j] = value;
        a[j * n + i] = value;
      }
    }
    const eigenvalues = jacobiEigenvalues(a, n);
    if (eigenvalues.some((e) => Math.abs(e) < 1e-9)) throw new Error(`pattern ${pattern} is singular`);
    counts[eigenvalues.filter((e) => e < 0).length]!++;
  }
  return counts.map((c) => c / 2 ** entries);
}

/** ∫₀¹ f by the midpoint rule on `points` nodes. */
function midpoint(f: (x: number) => number, points: number): number {
  let sum = 0;
  for (let i = 0; i < points; i++) sum += f((i + 0.5) / points);
  return sum / points;
}

/**
 * P(min) of the 2×2 uniform Wigner matrix: a, c ~ U(−√6, √6), b ~ U(−√3, √3); positive definite
 * iff a > 0, c > 0 and b² < ac. With a = √6x, c = √6y, b = √3w (x, y ∈ (0, 1), w ∈ (−1, 1)):
 * P = ¼·∫∫ min(1, √(2xy)) dx dy, by a 2-D midpoint rule (closed form 2/9 + 1/2 − ln 2/6
 * divided by 4, derived in the test file, checks it).
 */
export function uniformPMin2(points = 1200): number {
  return midpoint((x) => midpoint((y) => Math.min(1, Math.sqrt(2 * x * y)), points), points) / 4;
}

/**
 * P(min) of the 2×2 Student-t Wigner matrix (any scale cancels): a = √2σT₁, c = √2σT₂, b = σT₃,
 * so P = ¼·P(T₃² < 2|T₁||T₂|) = ¼·E[2F_ν(√(2|T₁||T₂|)) − 1] over independent |t_ν| variables.
 * With |T| = √ν·tan θ the half-t density becomes 2c√ν·cos^(ν−1)θ dθ on (0, π/2), c the t
 * density's constant; a 2-D midpoint rule in θ, the t CDF from @stdlib.
 */
export function studentTPMin2(nu: number, points = 600): number {
  const logC = gammaln((nu + 1) / 2) - gammaln(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  const weight = (theta: number) => 2 * Math.exp(logC) * Math.sqrt(nu) * Math.cos(theta) ** (nu - 1) * (Math.PI / 2);
  const x = (s: number) => Math.sqrt(nu) * Math.tan((s * Math.PI) / 2);
  return midpoint((s) => weight((s * Math.PI) / 2) * midpoint((r) => weight((r * Math.PI) / 2) * (2 * tCdf(Math.sqrt(2 * x(s) * x(r)), nu) - 1), points), points) / 4;
}

/** P(χ²_M/M > x) for the 1×1 Wishart matrix: the regularized upper incomplete gamma. */
export function wishartPMin1(m: number, threshold: number): number {
  return threshold <= 0 ? 1 : gammainc((m * threshold) / 2, m / 2, true, true);
}

/**
 * P(λ_min(XᵀX/M) > x) for N = 2, M ≥ 2, from the real Wishart joint eigenvalue density
 * p(l₁, l₂) ∝ |l₁ − l₂|·(l₁l₂)^((M−3)/2)·e^(−(l₁+l₂)/2) of W = XᵀX (Muirhead, "Aspects of
 * Multivariate Statistical Theory", Thm 3.2.18), λ(H) = λ(W)/M: the mass of l₁, l₂ > M·x over
 * the whole mass, by a 2-D midpoint rule in l = u² (smooth at 0), truncated at l = 120.
 */
export function wishartPMin2(m: number, threshold: number, points = 800): number {
  const top = Math.sqrt(120);
  const density = (u: number, v: number) => {
    const l1 = u * u;
    const l2 = v * v;
    return Math.abs(l1 - l2) * (l1 * l2) ** ((m - 3) / 2) * Math.exp(-(l1 + l2) / 2) * 4 * u * v;
  };
  const floor = Math.sqrt(m * threshold);
  let all = 0;
  let above = 0;
  for (let i = 0; i < points; i++) {
    const u = ((i + 0.5) / points) * top;
    for (let j = 0; j < points; j++) {
      const v = ((j + 0.5) / points) * top;
      const p = density(u, v);
      all += p;
      if (u > floor && v > floor) above += p;
    }
  }
  return above / all;
}

/**
 * P(min) of the 1×1 Gauss–Newton + residual matrix χ²_M/M + √(2ε)·√2·z + s: the integral
 * over z ~ N(0, 1) of P(χ²_M/M > −s − 2√ε·z), by the midpoint rule on z ∈ (−9, 9).
 */
export function gaussNewtonResidualPMin1(m: number, epsilon: number, shift: number, points = 20000): number {
  return midpoint((r) => {
    const z = -9 + 18 * r;
    const phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    return 18 * phi * wishartPMin1(m, -shift - 2 * Math.sqrt(epsilon) * z);
  }, points);
}
