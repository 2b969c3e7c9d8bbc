// Look-ahead ("twisting") functions for the pivot chain of the β = 1 tridiagonal GOE model,
// computed by backward dynamic programming on grids.
//
// Model (Dumitriu & Edelman 2002; DESIGN.md §1): T + μI with μ = s·R, R = 2√N, diagonal
// a_i ~ N(0, 2), off-diagonal b_i ~ χ_{N−i}. By Sylvester's law of inertia all eigenvalues of
// T + μI are positive iff all LDLᵀ pivots are, and the pivots form a Markov chain:
//   d_1 = a_1 + μ,   d_i = a_i + μ − b_{i−1}²/d_{i−1}   (i = 2..N),
// with independent innovations (a_i, b_{i−1}), b_{i−1} ~ χ_{k_i}, k_i = N − i + 1.
// Hence P(min) = P(d_1 > 0, …, d_N > 0) and the Doob h-functions
//   h_N ≡ 1,   h_{i−1}(x) = E[1{d_i > 0}·h_i(d_i) | d_{i−1} = x]   (x > 0)
// satisfy P = h_0 = E[1{d_1 > 0}·h_1(d_1)]. Splitting the expectation into its two innovations,
//   H_i(c)      = ∫_0^∞ φ₂(y + c − μ)·h_i(y) dy                 (c = b²/x ≥ 0),
//   h_{i−1}(x)  = ∫_0^∞ f_{k_i}(b)·H_i(b²/x) db = ∫_0^∞ √x·f_{k_i}(t√x)·H_i(t²) dt,   h_0 = H_1(0).
// Sampling d_i from the kernel twisted by h_i makes every path a positive-definite matrix with
// weight exactly P (the zero-variance change of measure, Doob's h-transform). Here h and H
// are tabulated: ln ĥ_i on a pivot grid, ln Ĥ_i on a c-grid, each integral done exactly for the
// log-linear interpolant of its integrand (piecewise-exp.ts). The estimator in
// twisted-smc.ts stays unbiased whatever the tabulation error; the error only adds variance.
// References: Doob h-transform for rare events, e.g. Guarniero, Johansen & Lee, "The iterated
// auxiliary particle filter", JASA 112 (2017); Heng, Bishop, Deligiannidis & Doucet,
// "Controlled sequential Monte Carlo", Ann. Stat. 48 (2020).

import { log } from '../portable-math.ts';
import { cooperative } from '../../cooperative.ts';
import { semicircleRadius } from '../../model/semicircle.ts';
import { chiLogNormalizer, logChi, logNormalVar2 } from './densities.ts';
import { PiecewiseExp, buildWindowed } from './piecewise-exp.ts';
import { type SoftplusGrid, interpolate, softplusGrid } from './softplus-grid.ts';

export interface TwistGridOptions {
  /** Smallest positive pivot node (relative spacing near 0 is pivotDv). */
  pivotLo: number;
  pivotDv: number;
  /** Smallest positive c node (divided by μ when μ = s·R > 1) and the c-grid spacing parameter. */
  cLo: number;
  cDv: number;
  /** Nodes whose log-integrand is below max − cut are merged into one segment or the tail. */
  cut: number;
}

export const DEFAULT_TWIST_GRID: Readonly<TwistGridOptions> = Object.freeze({
  pivotLo: 1e-4,
  pivotDv: 0.2,
  cLo: 1e-6,
  cDv: 0.1,
  cut: 40,
});

/** ln H_i falls by about C_SPAN²/4 = 900 between c = μ⁺ and the last c node. */
const C_SPAN = 60;
/** Log-value given to pivot 0, below the next node; any finite value is valid (ĥ is this interpolant). */
const BOUNDARY_DROP = 30;
/** Lower bound of the exponential tails' decay rate (per unit of t or pivot). */
export const MIN_TAIL_RATE = 0.5;

export interface OffDiagonalStep {
  /** χ_k degrees of freedom of b_{i−1}. */
  k: number;
  /** −(k/2 − 1) ln 2 − ln Γ(k/2). */
  logNormalizer: number;
}

