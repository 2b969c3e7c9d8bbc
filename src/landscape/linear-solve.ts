// Dense linear solve by LU with partial pivoting (Golub & Van Loan, Matrix Computations,
// Alg. 3.4.1), float64, for the Newton steps of polishing. The Hessian at a saddle is
// indefinite, so an LDLᵀ without pivoting (fine for counting inertia) is not a safe solver.

import { packedIndex } from '../cpu/pivots.ts';

/** Solves A·p = b for the symmetric A given as a packed lower triangle; undefined when A is numerically singular. */
export function solvePackedSymmetric(packed: Float64Array, size: number, b: Float64Array): Float64Array | undefined {
  const a = new Float64Array(size * size);
  let scale = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      const value = packed[packedIndex(i, j)];
      a[i * size + j] = value;
      a[j * size + i] = value;
      scale = Math.max(scale, Math.abs(value));
    }
  }
  const x = Float64Array.from(b);
  // A pivot this small relative to the largest entry means the step would be dominated by rounding.
  const tiny = scale * size * 1e-14;
  for (let k = 0; k < size; k++) {
    let pivotRow = k;
    for (let i = k + 1; i < size; i++) if (Math.abs(a[i * size + k]) > Math.abs(a[pivotRow * size + k])) pivotRow = i;
    const pivot = a[pivotRow * size + k];
    if (!(Math.abs(pivot) > tiny)) return undefined;
    if (pivotRow !== k) {
      for (let j = 0; j < size; j++) {
        const t = a[k * size + j];
        a[k * size + j] = a[pivotRow * size + j];
        a[pivotRow * size + j] = t;
      }
      const t = x[k];
      x[k] = x[pivotRow];
      x[pivotRow] = t;
    }
    for (let i = k + 1; i < size; i++) {
      const factor = a[i * size + k] / pivot;
      if (factor === 0) continue;
      for (let j = k + 1; j < size; j++) a[i * size + j] -= factor * a[k * size + j];
      x[i] -= factor * x[k];
    }
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = x[i];
    for (let j = i + 1; j < size; j++) sum -= a[i * size + j] * x[j];
    x[i] = sum / a[i * size + i];
  }
  return x;
}
