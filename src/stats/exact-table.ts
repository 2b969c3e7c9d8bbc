// Reader for data/exact-goe.json, the exact P(H + s·2√N·I positive definite) table written by
// scripts/exact-goe.ts (de Bruijn's Pfaffian in arbitrary precision; GOE as in DESIGN.md §1).
//
// Shift 0 covers N = 1..EXACT_N_MAX; other shifts exist only on the grid EXACT_SHIFTS for
// N = 1..EXACT_SHIFTED_N_MAX. There is no interpolation in s: P_N(s) falls over hundreds of
// decades across the grid for large N, so linear interpolation of log10 P between grid points
// 0.05 apart would carry an error far larger than the table's 15+ digits and could not be
// labelled "exact". Off-grid requests return undefined.

import table from '../../data/exact-goe.json';

export interface ExactValue {
  /** P as a float64; 0 where it underflows (below ~1e-308): use log10P there. */
  p: number;
  log10P: number;
}

/** Grid points are matched to this tolerance in s. */
const SHIFT_TOLERANCE = 1e-9;

function shiftKey(shift: number): number {
  return Math.round(shift * 1e6) + 0; // + 0 turns −0 into 0
}

const unshifted = new Map<number, ExactValue>(
  table.unshifted.map((r) => [r.n, { p: Number(r.p), log10P: r.log10p }]),
);

const shifted = new Map<number, Map<number, ExactValue & { s: number }>>();
for (const r of table.shifted.rows) {
  let byN = shifted.get(shiftKey(r.s));
  if (!byN) shifted.set(shiftKey(r.s), (byN = new Map()));
  byN.set(r.n, { p: Number(r.p), log10P: r.log10p, s: r.s });
}

/** Largest N tabulated at shift 0. */
export const EXACT_N_MAX = Math.max(...unshifted.keys());
/** Largest N tabulated on the shift grid. */
export const EXACT_SHIFTED_N_MAX: number = table.shifted.n_max;
/** The tabulated shifts s (besides 0, which is always present up to EXACT_N_MAX). */
export const EXACT_SHIFTS: readonly number[] = table.shifted.shifts;

/**
 * Exact P(H + s·R·I positive definite), H ~ GOE_N, R = 2√N, from the committed table, or
 * undefined where the table has no such (N, s) grid point.
 */
export function exactPMin(n: number, shift = 0): ExactValue | undefined {
  if (shift === 0) {
    const value = unshifted.get(n);
    return value && { p: value.p, log10P: value.log10P };
  }
  const value = shifted.get(shiftKey(shift))?.get(n);
  if (!value || Math.abs(value.s - shift) > SHIFT_TOLERANCE) return undefined;
  return { p: value.p, log10P: value.log10P };
}