export interface Twist {
  n: number;
  /** μ = s·R. */
  mu: number;
  grid: TwistGridOptions;
  pivotGrid: SoftplusGrid;
  cGrid: SoftplusGrid;
  /** logTwist[i][j] = ln ĥ_i(y_j), i = 1..N (index 0 unused). */
  logTwist: Float64Array[];
  /** logLookAhead[i][m] = ln Ĥ_i(c_m), i = 1..N (index 0 unused). */
  logLookAhead: Float64Array[];
  /** t-nodes √c_m: the off-diagonal is drawn as t = b/√x so that c = t² lands on the c nodes. */
  tNodes: Float64Array;
  /** ln t_m (node 0: −Infinity). */
  logTNodes: Float64Array;
  /** offDiagonal[i], i = 2..N: the χ_{N−i+1} law of step i. */
  offDiagonal: OffDiagonalStep[];
  /** ln ĥ_0: the quadrature's own value of ln P (not the estimate; a diagnostic). */
  logPQuadrature: number;
}

export function diagonalShift(n: number, shift: number): number {
  return shift * semicircleRadius(n);
}

/** ln ĥ_i(y); ĥ_N ≡ 1. */
export function logTwistAt(twist: Twist, i: number, y: number): number {
  if (i === twist.n) return 0;
  return interpolate(twist.pivotGrid, twist.logTwist[i], y);
}

/** ln Ĥ_i(c); past the last node it continues with the Gaussian factor's decay. */
export function logLookAheadAt(twist: Twist, i: number, c: number): number {
  const nodes = twist.cGrid.nodes;
  const table = twist.logLookAhead[i];
  const last = nodes.length - 1;
  const cLast = nodes[last];
  if (c >= cLast) {
    const a = c - twist.mu;
    const b = cLast - twist.mu;
    return table[last] - 0.25 * (a * a - b * b);
  }
  return interpolate(twist.cGrid, table, c);
}

/** out[j] = ln φ₂(y_j + c − μ) + ln ĥ_i(y_j): the twisted diagonal target at fixed c. */
export function fillPivotTarget(twist: Twist, i: number, c: number, out: Float64Array): void {
  const nodes = twist.pivotGrid.nodes;
  const offset = c - twist.mu;
  if (i === twist.n) {
    for (let j = 0; j < nodes.length; j++) out[j] = logNormalVar2(nodes[j] + offset);
    return;
  }
  const table = twist.logTwist[i];
  for (let j = 0; j < nodes.length; j++) out[j] = logNormalVar2(nodes[j] + offset) + table[j];
}

/**
 * out[m] = ln p(t_m | x) + ln Ĥ_i(t_m²): the twisted off-diagonal target in t = b/√x at pivot
 * x > 0, with p(t | x) = √x·f_k(t√x) the law of t. On the t-nodes c = t² is a c node, so Ĥ_i
 * is read from its table without interpolation, and small x (mass at b ≲ √x) is resolved by the
 * grid's logarithmic spacing near 0.
 *
 * Node 0 (t = 0, where ln p = −∞ for k ≥ 2) gets ln p(t_1) − (k − 1). On [0, t_1] the prior is
 * ∝ t^(k−1) and the proposal ∝ e^((k−1)(t/t_1 − 1)); their ratio u^(k−1)·e^((k−1)(1−u)),
 * u = t/t_1, never exceeds 1, so no weight there is large. A deeper drop (it was 30) starves
 * that segment: its ratio reaches ~e^29/30, weights that are almost never drawn, and the
 * estimate loses the prior's mass below t_1, about (x·t_1²/2)^(k/2)/Γ(k/2 + 1). That mass
 * grows with the pivot x ≈ μ = s·R, so as P → 1 the estimate sat ~x·1e-6/2 below 1 with an
 * interval far narrower (N = 3, s = 50: [0.99990, 0.99998]; the truth is 1 − 1e-1000).
 */
export function fillOffDiagonalTarget(twist: Twist, i: number, x: number, out: Float64Array): void {
  const { k, logNormalizer } = twist.offDiagonal[i];
  const { tNodes, logTNodes } = twist;
  const cNodes = twist.cGrid.nodes;
  const logH = twist.logLookAhead[i];
  const logX = log(x);
  const constant = logNormalizer + 0.5 * k * logX;
  const halfX = 0.5 * x;
  const count = tNodes.length;
  if (k === 1) {
    for (let m = 0; m < count; m++) out[m] = constant - halfX * cNodes[m] + logH[m];
    return;
  }
  for (let m = 1; m < count; m++) out[m] = constant + (k - 1) * logTNodes[m] - halfX * cNodes[m] + logH[m];
  out[0] = out[1] - (k - 1);
}

