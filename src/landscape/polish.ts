// Float64 polishing of descent end points before they are classified: the f32 descent stops at
// ‖g‖ ≤ ~1e-5, where f32 rounding of the gradient sets a floor; Newton's method in float64 then
// finds the critical point that end point sits next to, whatever its index, to
// ‖g‖ ≤ POLISH_GRADIENT_TOLERANCE. Newton is used (not more descent) because a saddle is a
// critical point too: descent would slide off it, Newton converges to it quadratically.
// A step is taken only if it lowers ‖g‖ (halving it up to four times). Where the Hessian is
// singular (two aligned student neurons can trade weight without changing the function, so
// such points have exact zero curvature) the Newton step blows up along the null space; then a
// regularised Gauss–Newton step on ½‖g‖², p = −(H² + μI)⁻¹ H g with μ = 1e-12·‖H‖²_max, which
// is the minimum-norm Newton step in the limit, is tried; failing both, the landscape's own
// descent step continues for up to fallbackSteps steps.

import type { Landscape } from './landscape.ts';
import { packedIndex, packedLength } from '../cpu/pivots.ts';
import { solvePackedSymmetric } from './linear-solve.ts';

/** The stated criterion: a polished point is critical when ‖∇L‖₂ (tangent) is at most this. */
export const POLISH_GRADIENT_TOLERANCE = 1e-9;

export interface PolishOptions {
  gradientTolerance?: number;
  maxNewtonSteps?: number;
  /** η of the descent fallback. */
  fallbackStep: number;
  fallbackSteps?: number;
}

export interface PolishResult {
  x: Float64Array;
  loss: number;
  gradientNorm: number;
  converged: boolean;
  newtonSteps: number;
  gradientSteps: number;
  /** ‖x_polished − x_start‖₂: how far polishing moved the point. */
  distance: number;
}

function norm(v: Float64Array): number {
  let squares = 0;
  for (let i = 0; i < v.length; i++) squares += v[i] * v[i];
  return Math.sqrt(squares);
}

export function polish(landscape: Landscape, start: Float64Array, options: PolishOptions): PolishResult {
  const tolerance = options.gradientTolerance ?? POLISH_GRADIENT_TOLERANCE;
  const maxNewton = options.maxNewtonSteps ?? 30;
  const fallbackSteps = options.fallbackSteps ?? 5000;
  const dimension = landscape.dimension;
  const manifold = landscape.manifold;
  let x = Float64Array.from(start);
  let g = new Float64Array(dimension);
  const evaluate = (point: Float64Array, into: Float64Array): [number, number] => {
    const value = landscape.gradient(point, into);
    manifold?.projectTangent(point, into);
    return [value, norm(into)];
  };
  let [loss, gradientNorm] = evaluate(x, g);
  let newtonSteps = 0;
  let gradientSteps = 0;
  const trial = new Float64Array(dimension);
  const trialGradient = new Float64Array(dimension);

  while (gradientNorm > tolerance && newtonSteps < maxNewton && Number.isFinite(gradientNorm)) {
    newtonSteps++;
    const hessian = landscape.newtonStep ? undefined : landscape.hessian(x);
    const candidates = landscape.newtonStep
      ? [() => landscape.newtonStep!(x, g)]
      : [() => solvePackedSymmetric(hessian!, dimension, g.map((value) => -value)), () => gaussNewtonStep(hessian!, dimension, g)];
    let accepted = false;
    for (const candidate of candidates) {
      if (accepted) break;
      const step = candidate();
      if (!step) continue;
      for (let halving = 0, alpha = 1; halving < 5 && !accepted; halving++, alpha /= 2) {
        for (let i = 0; i < dimension; i++) trial[i] = x[i] + alpha * step[i];
        manifold?.retract(trial);
        const [trialLoss, trialNorm] = evaluate(trial, trialGradient);
        if (trialNorm < gradientNorm) {
          x = Float64Array.from(trial);
          g = Float64Array.from(trialGradient);
          loss = trialLoss;
          gradientNorm = trialNorm;
          accepted = true;
        }
      }
    }
    if (accepted) continue;
    const before = gradientNorm;
    for (let s = 0; s < fallbackSteps && gradientNorm > tolerance; s++) {
      for (let i = 0; i < dimension; i++) x[i] -= options.fallbackStep * g[i];
      manifold?.retract(x);
      [loss, gradientNorm] = evaluate(x, g);
      gradientSteps++;
    }
    if (!(gradientNorm < before)) break;
  }
  const shift = x.map((value, i) => value - start[i]);
  return { x, loss, gradientNorm, converged: gradientNorm <= tolerance, newtonSteps, gradientSteps, distance: norm(shift) };
}

/** p = −(H² + μI)⁻¹ H g for the packed symmetric H (see the header). */
function gaussNewtonStep(packed: Float64Array, size: number, g: Float64Array): Float64Array | undefined {
  const full = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j <= i; j++) full[i * size + j] = full[j * size + i] = packed[packedIndex(i, j)];
  const square = new Float64Array(packedLength(size));
  let largest = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let l = 0; l < size; l++) sum += full[i * size + l] * full[j * size + l];
      square[packedIndex(i, j)] = sum;
      largest = Math.max(largest, Math.abs(sum));
    }
  }
  for (let i = 0; i < size; i++) square[packedIndex(i, i)] += 1e-12 * Math.max(largest, 1e-300);
  const rhs = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    for (let l = 0; l < size; l++) sum += full[i * size + l] * g[l];
    rhs[i] = -sum;
  }
  return solvePackedSymmetric(square, size, rhs);
}
