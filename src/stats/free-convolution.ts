// The free additive convolution MP(φ) ⊞ SC(2ε): the large-N spectrum of the Gauss–Newton +
// residual Hessian H = XᵀX/M + √(2ε/N)·G (Pennington & Bahri, "Geometry of Neural Network Loss
// Surfaces via Random Matrix Theory", ICML 2017, §3–4), G a GOE in the lab's convention, so the
// second term has a semicircle of variance σ² = 2ε (radius 2σ). The two terms are
// asymptotically free (one is orthogonally invariant), so R-transforms add (Voiculescu;
// Mingo & Speicher, Free Probability and Random Matrices, ch. 2):
//   R_MP(w) = 1/(1 − φw) (mean 1, ratio φ = N/M),  R_SC(w) = σ²w,
// and the Stieltjes transform G(z) = ∫ρ(t)/(z − t) dt solves R(G) + 1/G = z, i.e. the cubic
//   −φσ²·G³ + (σ² + φz)·G² + (1 − φ − z)·G + 1 = 0.
// (σ = 0 leaves φzG² + (1 − φ − z)G + 1 = 0, Marchenko–Pastur's quadratic.)
//
// Root selection: on the real axis the cubic has real coefficients; where it has a complex
// pair, G(x − i0) is one of them and ρ(x) = |Im G|/π; where all three roots are real, ρ(x) = 0.
// (The density of a free convolution with a semicircle is continuous and positive exactly on
// its support, where G is not real.) Numerically: the one real root is found by safeguarded
// Newton inside the Cauchy bound and divided out (imaginaryPart below); the remaining
// quadratic gives Im G. Tests check the result by its mass
// (1), mean (1) and variance (φ + 2ε), both limits (ε → 0: MP, φ → 0: a semicircle at 1), and
// sampled spectra.
//
// Support: the edges are where the complex pair appears or vanishes, found on a grid over
// [λ₋ − 2σ, λ₊ + 2σ] ⊇ support (λ± the MP edges, 0 when φ > 1: the support of a free sum lies
// in the sum of the supports) and refined by bisection. There may be two intervals (φ > 1,
// small ε: the atom of MP at 0 spreads into its own small bulk).
//
// Index fraction α(ε, φ) = ∫_{−∞}^0 ρ: the fraction of negative eigenvalues as N → ∞.
// Critical loss ε_c(φ): the largest ε with α = 0, i.e. where the left edge reaches 0. An edge x
// of the support is a critical point of the inverse z(G) = R(G) + 1/G, so ε_c solves z(G) = 0
// and z'(G) = 0 together:
//   1/(1 − φG) + σ²G + 1/G = 0,   φ/(1 − φG)² + σ² − 1/G² = 0.
// Eliminating σ² and writing u = φG gives (2φ − 2)u² + (1 − 4φ)u + 2φ = 0. Below the support
// G < 0, so u is the negative root u = ((4φ − 1) + √(1 + 8φ))/(4(φ − 1)) (φ < 1), and then
// σ_c² = φ²/u² − φ/(1 − u)², ε_c = σ_c²/2. For φ ≥ 1 the atom at 0 makes ε_c = 0. This equals
// the closed form ε_c = (1 − 20φ − 8φ² + (1 + 8φ)^(3/2))/16 (tests: both, and the edge).

import { gaussLegendre } from './gauss-legendre.ts';
import { marchenkoPasturCdf, marchenkoPasturDensity, marchenkoPasturEdges } from './marchenko-pastur.ts';

export interface GaussNewtonResidualParams {
  /** φ = N/M > 0. */
  phi: number;
  /** Loss ε ≥ 0; the residual term has semicircle variance 2ε. */
  epsilon: number;
}

const EDGE_GRID = 4096;
const MASS_POINTS = 96;

function check({ phi, epsilon }: GaussNewtonResidualParams): void {
  if (!(phi > 0) || !Number.isFinite(phi)) throw new RangeError(`invalid phi: ${phi} (must be a finite number > 0)`);
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) throw new RangeError(`invalid epsilon: ${epsilon} (must be a finite number ≥ 0)`);
}

/**
 * The complex pair of the cubic at real x, if any: returns |Im G| (0 when all roots are real).
 * The one real root g is found by safeguarded Newton; the cubic is then deflated by g in the
 * direction that is stable (Wilkinson: divide out the root of smaller modulus first). The pair
 * has modulus² 1/|a·g| (the product of the roots is −1/a), so when |g|³ > 1/|a| (small ε makes
 * g huge) the reversed cubic in H = 1/G, H³ + cH² + bH + a, is deflated by h = 1/g instead, and
 * |Im G| = |Im H|/|H|².
 */
function imaginaryPart(x: number, phi: number, variance: number): number {
  const a = -phi * variance;
  const b = variance + phi * x;
  const c = 1 - phi - x;
  const d = 1;
  const p = (g: number) => ((a * g + b) * g + c) * g + d;
  const dp = (g: number) => (3 * a * g + 2 * b) * g + c;
  // a < 0: p(−∞) = +∞, p(+∞) = −∞; every real root lies within the Cauchy bound.
  const bound = 1 + Math.max(Math.abs(b / a), Math.abs(c / a), Math.abs(d / a));
  let lo = -bound;
  let hi = bound;
  let g = 0;
  for (let i = 0; i < 400; i++) {
    const value = p(g);
    if (value === 0) break;
    if (value > 0) lo = g;
    else hi = g;
    const slope = dp(g);
    let next = slope !== 0 ? g - value / slope : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - g) <= 1e-16 * Math.max(1, Math.abs(g))) {
      g = next;
      break;
    }
    g = next;
  }
  if (Math.abs(g) ** 3 * Math.abs(a) <= 1) {
    const q1 = b + a * g;
    const q0 = c + q1 * g;
    const discriminant = 4 * a * q0 - q1 * q1;
    return discriminant > 0 ? Math.sqrt(discriminant) / (2 * Math.abs(a)) : 0;
  }
  let h = 1 / g;
  const reversed = (t: number) => ((t + c) * t + b) * t + a;
  const reversedSlope = (t: number) => (3 * t + 2 * c) * t + b;
  for (let i = 0; i < 3; i++) h -= reversed(h) / reversedSlope(h);
  const p1 = c + h;
  const p0 = b + p1 * h;
  const discriminant = 4 * p0 - p1 * p1;
  return discriminant > 0 ? Math.sqrt(discriminant) / (2 * p0) : 0;
}

