// GOE, dense (DESIGN.md §1): off-diagonal N(0, 1), diagonal N(0, 2); semicircle radius 2√N.
// The lab's reference law: every GOE theory applies.

import { fillDenseGoe, fillDenseGoeRow } from '../cpu/dense-goe.ts';
import { float64Index, float64Matrix } from '../cpu/float64-twin.ts';
import type { EnsembleEntry } from '../model/ensemble.ts';
import { semicircleIndexFraction, semicircleRadius } from '../model/semicircle.ts';
import { denseCost, GOE_THEORIES, WIGNER_SHIFT_DOC } from './wigner-common.ts';

export const goe = {
  id: 'goe',
  label: 'GOE dense',
  doc: 'dense N×N GOE: off-diagonal N(0,1), diagonal N(0,2)',
  parameters: [],
  nMax: 64,
  streamCode: 1,
  shiftScale: (n) => semicircleRadius(n),
  shiftDoc: WIGNER_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/goe.wgsl', fn: 'fill_goe' },
    fill: fillDenseGoe,
    rowFill: { wgsl: { file: 'fills/goe.wgsl', fn: 'fill_goe_row' }, head: { file: 'fills/goe.wgsl', fn: 'fill_goe_head' }, fill: fillDenseGoeRow },
    recheck: true,
    recount: { file: 'fills/df32-wigner.wgsl', fn: 'df_fill_goe' },
  },
  relativeCost: (n) => denseCost(n, 4),
  indexFractionGuess: (shift) => semicircleIndexFraction(shift),
  theories: () => GOE_THEORIES,
} satisfies EnsembleEntry;

/** Matrix `index` of the (seed, goe, N) stream at shift s, as its packed lower triangle. */
export function denseGoeMatrix(seed: number, n: number, shift: number, index: number, out?: Float64Array): Float64Array {
  return float64Matrix(goe, { seed, n, shift, index, params: {} }, out);
}

/** The float64 index of that matrix. */
export function denseGoeIndex(seed: number, n: number, shift: number, index: number, scratch?: Float64Array): number {
  return float64Index(goe, { seed, n, shift, index, params: {} }, scratch);
}
