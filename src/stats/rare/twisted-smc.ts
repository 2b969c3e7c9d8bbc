// One replicate of the twisted sequential Monte Carlo estimator of P(min) for the tridiagonal
// GOE model (pivot chain and look-ahead functions: twist.ts).
//
// Each of n particles builds one matrix pivot by pivot. At step i (k = N − i + 1) a particle at
// pivot x draws the off-diagonal as t = b/√x (so c = b²/x = t²) and then the next pivot:
//   t ~ q_t(· | x)     ∝ p(t | x)·Ĥ_i(t²),  p(t | x) = √x·f_k(t√x)   (interpolant on the t nodes),
//   d ~ q_d(· | c)     ∝ φ₂(d + c − μ)·ĥ_i(d), d > 0                  (interpolant on the pivot grid),
// so every pivot is positive by construction, and carries the incremental weight
//   w_i = p(t | x)·φ₂(d + c − μ)·ĥ_i(d) / (q_t(t | x)·q_d(d | c)·ĥ_{i−1}(x))     (ĥ_0 ≡ 1, ĥ_N ≡ 1).
// The product of the w_i along a path is the exact likelihood ratio 1{PD}·p/q of the path, so
// the estimate Ẑ = Π_i (1/n)·Σ_p w_i^p with multinomial-type (systematic) resampling after each
// step is an unbiased estimator of P (Del Moral, "Feynman–Kac Formulae", Springer 2004, ch. 7).
// With ĥ = h and exact proposals every w_i is constant and Ẑ = P exactly; the tabulation error
// of twist.ts only makes the w_i vary a little, which resampling keeps from compounding.
//
// Random numbers: Philox4x32-10 with key = seed and counter (particle, replicate, step,
// streamTag(RARE_STREAM_CODE, N, 'rare')): one block gives the four uniforms of one particle's
// step (t: segment, position; d: segment, position). The systematic-resampling uniform of step i
// uses particle word RESAMPLE_WORD, so any replicate is reproducible from (seed, N, s) alone.

import { exp, log } from '../portable-math.ts';
import { philox4x32 } from '../../cpu/philox.ts';
import { indexWords, RARE_STREAM_CODE, seedKey, streamTag } from '../../model/stream.ts';
import { uniformOpen } from '../../cpu/normals.ts';
import { logNormalVar2 } from './densities.ts';
import { PiecewiseExp, buildWindowed } from './piecewise-exp.ts';
import {
  MIN_TAIL_RATE,
  type Twist,
  fillOffDiagonalTarget,
  fillPivotTarget,
  logOffDiagonalPrior,
  logTwistAt,
} from './twist.ts';

/** First counter word of the resampling draw: no particle index reaches it. */
export const RESAMPLE_WORD = 0xffffffff;

export interface ReplicateResult {
  /** ln Ẑ of this replicate (ln of an unbiased estimate of P). */
  logP: number;
  /** Smallest effective sample size fraction (Σw)²/(n·Σw²) seen over the N steps. */
  minEssFraction: number;
}

/** Called after every step; may await (to yield to the event loop) or throw (to abort). */
export type StepHook = () => Promise<void> | void;

/** ln((1/n)·Σ e^{v_p}) and the ESS fraction, stable for any magnitude of v. */
function logMeanExp(values: Float64Array): { logMean: number; essFraction: number } {
  let max = -Infinity;
  for (let p = 0; p < values.length; p++) if (values[p] > max) max = values[p];
  if (max === -Infinity) return { logMean: -Infinity, essFraction: 0 };
  let sum = 0;
  let sumSquares = 0;
  for (let p = 0; p < values.length; p++) {
    const w = exp(values[p] - max);
    sum += w;
    sumSquares += w * w;
  }
  return { logMean: max + log(sum / values.length), essFraction: (sum * sum) / (values.length * sumSquares) };
}

/**
 * Systematic resampling (Kitagawa 1996): offspring of particle p = number of points
 * (u + m)/n, m = 0..n−1, falling in its normalized-weight interval. Writes into `next`.
 */