/** Density of MP(φ) ⊞ SC(2ε) at x (for ε = 0, the continuous part of MP). */
export function freeConvolutionDensity(x: number, params: GaussNewtonResidualParams): number {
  check(params);
  if (params.epsilon === 0) return marchenkoPasturDensity(x, params.phi);
  return imaginaryPart(x, params.phi, 2 * params.epsilon) / Math.PI;
}

export interface SupportInterval {
  lo: number;
  hi: number;
}

const supportCache = new Map<string, SupportInterval[]>();

/** The support of MP(φ) ⊞ SC(2ε), ε > 0, as disjoint intervals in increasing order. */
export function freeConvolutionSupport(params: GaussNewtonResidualParams): SupportInterval[] {
  check(params);
  const key = `${params.phi},${params.epsilon}`;
  const hit = supportCache.get(key);
  if (hit) return hit;
  const { phi, epsilon } = params;
  const variance = 2 * epsilon;
  const sigma = Math.sqrt(variance);
  const mp = marchenkoPasturEdges(phi);
  const from = (mp.atom > 0 ? 0 : mp.lo) - 2 * sigma;
  const to = mp.hi + 2 * sigma;
  const step = (to - from) / EDGE_GRID;
  const inside = (x: number) => imaginaryPart(x, phi, variance) > 0;
  const refine = (outsideX: number, insideX: number) => {
    let out = outsideX;
    let inn = insideX;
    for (let i = 0; i < 80 && Math.abs(inn - out) > 1e-15 * Math.max(1, Math.abs(inn)); i++) {
      const mid = (out + inn) / 2;
      if (inside(mid)) inn = mid;
      else out = mid;
    }
    return (out + inn) / 2;
  };
  const intervals: SupportInterval[] = [];
  let previous = inside(from);
  let start = previous ? from : NaN;
  for (let i = 1; i <= EDGE_GRID; i++) {
    const x = from + i * step;
    const now = inside(x);
    if (now && !previous) start = refine(x - step, x);
    if (!now && previous) intervals.push({ lo: start, hi: refine(x, x - step) });
    previous = now;
  }
  if (previous) intervals.push({ lo: start, hi: to });
  supportCache.set(key, intervals);
  return intervals;
}

/** ∫ρ over [lo, hi] ⊆ one support interval [edge, …], with x = edge + w(1 − cos θ)/2 (edge at lo). */
function massOn(lo: number, hi: number, interval: SupportInterval, params: GaussNewtonResidualParams): number {
  if (hi <= lo) return 0;
  // Map from the interval's own edges so both square-root ends are smoothed; integrate θ over
  // the part [lo, hi].
  const half = (interval.hi - interval.lo) / 2;
  const theta = (x: number) => Math.acos(Math.min(1, Math.max(-1, 1 - (x - interval.lo) / half)));
  const { nodes, weights } = gaussLegendre(MASS_POINTS, theta(lo), theta(hi));
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const t = nodes[i]!;
    sum += weights[i]! * freeConvolutionDensity(interval.lo + half * (1 - Math.cos(t)), params) * half * Math.sin(t);
  }
  return sum;
}

/** P(eigenvalue ≤ x) under MP(φ) ⊞ SC(2ε) (for ε = 0, the MP CDF with its atom). */
export function freeConvolutionCdf(x: number, params: GaussNewtonResidualParams): number {
  check(params);
  if (params.epsilon === 0) return marchenkoPasturCdf(x, params.phi);
  let mass = 0;
  for (const interval of freeConvolutionSupport(params)) {
    mass += massOn(interval.lo, Math.min(x, interval.hi), interval, params);
  }
  return Math.min(1, Math.max(0, mass));
}

/**
 * α(ε, φ): the index fraction (mass below 0) of the Gauss–Newton + residual Hessian as
 * N → ∞. For ε = 0 it is 0 (MP's atom sits at 0, not below).
 */
export function indexFraction(params: GaussNewtonResidualParams): number {
  check(params);
  if (params.epsilon === 0) return 0;
  return freeConvolutionCdf(0, params);
}

/** The critical loss ε_c(φ) (header): α(ε, φ) = 0 for ε ≤ ε_c, > 0 above. 0 for φ ≥ 1. */
export function criticalLoss(phi: number): number {
  if (!(phi > 0) || !Number.isFinite(phi)) throw new RangeError(`invalid phi: ${phi} (must be a finite number > 0)`);
  if (phi >= 1) return 0;
  const u = (4 * phi - 1 + Math.sqrt(1 + 8 * phi)) / (4 * (phi - 1));
  const variance = (phi * phi) / (u * u) - phi / ((1 - u) * (1 - u));
  return variance / 2;
}
