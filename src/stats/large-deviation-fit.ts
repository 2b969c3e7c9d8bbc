/**
 * Large-deviation fit of the probability that a GOE_N matrix is positive definite:
 *
 *   ln P_N ≈ −θ·N² + a·N + b·ln N + c,
 *
 * by ordinary least squares over the given points. Dean & Majumdar (PRL 97, 160201, 2006;
 * PRE 77, 041108, 2008) derive θ = ln 3 / 4 ≈ 0.27465 from the Coulomb gas pushed against a
 * hard wall at 0; θ does not depend on the scale of the matrix, so it holds in this project's
 * normalization (DESIGN.md §1). The O(N) and O(ln N) terms absorb the finite-N corrections;
 * O(1/N) terms are left out, so the fitted θ carries a small bias that shrinks as the range
 * moves to larger N.
 *
 * Solved by Householder QR on the column-scaled design matrix (N² reaches 10⁴ while ln N stays
 * near 1, so the normal equations would square an already large condition number).
 */

import { LARGE_DEVIATION_RATE } from './theory.ts';

/** Relative size below which a pivot of the unit-norm-column QR counts as zero. */
const RANK_TOLERANCE = 1e-12;

export interface LnProbabilityPoint {
  n: number;
  /** Natural log of P_N (finite; log10 values times ln 10). */
  lnP: number;
}

export interface LargeDeviationFit {
  /** Rate θ in ln P ≈ −θN² + aN + b ln N + c. */
  theta: number;
  a: number;
  b: number;
  c: number;
  /** ln P − fitted ln P, per input point, in input order. */
  residuals: { n: number; residual: number }[];
  /** Root mean square of the residuals. */
  rmsResidual: number;
  /** (θ − ln 3/4) / (ln 3/4). */
  thetaRelativeError: number;
}

/**
 * Least-squares solution x of min ‖Xx − y‖₂ by Householder QR (Golub & Van Loan, Matrix
 * Computations, §5.3). X is rows × cols with rows ≥ cols and full column rank; columns are
 * scaled to unit norm first and the solution unscaled after.
 */
export function leastSquares(design: readonly (readonly number[])[], y: readonly number[]): number[] | undefined {
  const rows = design.length;
  const cols = rows > 0 ? design[0].length : 0;
  if (rows < cols || cols === 0 || y.length !== rows) return undefined;
  const scale = Array.from({ length: cols }, (_, j) => Math.hypot(...design.map((r) => r[j])));
  if (scale.some((s) => !(s > 0))) return undefined;
  const R = design.map((r) => r.map((v, j) => v / scale[j]));
  const b = [...y];
  for (let k = 0; k < cols; k++) {
    let norm = 0;
    for (let i = k; i < rows; i++) norm = Math.hypot(norm, R[i][k]);
    // Columns have unit norm, so a tiny remaining norm means a (numerically) dependent column.
    if (norm < RANK_TOLERANCE) return undefined;
    const alpha = R[k][k] > 0 ? -norm : norm;
    const v = new Array<number>(rows).fill(0);
    for (let i = k; i < rows; i++) v[i] = R[i][k];
    v[k] -= alpha;
    const vv = v.reduce((s, vi) => s + vi * vi, 0);
    if (vv === 0) continue;
    // Apply H = I − 2vvᵀ/vᵀv to the remaining columns and to b.
    for (let j = k; j < cols; j++) {
      let dot = 0;
      for (let i = k; i < rows; i++) dot += v[i] * R[i][j];
      const f = (2 * dot) / vv;
      for (let i = k; i < rows; i++) R[i][j] -= f * v[i];
    }
    let dot = 0;
    for (let i = k; i < rows; i++) dot += v[i] * b[i];
    const f = (2 * dot) / vv;
    for (let i = k; i < rows; i++) b[i] -= f * v[i];
  }
  const x = new Array<number>(cols).fill(0);
  for (let k = cols - 1; k >= 0; k--) {
    let s = b[k];
    for (let j = k + 1; j < cols; j++) s -= R[k][j] * x[j];
    x[k] = s / R[k][k];
  }
  return x.map((xj, j) => xj / scale[j]);
}

/**
 * Fits ln P ≈ −θN² + aN + b ln N + c. Points with a non-finite lnP are skipped; fewer than
 * four distinct N give undefined (the four parameters would not be determined).
 */
export function fitLargeDeviation(points: readonly LnProbabilityPoint[]): LargeDeviationFit | undefined {
  const usable = points.filter((p) => Number.isFinite(p.lnP) && p.n >= 1);
  if (new Set(usable.map((p) => p.n)).size < 4) return undefined;
  const design = usable.map(({ n }) => [-n * n, n, Math.log(n), 1]);
  const solution = leastSquares(
    design,
    usable.map((p) => p.lnP),
  );
  if (!solution) return undefined;
  const [theta, a, b, c] = solution;
  const residuals = usable.map(({ n, lnP }) => ({ n, residual: lnP - (-theta * n * n + a * n + b * Math.log(n) + c) }));
  const rmsResidual = Math.sqrt(residuals.reduce((s, r) => s + r.residual ** 2, 0) / residuals.length);
  return {
    theta,
    a,
    b,
    c,
    residuals,
    rmsResidual,
    thetaRelativeError: (theta - LARGE_DEVIATION_RATE) / LARGE_DEVIATION_RATE,
  };
}
