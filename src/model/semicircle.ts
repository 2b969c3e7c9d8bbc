// The Wigner semicircle in this project's GOE convention (off-diagonal N(0, 1), diagonal
// N(0, 2)): the eigenvalues fill [−R, R] with R = 2√N. In model/, the contract both samplers
// and stats/ share (the Wigner shift s·R, the GPU histogram window, the theory curves).

/** Semicircle radius R = 2√N. */
export function semicircleRadius(n: number): number {
  return 2 * Math.sqrt(n);
}

/**
 * Fraction of the semicircle below −s·R: the large-N limit of (index / N) for H + s·R·I,
 * F(−s) = 1/2 − (s√(1 − s²) + asin s)/π for |s| ≤ 1 (0 for s ≥ 1, 1 for s ≤ −1).
 * A CSV column passes the portable asin (src/stats/portable-math.ts; model/ imports nothing),
 * since V8 builds differ in Math.asin's last bit; plots and guesses keep Math.asin.
 */
export function semicircleIndexFraction(shift: number, asin: (x: number) => number = Math.asin): number {
  if (shift >= 1) return 0;
  if (shift <= -1) return 1;
  return 0.5 - (shift * Math.sqrt(1 - shift * shift) + asin(shift)) / Math.PI;
}
