// Student's t distribution: CDF through the regularized incomplete beta function and the
// quantile by bisection, enough for the confidence intervals of replicate means.
//
//   F_ν(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)   for t ≥ 0,   F_ν(−t) = 1 − F_ν(t),
//   I_x(a, b) = x^a (1−x)^b / (a·B(a, b)) · 1/(1+ d_1/(1+ d_2/(1+ …)))   (x < (a+1)/(a+b+2)),
//   d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),  d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)),
// evaluated by the modified Lentz method; I_x(a, b) = 1 − I_{1−x}(b, a) otherwise.
// References: Abramowitz & Stegun 26.5.8 and 26.7.1; Lentz, Appl. Opt. 15, 668 (1976).

import { exp, log, log1p } from '../portable-math.ts';
import { logGammaHalf } from './densities.ts';

const TINY = 1e-300;
const EPSILON = 1e-15;
const MAX_TERMS = 500;

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return fraction;
}

/** I_x(ν/2, ½) for integer ν ≥ 1 (the only case the t CDF needs; Γ of halves is exact). */
function incompleteBetaHalf(x: number, nu: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const a = nu / 2;
  const b = 0.5;
  // ln B(a, b) = ln Γ(ν/2) + ln Γ(½) − ln Γ((ν+1)/2)
  const logBeta = logGammaHalf(nu) + logGammaHalf(1) - logGammaHalf(nu + 1);
  const logFront = a * log(x) + b * log1p(-x) - logBeta;
  if (x < (a + 1) / (a + b + 2)) return (exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with ν (a positive integer) degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  const tail = 0.5 * incompleteBetaHalf(nu / (nu + t * t), nu);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile (0 < p < 1) of Student's t with ν degrees of freedom, to ~1e-12. */
export function studentTQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`invalid p: ${p} (must be in (0, 1))`);
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`invalid nu: ${nu} (must be a positive integer)`);
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, nu) < p) hi *= 2;
  for (let iteration = 0; iteration < 200 && hi - lo > 1e-13 * hi; iteration++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, nu) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
