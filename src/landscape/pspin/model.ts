// The spherical p-spin model in float64 (Auffinger, Ben Arous & Černý, CPAM 66, 165, 2013):
//   H(σ) = N^(−(p−1)/2) Σ_{i1…ip} J_{i1…ip} σ_{i1}⋯σ_{ip},  J iid N(0, 1) over ordered tuples,
//   σ on the sphere |σ|² = N, energy per coordinate u = H/N.
// The gradient is a contraction with the coupling K (N × N^(p−1)), which sums J over the
// position the differentiated index takes:
//   p = 2: K[k, j]      = c·(J_kj + J_jk),                ∇H = K σ
//   p = 3: K[k, j·N+l]  = c·(J_kjl + J_jkl + J_jlk),      ∇H_k = Σ_jl K[k, jN+l] σ_j σ_l
// with c = N^(−(p−1)/2). K is what the GPU kernel holds too (shaders/landscape/), so both
// twins do one N×N^(p−1) matrix–vector product per run and step. Euler: σ·∇H = p·H.

import { pow } from '../../stats/portable-math.ts';

export interface PspinCoupling {
  p: number;
  n: number;
  /** Row-major N × N^(p−1). */
  k: Float64Array;
}

export const PSPIN_ORDERS = [2, 3] as const;

export function couplingScale(p: number, n: number): number {
  // Portable pow: V8 builds differ in the last bit of ** with a non-integer exponent (p = 2).
  return pow(n, -(p - 1) / 2);
}

/** K from the raw disorder J (length N^p, flat index i1·N^(p−1) + … + ip). */
export function pspinCoupling(p: number, n: number, j: Float64Array): PspinCoupling {
  const c = couplingScale(p, n);
  const k = new Float64Array(n ** p);
  if (p === 2) {
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) k[a * n + b] = c * (j[a * n + b] + j[b * n + a]);
  } else if (p === 3) {
    const n2 = n * n;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let l = 0; l < n; l++) k[a * n2 + b * n + l] = c * (j[a * n2 + b * n + l] + j[b * n2 + a * n + l] + j[b * n2 + l * n + a]);
  } else {
    throw new RangeError(`invalid p: ${p} (must be 2 or 3)`);
  }
  return { p, n, k };
}

/** H(σ) summed directly over J (independent of K: the tests' reference). */
export function energyDirect(p: number, n: number, j: Float64Array, sigma: Float64Array): number {
  let sum = 0;
  if (p === 2) {
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) sum += j[a * n + b] * sigma[a] * sigma[b];
  } else {
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const ab = sigma[a] * sigma[b];
        const row = (a * n + b) * n;
        for (let l = 0; l < n; l++) sum += j[row + l] * ab * sigma[l];
      }
  }
  return couplingScale(p, n) * sum;
}

/** Euclidean gradient ∇H(σ) into `out`. */
export function gradient(c: PspinCoupling, sigma: Float64Array, out: Float64Array = new Float64Array(c.n)): Float64Array {
  const { n, k } = c;
  if (c.p === 2) {
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += k[a * n + b] * sigma[b];
      out[a] = s;
    }
    return out;
  }
  const n2 = n * n;
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) {
      const row = a * n2 + b * n;
      let inner = 0;
      for (let l = 0; l < n; l++) inner += k[row + l] * sigma[l];
      s += inner * sigma[b];
    }
    out[a] = s;
  }
  return out;
}

/** H(σ) = σ·∇H / p (Euler), from a gradient already computed. */
export function energyFromGradient(p: number, sigma: Float64Array, grad: Float64Array): number {
  let dot = 0;
  for (let i = 0; i < sigma.length; i++) dot += sigma[i] * grad[i];
  return dot / p;
}

/** Euclidean Hessian ∇²H(σ), row-major N×N: the derivative of K·x(σ). */
export function hessian(c: PspinCoupling, sigma: Float64Array): Float64Array {
  const { n, k } = c;
  if (c.p === 2) return Float64Array.from(k);
  const n2 = n * n;
  const h = new Float64Array(n2);
  // ∂/∂σ_l Σ_jm K[a, jN+m] σ_j σ_m = Σ_j (K[a, jN+l] + K[a, lN+j]) σ_j
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const row = a * n2 + b * n;
      const sb = sigma[b];
      for (let l = 0; l < n; l++) {
        const v = k[row + l];
        h[a * n + l] += v * sb;
        h[a * n + b] += v * sigma[l];
      }
    }
  return h;
}

/**
 * Riemannian quantities on the sphere |σ|² = N, with P = I − σσᵀ/N and r = σ·∇H/N (= p·u):
 *   tangent gradient  g_T = P∇H,
 *   tangent Hessian   T   = P∇²H P − r·P   (at a critical point r = p·u: P∇²H P − p·u·P).
 * T annihilates σ, so its other N − 1 eigenvalues are the tangent spectrum.
 */
export function tangentGradient(sigma: Float64Array, grad: Float64Array, out: Float64Array = new Float64Array(sigma.length)): Float64Array {
  const n = sigma.length;
  let dot = 0;
  for (let i = 0; i < n; i++) dot += sigma[i] * grad[i];
  const r = dot / n;
  for (let i = 0; i < n; i++) out[i] = grad[i] - r * sigma[i];
  return out;
}

export function tangentHessian(c: PspinCoupling, sigma: Float64Array, grad = gradient(c, sigma)): Float64Array {
  const n = c.n;
  const h = hessian(c, sigma);
  const r = energyFromGradient(1, sigma, grad) / n;
  // P h P = h − s tᵀ/N − t sᵀ/N + (sᵀ h s) s sᵀ/N², with t = h σ
  const t = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) s += h[a * n + b] * sigma[b];
    t[a] = s;
  }
  let sts = 0;
  for (let a = 0; a < n; a++) sts += sigma[a] * t[a];
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const proj = (a === b ? 1 : 0) - (sigma[a] * sigma[b]) / n;
      out[a * n + b] = h[a * n + b] - (sigma[a] * t[b] + t[a] * sigma[b]) / n + (sts * sigma[a] * sigma[b]) / (n * n) - r * proj;
    }
  return out;
}

/** RMS of a vector, |v|/√N: the per-coordinate size the polishing criterion is stated in. */
export function rms(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s / v.length);
}

/** σ scaled back onto |σ|² = N (the retraction every update uses). */
export function retract(sigma: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < sigma.length; i++) s += sigma[i] * sigma[i];
  const scale = Math.sqrt(sigma.length / s);
  for (let i = 0; i < sigma.length; i++) sigma[i] *= scale;
  return sigma;
}
