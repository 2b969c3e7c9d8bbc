// Wigner matrix with Student-t entries (ν > 2 degrees of freedom, not necessarily an integer),
// scaled to GOE's variances: off-diagonal T·√((ν − 2)/ν), diagonal √2 times that. Heavy tails:
// the semicircle (radius 2√N) still holds for any ν > 2, but the edge follows Tracy–Widom only
// when the fourth moment is finite, ν > 4 (Lee & Yin, Duke Math. J. 163, 117, 2014); for
// ν ≤ 4 the largest entries push single eigenvalues out of the bulk.

import { fillStudentT, fillStudentTRow } from '../cpu/wigner-fills.ts';
import type { EnsembleEntry, EnsembleParams, Theory } from '../model/ensemble.ts';
import { semicircleIndexFraction, semicircleRadius } from '../model/semicircle.ts';
import { denseCost, WIGNER_SHIFT_DOC } from './wigner-common.ts';

const nu = (params: EnsembleParams): number => params['nu']!;

export const wignerT = {
  id: 'wigner-t',
  label: 'Wigner Student-t',
  doc: 'Wigner matrix with Student-t entries of ν degrees of freedom, scaled to variance 1 (diagonal 2)',
  parameters: [
    {
      name: 'nu', label: 'degrees of freedom ν', min: 2, minExclusive: true, max: 100, default: 3, step: 0.5,
      unit: 'degrees of freedom', doc: 'tail weight of the entries: heavy near 2, Gaussian as ν → ∞; any real ν > 2',
    },
  ],
  nMax: 64,
  streamCode: 5,
  shiftScale: (n) => semicircleRadius(n),
  shiftDoc: WIGNER_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_student_t' },
    fill: fillStudentT,
    rowFill: { wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_student_t_row' }, head: { file: 'fills/wigner.wgsl', fn: 'fill_student_t_head' }, fill: fillStudentTRow },
    fillConstants: (_n, params) => {
      const d = nu(params) / 2 - 1 / 3;
      return { floats: [d, 1 / Math.sqrt(9 * d), nu(params) - 2] };
    },
    recheck: true,
    // Marsaglia–Tsang in df32 too: its decisions are float64's unless a comparison is within
    // ~1e-14 (shaders/df32-gamma.wgsl).
    recount: { file: 'fills/df32-wigner.wgsl', fn: 'df_fill_student_t' },
  },
  // A Box–Muller pair and a Marsaglia–Tsang attempt per entry (one Philox block each).
  relativeCost: (n) => denseCost(n, 24),
  indexFractionGuess: (shift) => semicircleIndexFraction(shift),
  theories: (params): readonly Theory[] => (nu(params) > 4 ? ['semicircle', 'tracy-widom'] : ['semicircle']),
} satisfies EnsembleEntry;
