// What the two Gram-matrix entries share: the ratio φ = N/M, the shift and its meaning, the
// cost and the fill constants.

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

export const rows = (n: number, params: EnsembleParams): number => wishartRows(n, params['phi']!);

/** Normals for X (8 units each, as GOE's), the Gram products (XᵀX: M·N²/2, XXᵀ: N·M²/2), LDLᵀ's N³/6. */
export function gramCost(n: number, params: EnsembleParams): number {
  const m = rows(n, params);
  return 16 + 8 * n * m + (Math.min(m, n) * n * m) / 2 + (n * n * n) / 6;
}

/** Params constants of shaders/fills/wishart.wgsl: words (M, ⌈M/4⌉), floats (1/M, gain). */
export function gramConstants(n: number, params: EnsembleParams, gain = 0): { floats: number[]; words: number[] } {
  const m = rows(n, params);
  return { words: [m, Math.ceil(m / 4)], floats: [1 / m, gain] };
}
