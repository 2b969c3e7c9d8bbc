// The Wigner semicircle in the lab's convention (DESIGN.md §1): for a Wigner matrix with
// off-diagonal variance 1 (GOE: diagonal variance 2) the eigenvalues of H + s·R·I fill
// [(s − 1)R, (s + 1)R], R = 2√N, as N → ∞ (Wigner, Ann. Math. 67 (1958) 325). In the
// normalised variable x = λ/R the density is ρ(x) = (2/π)·√(1 − (x − s)²), mean s, variance ¼,
// and the CDF is F(x) = ½ + (u√(1 − u²) + asin u)/π with u = x − s.

/** Semicircle density at x = λ/R for the shift s (0 outside [s − 1, s + 1]). */
export function semicircleDensity(x: number, shift = 0): number {
  const u = x - shift;
  return Math.abs(u) >= 1 ? 0 : (2 / Math.PI) * Math.sqrt(1 - u * u);
}

/** Semicircle CDF at x = λ/R for the shift s. */
export function semicircleCdf(x: number, shift = 0): number {
  const u = x - shift;
  if (u <= -1) return 0;
  if (u >= 1) return 1;
  return 0.5 + (u * Math.sqrt(1 - u * u) + Math.asin(u)) / Math.PI;
}
