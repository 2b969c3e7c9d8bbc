// Binomial proportion intervals for p_min = minima / samples.

/** Two-sided 95% standard normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * Wilson score interval (Wilson, JASA 22, 209, 1927): the p with |x/n − p| ≤ z·√(p(1−p)/n),
 *   centre = (x + z²/2) / (n + z²),  half = z/(n + z²) · √(x(n − x)/n + z²/4).
 * Unlike the Wald interval it never collapses to a point: x = 0 gives [0, z²/(n + z²)],
 * an honest upper bound instead of a bare zero. Empty input (n = 0) gives undefined.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | undefined {
  if (!(trials > 0)) return undefined;
  const z2 = z * z;
  const denominator = trials + z2;
  const centre = (successes + z2 / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4);
  return {
    lo: successes === 0 ? 0 : Math.max(0, centre - half),
    hi: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
