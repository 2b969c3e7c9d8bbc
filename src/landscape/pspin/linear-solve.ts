// Dense Gaussian elimination with partial pivoting (Golub & Van Loan §3.4), float64. The Newton
// systems here are indefinite at saddles, where LDLᵀ without pivoting is not safe to solve with
// (it is safe to count with: inertia needs only the signs, src/cpu/pivots.ts).

/** Solves A x = b for the n×n row-major A (not modified); undefined when A is singular. */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[pivotRow * n + k])) pivotRow = i;
    const pivot = m[pivotRow * n + k];
    if (pivot === 0 || !Number.isFinite(pivot)) return undefined;
    if (pivotRow !== k) {
      for (let j = k; j < n; j++) {
        const tmp = m[k * n + j];
        m[k * n + j] = m[pivotRow * n + j];
        m[pivotRow * n + j] = tmp;
      }
      const tmp = x[k];
      x[k] = x[pivotRow];
      x[pivotRow] = tmp;
    }
    for (let i = k + 1; i < n; i++) {
      const factor = m[i * n + k] / pivot;
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) m[i * n + j] -= factor * m[k * n + j];
      x[i] -= factor * x[k];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = x[k];
    for (let j = k + 1; j < n; j++) s -= m[k * n + j] * x[j];
    x[k] = s / m[k * n + k];
  }
  return x;
}
