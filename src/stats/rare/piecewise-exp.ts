// A density on [z_0, ∞) whose logarithm is piecewise linear between nodes z_0 < … < z_K and
// continues past z_K as an exponential tail. It is the building block of the rare-event
// proposals: any positive log-target tabulated at nodes becomes a density that can be sampled
// exactly and evaluated exactly, so importance weights target/proposal are exact even though the
// tabulation is only approximate.
//
//   q(z) ∝ exp(L_j + (L_{j+1} − L_j)·(z − z_j)/(z_{j+1} − z_j))   on [z_j, z_{j+1}],
//   q(z) ∝ exp(L_K − r·(z − z_K))                                 on (z_K, ∞),
//
// with segment mass h·e^{max(L_j, L_{j+1})}·(1 − e^{−|δ|})/|δ|, δ = L_{j+1} − L_j, and tail
// mass e^{L_K}/r. Inside a segment t = (z − z_j)/h has density ∝ e^{δt}, sampled by inversion:
// t = log1p(u·expm1(δ))/δ (δ < 0) or 1 + log1p(u·expm1(−δ))/δ (δ > 0).
// Masses are kept relative to max L so log-values far below −700 neither underflow nor matter.

import { exp, expm1, log, log1p } from '../portable-math.ts';

/** Below this |δ| a segment is treated as flat (relative error of (1 − e^{−δ})/δ ≈ δ/2 < 1e-12). */
const FLAT_DELTA = 1e-12;

export class PiecewiseExp {
  /** Node positions and log-values of the current build (first `count` entries used). */
  readonly z: Float64Array;
  readonly logValue: Float64Array;
  /** Cumulative masses relative to e^{maxLog}: cumulative[j] = mass of segments 0..j−1. */
  private readonly cumulative: Float64Array;
  count = 0;
  tailRate = 1;
  maxLog = 0;
  /** ln of the total mass (segments + tail): the normalizer of exp(piecewise-linear L). */
  logTotal = 0;
  private totalRelative = 0;

  constructor(capacity: number) {
    this.z = new Float64Array(capacity);
    this.logValue = new Float64Array(capacity);
    this.cumulative = new Float64Array(capacity + 1);
  }

  /**
   * Uses this.z / this.logValue[0..count) filled by the caller (finite log-values, z strictly
   * increasing, count ≥ 2). `minTailRate` > 0 bounds the tail's decay rate from below.
   */
  finish(count: number, minTailRate: number): void {
    const { z, logValue, cumulative } = this;
    this.count = count;
    let maxLog = -Infinity;
    for (let j = 0; j < count; j++) if (logValue[j] > maxLog) maxLog = logValue[j];
    this.maxLog = maxLog;
    let sum = 0;
    cumulative[0] = 0;
    for (let j = 0; j + 1 < count; j++) {
      sum += segmentMass(z[j + 1] - z[j], logValue[j] - maxLog, logValue[j + 1] - maxLog);
      cumulative[j + 1] = sum;
    }
    const last = count - 1;
    const slope = (logValue[last] - logValue[last - 1]) / (z[last] - z[last - 1]);
    this.tailRate = Math.max(-slope, minTailRate);
    sum += exp(logValue[last] - maxLog) / this.tailRate;
    this.totalRelative = sum;
    this.logTotal = maxLog + log(sum);
  }

  /** A draw from q using two uniforms on (0, 1). */
  sample(u1: number, u2: number): number {
    const { z, logValue, cumulative, count } = this;
    const target = u1 * this.totalRelative;
    const segments = count - 1;
    if (target >= cumulative[segments]) {
      return z[count - 1] - log(u2) / this.tailRate;
    }
    // Largest j with cumulative[j] ≤ target.
    let lo = 0;
    let hi = segments;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid;
      else hi = mid;
    }
    const width = z[lo + 1] - z[lo];
    const delta = logValue[lo + 1] - logValue[lo];
    let t: number;
    if (Math.abs(delta) < FLAT_DELTA) t = u2;
    else if (delta < 0) t = log1p(u2 * expm1(delta)) / delta;
    else t = 1 + log1p(u2 * expm1(-delta)) / delta;
    const value = z[lo] + width * Math.min(Math.max(t, 0), 1);
    return value;
  }

  /** ln q(x) for x ≥ z_0 (−Infinity below the support). */
  logDensity(x: number): number {
    const { z, logValue, count } = this;
    if (x < z[0]) return -Infinity;
    const last = count - 1;
    if (x >= z[last]) return logValue[last] - this.tailRate * (x - z[last]) - this.logTotal;
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (z[mid] <= x) lo = mid;
      else hi = mid;
    }
    const t = (x - z[lo]) / (z[lo + 1] - z[lo]);
    return logValue[lo] + t * (logValue[lo + 1] - logValue[lo]) - this.logTotal;
  }
}

/** ∫_0^h exp(a + (b − a)·z/h) dz for log-values a, b (already shifted so max ≤ 0 overall). */
export function segmentMass(width: number, a: number, b: number): number {
  const delta = b - a;
  const top = delta > 0 ? b : a;
  const absDelta = Math.abs(delta);
  const shape = absDelta < FLAT_DELTA ? 1 : -expm1(-absDelta) / absDelta;
  return width * exp(top) * shape;
}

/**
 * Fills `target` with the nodes of (nodes, logValues)[0..length) that matter: node 0 (the
 * support's lower end), then the contiguous run from the first to the last node whose
 * log-value is within `cut` of the maximum, then the node after it (so the tail starts where
 * the target has already fallen by `cut`). Dropped nodes still lie under the interpolant's
 * support, so q stays positive wherever the target is: only shape precision is traded there.
 */
export function buildWindowed(
  target: PiecewiseExp,
  nodes: ArrayLike<number>,
  logValues: ArrayLike<number>,
  length: number,
  cut: number,
  minTailRate: number,
): void {
  let maxLog = -Infinity;
  for (let j = 0; j < length; j++) if (logValues[j] > maxLog) maxLog = logValues[j];
  const floor = maxLog - cut;
  let first = 1;
  while (first < length - 1 && logValues[first] < floor) first++;
  let last = length - 1;
  while (last > first && logValues[last] < floor) last--;
  if (last < length - 1) last++;
  const { z, logValue } = target;
  let count = 0;
  z[count] = nodes[0];
  logValue[count++] = logValues[0];
  for (let j = first; j <= last; j++) {
    z[count] = nodes[j];
    logValue[count++] = logValues[j];
  }
  target.finish(count, minTailRate);
}
