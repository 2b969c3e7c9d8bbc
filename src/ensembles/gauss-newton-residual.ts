// Pennington & Bahri's model of a network's Hessian at a critical point of loss ε ("Geometry of
// Neural Network Loss Surfaces via Random Matrix Theory", ICML 2017): H = XᵀX/M + √(2ε/N)·G,
// the Wishart Gauss–Newton part (φ = N/M) plus a residual GOE G in the lab's convention, whose
// semicircle then has radius 2√(2ε). As N → ∞ the index fraction is the mass below 0 of the
// free additive convolution of Marchenko–Pastur(φ) and the semicircle of variance 2ε.

import { fillGaussNewtonResidual } from '../cpu/wishart-fills.ts';
import type { EnsembleEntry, EnsembleParams } from '../model/ensemble.ts';
import { GRAM_SHIFT_DOC, gramConstants, gramCost, PHI } from './wishart-common.ts';

const gain = (n: number, params: EnsembleParams): number => Math.sqrt((2 * params['epsilon']!) / n);

export const gaussNewtonResidual = {
  id: 'gauss-newton-residual',
  label: 'Gauss–Newton + residual',
  doc: 'XᵀX/M + √(2ε/N)·G, G a GOE (Pennington & Bahri 2017), φ = N/M, ε ≥ 0 the loss',
  parameters: [
    PHI,
    {
      name: 'epsilon', label: 'loss ε', min: 0, max: 10, default: 0.1, step: 0.01,
      unit: 'loss (residual semicircle radius 2√(2ε))', doc: 'the critical point\'s loss: 0 is Wishart, larger ε more negative curvature',
    },
  ],
  nMax: 64,
  streamCode: 7,
  shiftScale: () => 1,
  shiftDoc: GRAM_SHIFT_DOC,
  sampling: {
    kind: 'dense',
    wgsl: { file: 'fills/wishart.wgsl', fn: 'fill_gauss_newton_residual' },
    fill: fillGaussNewtonResidual,
    fillConstants: (n, params) => gramConstants(n, params, gain(n, params)),
    recheck: true,
    recount: { file: 'fills/df32-wishart.wgsl', fn: 'df_fill_gauss_newton_residual' },
  },
  relativeCost: (n, params) => gramCost(n, params) + 4 * n * n,
  indexFractionGuess: () => 0.5,
  theories: () => ['free-convolution'],
} satisfies EnsembleEntry;
