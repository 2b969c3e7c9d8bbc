// The Tracy–Widom law of the GOE (β = 1), F₁, computed in the project.
//
// Formula (Ferrari & Spohn, J. Phys. A 38 (2005) L557; Bornemann, Math. Comp. 79 (2010) 871,
// eq. (4.2)): F₁(s) = det(I − K_s) on L²(0, ∞) with K_s(x, y) = ½·Ai((x + y)/2 + s), or after
// x → 2x, y → 2y, the same determinant with K_s(x, y) = Ai(x + y + s); the second form is the
// one computed here.
//
// Method (Bornemann 2010, §4: the Nyström method): K_s is smooth and decays like
// exp(−(2/3)(x + s)^(3/2)), so [0, ∞) is cut at L = CUTOFF − s (Ai(CUTOFF) ≈ 1e-19) and the
// m-point Gauss–Legendre rule (x_i, w_i) on [0, L] gives F₁(s) ≈ det(δ_ij − √w_i·Ai(x_i + x_j + s)·√w_j),
// a determinant computed by LU with partial pivoting. The error falls exponentially in m;
// m grows with L so the oscillation of Ai on the negative axis stays resolved.
//
// Moments: E X = ∫₀^∞ (1 − F₁) − ∫_{−∞}^0 F₁, E X² = 2∫₀^∞ s(1 − F₁) + 2∫_{−∞}^0 |s|F₁,
// by Gauss–Legendre on [S_LO, 0] and [0, S_HI], outside of which both tails are below 1e-20
// (F₁(s) ~ e^(−|s|³/24) as s → −∞, 1 − F₁(s) ~ e^(−(2/3)s^(3/2)) as s → +∞).
// Published: mean −1.2065335745820, variance 1.6077810345 (Bornemann 2010, Table 10).

import { airyAi } from './airy.ts';
import { gaussLegendre, integrate } from './gauss-legendre.ts';

const CUTOFF = 16;
const S_LO = -12;
const S_HI = 16;
const MOMENT_POINTS = 48;

/** Nyström points for a cut-off interval of length L: enough to resolve Ai's oscillation. */
function nystromPoints(length: number): number {
  return Math.max(24, Math.ceil(16 + 2.2 * length));
}

/** det(A) of the row-major m×m matrix `a` (overwritten), by LU with partial pivoting. */
function determinant(a: Float64Array, m: number): number {
  let det = 1;
  for (let k = 0; k < m; k++) {
    let pivotRow = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(a[i * m + k]!) > Math.abs(a[pivotRow * m + k]!)) pivotRow = i;
    if (pivotRow !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[k * m + j]!;
        a[k * m + j] = a[pivotRow * m + j]!;
        a[pivotRow * m + j] = t;
      }
      det = -det;
    }
    const pivot = a[k * m + k]!;
    det *= pivot;
    if (pivot === 0) return 0;
    for (let i = k + 1; i < m; i++) {
      const factor = a[i * m + k]! / pivot;
      if (factor === 0) continue;
      for (let j = k + 1; j < m; j++) a[i * m + j]! -= factor * a[k * m + j]!;
    }
  }
  return det;
}

/**
 * F₁(s) = P(χ₁ ≤ s), χ₁ Tracy–Widom GOE. `points` overrides the Nyström size (for the
 * convergence test). Accurate to about 1e-14 absolute.
 */
export function tracyWidomGoeCdf(s: number, points?: number): number {
  if (Number.isNaN(s)) return NaN;
  if (s >= CUTOFF) return 1;
  if (s < -40) return 0;
  const length = CUTOFF - s;
  const m = points ?? nystromPoints(length);
  const { nodes, weights } = gaussLegendre(m, 0, length);
  const roots = weights.map(Math.sqrt);
  // Ai(x_i + x_j + s) depends on i + j only through the node values; fill the symmetric matrix.
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      const k = roots[i]! * roots[j]! * airyAi(nodes[i]! + nodes[j]! + s);
      a[i * m + j] = (i === j ? 1 : 0) - k;
      a[j * m + i] = a[i * m + j]!;
    }
  }
  return Math.min(1, Math.max(0, determinant(a, m)));
}

export interface TracyWidomMoments {
  mean: number;
  variance: number;
}

let moments: TracyWidomMoments | undefined;

/** Mean and variance of Tracy–Widom GOE, integrated from tracyWidomGoeCdf (computed once). */
export function tracyWidomGoeMoments(): TracyWidomMoments {
  if (moments) return moments;
  const below = (s: number) => tracyWidomGoeCdf(s);
  const above = (s: number) => 1 - tracyWidomGoeCdf(s);
  const mean = integrate(above, 0, S_HI, MOMENT_POINTS) - integrate(below, S_LO, 0, MOMENT_POINTS);
  const second = 2 * integrate((s) => s * above(s), 0, S_HI, MOMENT_POINTS) + 2 * integrate((s) => -s * below(s), S_LO, 0, MOMENT_POINTS);
  moments = { mean, variance: second - mean * mean };
  return moments;
}

export { gaussLegendre };
