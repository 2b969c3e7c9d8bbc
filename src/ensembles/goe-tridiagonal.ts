// GOE through the β = 1 Dumitriu–Edelman tridiagonal model: the same eigenvalue law as the
// dense GOE at O(N) per matrix, so N reaches thousands. Same theory as GOE.

import { float64Index } from '../cpu/float64-twin.ts';
import { tridiagonalGoeIndex as countTridiagonal, tridiagonalGoeMatrix as fillTridiagonal, type Tridiagonal } from '../cpu/tridiagonal-goe.ts';
import { fillRequest } from '../cpu/float64-twin.ts';
import type { EnsembleEntry } from '../model/ensemble.ts';
import { semicircleIndexFraction, semicircleRadius } from '../model/semicircle.ts';
import { GOE_THEORIES, WIGNER_SHIFT_DOC } from './wigner-common.ts';

export const goeTridiagonal = {
  id: 'goe-tridiagonal',
  label: 'GOE tridiagonal',
  doc: 'the Dumitriu–Edelman tridiagonal model, with the GOE eigenvalue law',
  parameters: [],
  nMax: 4096,
  streamCode: 2,
  shiftScale: (n) => semicircleRadius(n),
  shiftDoc: WIGNER_SHIFT_DOC,
  sampling: { kind: 'streaming', wgsl: { file: 'tridiagonal-goe.wgsl', fn: 'tridiagonal_index' }, index: countTridiagonal, tridiagonal: fillTridiagonal },
  // O(N) normals, χ variates and pivots.
  relativeCost: (n) => 16 + 24 * n,
  indexFractionGuess: (shift) => semicircleIndexFraction(shift),
  theories: () => GOE_THEORIES,
} satisfies EnsembleEntry;

/** Matrix `index` of the (seed, goe-tridiagonal, N) stream at shift s. */
export function tridiagonalGoeMatrix(seed: number, n: number, shift: number, index: number): Tridiagonal {
  return fillTridiagonal(fillRequest(goeTridiagonal, { seed, n, shift, index, params: {} }));
}

/** Its index, generated and counted in one pass. */
export function tridiagonalGoeIndex(seed: number, n: number, shift: number, index: number): number {
  return float64Index(goeTridiagonal, { seed, n, shift, index, params: {} });
}
