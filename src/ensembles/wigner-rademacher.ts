// Wigner matrix with Rademacher entries: off-diagonal ±1, diagonal ±√2 (GOE's variances, so the
// semicircle of radius 2√N), the lightest tails there are. Universality says its spectrum and
// edge agree with GOE's as N → ∞; at small N the discrete law differs visibly.

import { fillRademacher, fillRademacherRow } from '../cpu/wigner-fills.ts';
import type { EnsembleEntry } from '../model/ensemble.ts';
import { semicircleIndexFraction, semicircleRadius } from '../model/semicircle.ts';
import { denseCost, WIGNER_SHIFT_DOC } from './wigner-common.ts';

export const wignerRademacher = {
  id: 'wigner-rademacher',
  label: 'Wigner ±1 (Rademacher)',
  doc: 'Wigner matrix with off-diagonal ±1, diagonal ±√2, equally likely',
  parameters: [],
  nMax: 64,
  streamCode: 3,
  shiftScale: (n) => semicircleRadius(n),
  shiftDoc: WIGNER_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_rademacher' },
    fill: fillRademacher,
    rowFill: { wgsl: { file: 'fills/wigner.wgsl', fn: 'fill_rademacher_row' }, head: { file: 'fills/wigner.wgsl', fn: 'fill_rademacher_head' }, fill: fillRademacherRow },
    recheck: true,
    recount: { file: 'fills/df32-wigner.wgsl', fn: 'df_fill_rademacher' },
  },
  // One Philox word per entry and no logarithm: about half a Box–Muller normal's cost.
  relativeCost: (n) => denseCost(n, 2),
  indexFractionGuess: (shift) => semicircleIndexFraction(shift),
  theories: () => ['semicircle', 'tracy-widom'],
} satisfies EnsembleEntry;
