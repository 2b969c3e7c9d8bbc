// Relative work per matrix, used only to size batches so that a round of mixed N takes a
// predictable time. Dense: generation is O(N²) normals (Philox + Box–Muller, the larger
// constant) and LDLᵀ is N³/6 multiply-adds. Tridiagonal: O(N) normals, chi variates and pivots.
// A constant covers the per-invocation overhead. Only ratios matter: the scale is learned.

import type { Ensemble } from '../config.ts';

export function relativeCost(ensemble: Ensemble, n: number): number {
  return ensemble === 'goe' ? 16 + 4 * n * n + (n * n * n) / 6 : 16 + 24 * n;
}