/** ln p(t | x) = ln f_k(t√x) + ½ ln x: the exact numerator of the off-diagonal weight. */
export function logOffDiagonalPrior(twist: Twist, i: number, x: number, t: number): number {
  const { k, logNormalizer } = twist.offDiagonal[i];
  return logChi(k, logNormalizer, t * Math.sqrt(x)) + 0.5 * log(x);
}

export interface TwistProgress {
  /** Called after each of the N backward steps with the fraction done; may yield. */
  (fractionDone: number): Promise<void> | void;
}

/** Runs the backward recursion h_N → … → h_0 on the grids. Deterministic; O(N·(C·M + M·C)). */
export async function computeTwist(
  n: number,
  shift: number,
  grid: TwistGridOptions = DEFAULT_TWIST_GRID,
  onStep?: TwistProgress,
): Promise<Twist> {
  const mu = diagonalShift(n, shift);
  const muPlus = Math.max(mu, 0);
  const pivotGrid = softplusGrid(grid.pivotLo, muPlus + 4 * Math.sqrt(n) + 25, grid.pivotDv);
  // The first c node is t_1² (t = b/√x): the prior's mass below it, ~x·t_1²/2 for k = 2, is
  // where the proposal's shape is only a stub, so t_1 shrinks as the pivots x ≈ μ grow.
  const cGrid = softplusGrid(grid.cLo / Math.max(1, muPlus), muPlus + C_SPAN, grid.cDv);
  const pivotCount = pivotGrid.nodes.length;
  const cCount = cGrid.nodes.length;
  const twist: Twist = {
    n,
    mu,
    grid,
    pivotGrid,
    cGrid,
    logTwist: new Array<Float64Array>(n + 1),
    logLookAhead: new Array<Float64Array>(n + 1),
    tNodes: cGrid.nodes.map(Math.sqrt),
    logTNodes: cGrid.nodes.map((c) => 0.5 * log(c)),
    offDiagonal: new Array<OffDiagonalStep>(n + 1),
    logPQuadrature: 0,
  };
  const pivotPE = new PiecewiseExp(pivotCount);
  const tPE = new PiecewiseExp(cCount);
  const pivotTarget = new Float64Array(pivotCount);
  const tTarget = new Float64Array(cCount);
  const unused = new Float64Array(0);
  twist.logTwist[0] = unused;
  twist.logLookAhead[0] = unused;
  twist.logTwist[n] = new Float64Array(pivotCount);

  // One backward step is C·M piecewise-exponential builds, up to seconds at N = 1024 and s = 6:
  // yield inside it too, so a signal handler or a Stop button runs within ~50 ms.
  const cooperate = cooperative(50);
  for (let i = n; i >= 1; i--) {
    const logH = new Float64Array(cCount);
    for (let m = 0; m < cCount; m++) {
      if ((m & 63) === 0) await cooperate();
      fillPivotTarget(twist, i, cGrid.nodes[m], pivotTarget);
      buildWindowed(pivotPE, pivotGrid.nodes, pivotTarget, pivotCount, grid.cut, MIN_TAIL_RATE);
      logH[m] = pivotPE.logTotal;
    }
    twist.logLookAhead[i] = logH;
    if (i === 1) {
      twist.logPQuadrature = logH[0];
    } else {
      const k = n - i + 1;
      twist.offDiagonal[i] = { k, logNormalizer: chiLogNormalizer(k) };
      const previous = new Float64Array(pivotCount);
      for (let j = 1; j < pivotCount; j++) {
        if ((j & 63) === 0) await cooperate();
        fillOffDiagonalTarget(twist, i, pivotGrid.nodes[j], tTarget);
        buildWindowed(tPE, twist.tNodes, tTarget, cCount, grid.cut, MIN_TAIL_RATE);
        previous[j] = tPE.logTotal;
      }
      previous[0] = previous[1] - BOUNDARY_DROP;
      twist.logTwist[i - 1] = previous;
    }
    if (onStep) await onStep((n - i + 1) / n);
  }
  return twist;
}