function resample(logWeights: Float64Array, pivots: Float64Array, next: Float64Array, uniform: number): void {
  const n = logWeights.length;
  let max = -Infinity;
  for (let p = 0; p < n; p++) if (logWeights[p] > max) max = logWeights[p];
  let total = 0;
  for (let p = 0; p < n; p++) total += exp(logWeights[p] - max);
  let cumulative = 0;
  let source = 0;
  for (let m = 0; m < n; m++) {
    const point = ((uniform + m) / n) * total;
    while (source < n - 1 && cumulative + exp(logWeights[source] - max) <= point) {
      cumulative += exp(logWeights[source] - max);
      source++;
    }
    next[m] = pivots[source];
  }
}

export async function runReplicate(
  twist: Twist,
  particles: number,
  seed: number,
  replicate: number,
  afterStep?: StepHook,
): Promise<ReplicateResult> {
  const { n, mu } = twist;
  const [key0, key1] = seedKey(seed);
  const tag = streamTag(RARE_STREAM_CODE, n, 'rare');
  const replicateWord = indexWords(replicate)[0];
  const words = new Uint32Array(4);
  const pivotNodes = twist.pivotGrid.nodes;
  const pivotPE = new PiecewiseExp(pivotNodes.length);
  const pivotTarget = new Float64Array(pivotNodes.length);
  const tNodes = twist.tNodes;
  const tPE = new PiecewiseExp(tNodes.length);
  const tTarget = new Float64Array(tNodes.length);
  let pivots = new Float64Array(particles);
  let spare = new Float64Array(particles);
  const logWeights = new Float64Array(particles);
  let logP = 0;
  let minEssFraction = 1;

  for (let i = 1; i <= n; i++) {
    if (i === 1) {
      fillPivotTarget(twist, 1, 0, pivotTarget);
      buildWindowed(pivotPE, pivotNodes, pivotTarget, pivotNodes.length, twist.grid.cut, MIN_TAIL_RATE);
    }
    for (let p = 0; p < particles; p++) {
      philox4x32(p, replicateWord, i, tag, key0, key1, words);
      if (i === 1) {
        const d = pivotPE.sample(uniformOpen(words[0]), uniformOpen(words[1]));
        pivots[p] = d;
        logWeights[p] = logNormalVar2(d - mu) + logTwistAt(twist, 1, d) - pivotPE.logDensity(d);
        continue;
      }
      const x = pivots[p];
      fillOffDiagonalTarget(twist, i, x, tTarget);
      buildWindowed(tPE, tNodes, tTarget, tNodes.length, twist.grid.cut, MIN_TAIL_RATE);
      const t = tPE.sample(uniformOpen(words[0]), uniformOpen(words[1]));
      const c = t * t;
      fillPivotTarget(twist, i, c, pivotTarget);
      buildWindowed(pivotPE, pivotNodes, pivotTarget, pivotNodes.length, twist.grid.cut, MIN_TAIL_RATE);
      const d = pivotPE.sample(uniformOpen(words[2]), uniformOpen(words[3]));
      pivots[p] = d;
      logWeights[p] =
        logOffDiagonalPrior(twist, i, x, t) +
        logNormalVar2(d + c - mu) +
        logTwistAt(twist, i, d) -
        tPE.logDensity(t) -
        pivotPE.logDensity(d) -
        logTwistAt(twist, i - 1, x);
    }
    const { logMean, essFraction } = logMeanExp(logWeights);
    logP += logMean;
    if (essFraction < minEssFraction) minEssFraction = essFraction;
    if (i < n) {
      philox4x32(RESAMPLE_WORD, replicateWord, i, tag, key0, key1, words);
      resample(logWeights, pivots, spare, uniformOpen(words[0]));
      [pivots, spare] = [spare, pivots];
    }
    if (afterStep) await afterStep();
  }
  return { logP, minEssFraction };
}
