// An independent eigenvalue routine for the tests: the cyclic Jacobi method on a full
// symmetric matrix in float64 (Golub & Van Loan, Matrix Computations, §8.5). Slow (O(n³) per
// sweep) but shares no code or idea with the pivot counts it checks.

/** Eigenvalues of the symmetric n×n matrix `a` (row-major, not modified), ascending. */
export function jacobiEigenvalues(a: Float64Array, n: number): number[] {
  const m = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let offNorm = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) offNorm += m[p * n + q] ** 2;
    if (offNorm < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes m[p][q]: t = tan θ solves t² + 2τt − 1 = 0, smaller root.
        const tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
      }
    }
  }
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(m[i * n + i]);
  return values.sort((x, y) => x - y);
}

/** The full symmetric matrix of a row-major packed lower triangle. */
export function unpack(packed: Float64Array, n: number): Float64Array {
  const full = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = packed[(i * (i + 1)) / 2 + j];
      full[i * n + j] = v;
      full[j * n + i] = v;
    }
  }
  return full;
}

/** The full matrix of a symmetric tridiagonal (diagonal, off-diagonal). */
export function tridiagonalToFull(diagonal: Float64Array, offDiagonal: Float64Array): Float64Array {
  const n = diagonal.length;
  const full = new Float64Array(n * n);
  for (let i = 0; i < n; i++) full[i * n + i] = diagonal[i];
  for (let i = 0; i + 1 < n; i++) {
    full[i * n + i + 1] = offDiagonal[i];
    full[(i + 1) * n + i] = offDiagonal[i];
  }
  return full;
}

/** Number of eigenvalues below zero, refusing to decide when one is within `margin` of it. */
export function countNegative(eigenvalues: number[], margin: number): number | undefined {
  if (eigenvalues.some((value) => Math.abs(value) < margin)) return undefined;
  return eigenvalues.filter((value) => value < 0).length;
}
