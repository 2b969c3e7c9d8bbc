// Wishart (Laguerre) Hessians H = XᵀX/M, X an M×N matrix of N(0, 1) entries, φ = N/M: the
// Gauss–Newton part of a least-squares Hessian. Positive semi-definite, spectrum
// Marchenko–Pastur with mean eigenvalue 1 on [(1 − √φ)², (1 + √φ)²] plus, for φ > 1, an atom
// of mass 1 − 1/φ at 0. A zero eigenvalue is not negative: it counts towards neither the index
// nor against a minimum, so at s ≥ 0 every matrix has index 0. For φ > 1 the fill writes a
// matrix with H's spectrum whose zeros are exact (src/cpu/wishart-fills.ts), because rounding
// gives XᵀX/M's zero eigenvalues random signs that no threshold can tell from real ones.

import { fillWishart } from '../cpu/wishart-fills.ts';
import type { EnsembleEntry } from '../model/ensemble.ts';
import { GRAM_SHIFT_DOC, gramConstants, gramCost, PHI } from './wishart-common.ts';

export const wishart = {
  id: 'wishart',
  label: 'Wishart XᵀX/M',
  doc: 'Wishart XᵀX/M, X an M×N matrix of N(0,1) entries, φ = N/M',
  parameters: [PHI],
  nMax: 64,
  streamCode: 6,
  shiftScale: () => 1,
  shiftDoc: GRAM_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/wishart.wgsl', fn: 'fill_wishart' },
    fill: fillWishart,
    fillConstants: (n, params) => gramConstants(n, params),
    recheck: true,
    recount: { file: 'fills/df32-wishart.wgsl', fn: 'df_fill_wishart' },
  },
  relativeCost: gramCost,
  // Index N·P(eigenvalue < −s); only centres the histogram window for N ≥ 256, beyond nMax.
  indexFractionGuess: (shift) => (shift >= 0 ? 0 : 1),
  theories: () => ['marchenko-pastur'],
} satisfies EnsembleEntry;
