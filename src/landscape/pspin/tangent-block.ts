// The tangent Hessian on the sphere as an (N − 1)-dimensional symmetric matrix, whose inertia
// (src/landscape/inertia.ts, the lab's LDLᵀ pivot counts) gives the index and λ_min.
//
// T = P∇²H P − r·P annihilates σ, so its N×N form has a spurious 0 on σ. A Householder
// reflection Q (Qσ̂ = ∓e_N) turns it into QTQ, whose last row and column vanish and whose
// leading (N − 1)×(N − 1) block is T in an orthonormal basis of the tangent space σ̂⊥: the
// landscape contract's classification Hessian. With w = σ̂ ± e_N, h = wᵀw, u = Tw, c = wᵀu:
//   QTQ = T − (2/h)(w uᵀ + u wᵀ) + (4c/h²) w wᵀ.

import { packedLength } from '../../cpu/pivots.ts';
import { norm as euclideanNorm } from '../../stats/portable-math.ts';
import type { ClassificationHessian } from '../landscape.ts';

/** The (N − 1)-dimensional tangent block of the N×N row-major `t` (which annihilates σ). */
export function tangentBlock(t: Float64Array, sigma: Float64Array): ClassificationHessian {
  const n = sigma.length;
  const norm = euclideanNorm(sigma); // not Math.hypot, whose n-ary rounding differs by engine
  const w = sigma.map((v) => v / norm);
  w[n - 1] += w[n - 1] >= 0 ? 1 : -1;
  let h = 0;
  for (let i = 0; i < n; i++) h += w[i] * w[i];
  const u = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) s += t[a * n + b] * w[b];
    u[a] = s;
  }
  let c = 0;
  for (let i = 0; i < n; i++) c += w[i] * u[i];
  const size = n - 1;
  const packed = new Float64Array(packedLength(size));
  let at = 0;
  for (let a = 0; a < size; a++)
    for (let b = 0; b <= a; b++) packed[at++] = t[a * n + b] - (2 / h) * (w[a] * u[b] + u[a] * w[b]) + ((4 * c) / (h * h)) * w[a] * w[b];
  return { packed, size };
}
