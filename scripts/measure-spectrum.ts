// Sampled spectra against their limit laws: for each ensemble, the eigenvalue histogram of the
// first M matrices at N (float64 Householder + Sturm on the CPU twin, the same counts the GPU
// kernel gives) against the law its registry entry lists, bin by bin.
//
//   npx tsx scripts/measure-spectrum.ts [--n 64] [--matrices 2000] [--bins 64] [--seed 1]
//
// Prints one CSV line per ensemble: the theory, the total variation distance ½Σ|p̂_j − p_j|
// over the bins (the mass outside the window included), the largest bin difference, and the
// fraction of eigenvalues below x0, the bin edge just above 0 (a tenth of a bin), against the
// theory's (≈ α for gauss-newton-residual).

import { parseArgs } from 'node:util';
import { ensembleSpectrumCounts } from '../src/cpu/spectrum.ts';
import { ensembleEntry } from '../src/ensembles/registry.ts';
import { defaultParams } from '../src/config.ts';
import { addCountsToSpectrum, emptySpectrum, spectrumThresholds } from '../src/stats/spectrum.ts';
import { spectrumTheory, spectrumWindowFor } from '../src/stats/theory-curves.ts';
import { freeConvolutionCdf } from '../src/stats/free-convolution.ts';
import { marchenkoPasturCdf } from '../src/stats/marchenko-pastur.ts';
import { semicircleCdf } from '../src/stats/semicircle-density.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '64' },
    matrices: { type: 'string', default: '2000' },
    bins: { type: 'string', default: '64' },
    seed: { type: 'string', default: '1' },
  },
});
const n = Number(values.n);
const matrices = Number(values.matrices);
const bins = Number(values.bins);
const seed = Number(values.seed);

const cases: [string, Record<string, number>][] = [
  ['goe', {}], ['wigner-rademacher', {}], ['wigner-uniform', {}], ['wigner-t', { nu: 3 }], ['wigner-t', { nu: 8 }],
  ['wishart', { phi: 0.5 }], ['wishart', { phi: 2 }],
  ['gauss-newton-residual', { phi: 0.5, epsilon: 0.05 }], ['gauss-newton-residual', { phi: 2, epsilon: 0.2 }],
];

console.log('ensemble,params,n,matrices,theory,tv_distance,max_bin_difference,x0,fraction_below_x0,theory_below_x0');
for (const [id, given] of cases) {
  const entry = ensembleEntry(id);
  const params = { ...defaultParams(id), ...given };
  const theories = entry.theories(params);
  const window = spectrumWindowFor(theories, n, params, 0, bins);
  const thresholds = spectrumThresholds(window);
  const counts = ensembleSpectrumCounts(entry, { seed, n, shift: 0, params }, 0, matrices, thresholds)!;
  const h = addCountsToSpectrum(emptySpectrum(window, n), counts, matrices);
  const theory = spectrumTheory(theories, window, params, 0)!;
  const total = n * matrices;
  const width = (window.xHi - window.xLo) / bins;
  const binMass = theory.points.map((p) => p.y * width);
  const inside = binMass.reduce((a, b) => a + b, 0);
  let tv = Math.abs(h.below + h.above) / total; // the limit laws put (almost) no mass outside
  let maxDiff = 0;
  h.counts.forEach((c, j) => {
    const d = Math.abs(c / total - binMass[j]!);
    tv += d;
    maxDiff = Math.max(maxDiff, d);
  });
  tv = (tv + (1 - inside)) / 2;
  // Fraction below 0 from the threshold nearest 0 (edges are offset a tenth of a bin from 0).
  const j0 = thresholds.findIndex((t) => t > 0);
  const below0 = counts[j0]! / total;
  const x0 = thresholds[j0]! / window.scale;
  const cdf = theories.includes('semicircle') ? semicircleCdf(x0)
    : (params.epsilon ?? 0) > 0 ? freeConvolutionCdf(x0, { phi: params.phi!, epsilon: params.epsilon! }) : marchenkoPasturCdf(x0, params.phi!);
  console.log([id, JSON.stringify(params).replaceAll(',', ';'), n, matrices, theory.kind, tv.toFixed(4), maxDiff.toFixed(5), x0.toFixed(4), below0.toFixed(4), cdf.toFixed(4)].join(','));
}
