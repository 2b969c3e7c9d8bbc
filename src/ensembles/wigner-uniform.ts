// Wigner matrix with uniform entries: off-diagonal U(−√3, √3), diagonal U(−√6, √6), GOE's
// variances 1 and 2, so the semicircle of radius 2√N; bounded entries, light tails.

import { fillUniform, fillUniformRow } from '../cpu/wigner-fills.ts';
import type { EnsembleEntry } from '../model/ensemble.ts';
import { semicircleIndexFraction, semicircleRadius } from '../model/semicircle.ts';
import { denseCost, WIGNER_SHIFT_DOC } from './wigner-common.ts';

export const wignerUniform = {
  id: 'wigner-uniform',
  label: 'Wigner uniform',
  doc: 'Wigner matrix with off-diagonal U(−√3, √3), diagonal U(−√6, √6)',
  parameters: [],
  nMax: 64,
  streamCode: 4,
  shiftScale: (n) => semicircleRadius(n),
  shiftDoc: WIGNER_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_uniform' },
    fill: fillUniform,
    rowFill: { wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_uniform_row' }, fill: fillUniformRow },
    recheck: true,
    recount: { file: 'fills/df32-wigner.wgsl', fn: 'df_fill_uniform' },
  },
  relativeCost: (n) => denseCost(n, 2),
  indexFractionGuess: (shift) => semicircleIndexFraction(shift),
  theories: () => ['semicircle', 'tracy-widom'],
} satisfies EnsembleEntry;
