// The optimizers of the descent kernel (shaders/landscape/descent.wgsl) and their float64 twin.
// One formula covers both (Polyak's heavy ball; plain gradient descent is β = 0):
//   g ← P_x ∇L(x)            tangent gradient (P = identity on a flat landscape)
//   v ← β·v − η·g
//   x ← R(x + v)             R the retraction (identity when flat)
//   v ← P_x v                the velocity carried to the new tangent space
// With β = 0, v = −η·g and x + v equals x − η·g bit for bit, so "gd" needs no code of its own.

export const OPTIMIZERS = ['gd', 'heavy-ball'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export interface OptimizerSpec {
  kind: OptimizerKind;
  /** η. */
  step: number;
  /** β, used by heavy-ball only. */
  beta: number;
}

/** The β the kernel runs with. */
export function momentumOf(spec: OptimizerSpec): number {
  return spec.kind === 'heavy-ball' ? spec.beta : 0;
}

/** v ← β·v − η·g; x ← x + v, in place (the retraction and the velocity projection are the caller's). */
export function applyUpdate(x: Float64Array, v: Float64Array, g: Float64Array, step: number, beta: number): void {
  for (let i = 0; i < x.length; i++) {
    v[i] = beta * v[i] - step * g[i];
    x[i] += v[i];
  }
}
