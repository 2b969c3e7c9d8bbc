// What the Wigner-family entries share: GOE's variances (off-diagonal 1, diagonal 2), so the
// semicircle of radius R = 2√N and the shift H + s·R·I mean the same for all of them.

import type { Theory } from '../model/ensemble.ts';

export const WIGNER_SHIFT_DOC = 'H + s·R·I with R = 2√N, the semicircle radius: s = 1 puts the spectrum edge at 0';

/** GOE itself (dense or tridiagonal): its exact table, rare estimator and every curve. */
export const GOE_THEORIES: readonly Theory[] = ['exact-table', 'rare', 'goe-large-deviation', 'semicircle', 'tracy-widom'];

/**
 * Relative cost of a dense matrix: `perEntry` per packed entry for generation (4 for a
 * Box–Muller normal, the unit) plus LDLᵀ's N³/6 multiply–adds and a per-invocation constant.
 */
export function denseCost(n: number, perEntry: number): number {
  return 16 + perEntry * n * n + (n * n * n) / 6;
}
