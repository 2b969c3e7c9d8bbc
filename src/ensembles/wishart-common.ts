// What the two Gram-matrix entries share: the ratio φ = N/M, the shift and its meaning, the
// cost and the counting of exactly zero eigenvalues.

import { wishartRows } from '../cpu/wishart-fills.ts';
import type { EnsembleParams, ParameterSpec } from '../model/ensemble.ts';

export const PHI: ParameterSpec = {
  name: 'phi', label: 'ratio φ = N/M', min: 0.1, max: 10, default: 0.5, step: 0.05,
  unit: 'N/M (M = round(N/φ) samples)',
  doc: 'columns over rows of X; for φ > 1 a fraction 1 − 1/φ of the eigenvalues of XᵀX/M is exactly 0',
};

/**
 * Their spectra are O(1) whatever N (mean eigenvalue 1), so the shift is H + s·I: s is in
 * units of the Wishart part's mean eigenvalue, and s < 0 asks for P(λ_min > −s).
 */
export const GRAM_SHIFT_DOC = 'H + s·I (R = 1, the mean eigenvalue of XᵀX/M): s < 0 gives P(λ_min > −s)';

/**
 * Pivots this small next to the largest diagonal entry or pivot count as zero eigenvalues in
 * float64 (src/cpu/pivots.ts): rounding leaves XᵀX/M's N − M zero eigenvalues (φ > 1) near
 * 1e-15 relative, of random sign; genuine pivots are far above 1e-10 except with tiny
 * probability. f32 noise (~1e-7) is always below the recheck ratio, so the GPU sends those
 * matrices to this float64 count.
 */
export const ZERO_PIVOT_RATIO = 1e-10;

export const rows = (n: number, params: EnsembleParams): number => wishartRows(n, params['phi']!);

/** Normals for X (8 units each, as GOE's), M·N²/8 four-wide products, LDLᵀ's N³/6. */
export function gramCost(n: number, params: EnsembleParams): number {
  const m = rows(n, params);
  return 16 + 8 * n * m + (m * n * n) / 2 + (n * n * n) / 6;
}

/** Params constants of shaders/fills/wishart.wgsl: words (M, ⌈M/4⌉), floats (1/M, gain). */
export function gramConstants(n: number, params: EnsembleParams, gain = 0): { floats: number[]; words: number[] } {
  const m = rows(n, params);
  return { words: [m, Math.ceil(m / 4)], floats: [1 / m, gain] };
}
