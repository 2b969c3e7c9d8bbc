// Plot data for the spectrum, λ_min and α plots from the page's results, with only the theory
// the ensemble's registry entry lists at its parameters.

import { ensembleEntry } from '../ensembles/registry.ts';
import type { AlphaPlotData } from '../plots/alpha-plot.ts';
import type { EdgePlotData } from '../plots/edge-plot.ts';
import type { SpectrumPlotData } from '../plots/spectrum-plot.ts';
import { spectrumBins } from '../stats/spectrum.ts';
import type { Summary } from '../stats/summary.ts';
import { alphaTheory, edgeTheory, spectrumTheory } from '../stats/theory-curves.ts';
import type { PageSettings } from './settings.ts';
import type { SpectraResults } from './spectra-run.ts';

export function spectrumPlotData(results: SpectraResults | undefined): SpectrumPlotData | undefined {
  const result = results?.spectrum;
  const bins = result && spectrumBins(result.histogram);
  if (!result || !bins) return undefined;
  const entry = ensembleEntry(result.ensemble);
  const { histogram: h } = result;
  const diagonalShift = result.shift * entry.shiftScale(h.n, result.params);
  return {
    bins,
    n: h.n,
    matrices: h.matrices,
    xLabel: h.scale === 1 ? 'eigenvalue λ' : 'λ / 2√N',
    theory: spectrumTheory(entry.theories(result.params), h, result.params, diagonalShift),
  };
}

export function edgePlotData(settings: PageSettings, results: SpectraResults | undefined, n: number): EdgePlotData | undefined {
  if (!results || results.edge.length === 0) return undefined;
  const rows = results.edge;
  const theories = ensembleEntry(settings.ensemble).theories(settings.params);
  const shifts = rows.map((r) => r.shift);
  const lo = Math.min(...shifts);
  const hi = Math.max(...shifts);
  const fine = Array.from({ length: 61 }, (_, i) => lo + ((hi - lo) * i) / 60);
  return {
    n,
    points: rows.map((r) => ({ shift: r.shift, pMin: r.pMin, lo: r.pMinLo, hi: r.pMinHi })),
    theory: edgeTheory(theories, n, fine),
  };
}

/**
 * α(ε, φ) for the ensembles whose theory is the free convolution, at the current φ, ε from 0 to
 * max(0.5, 2ε); the sampled index/N of the largest N at shift 0 (the theory's setting) on top.
 */
export function alphaPlotData(settings: PageSettings, rows: readonly Summary[]): AlphaPlotData | undefined {
  const theories = ensembleEntry(settings.ensemble).theories(settings.params);
  const { phi, epsilon } = settings.params;
  if (!theories.includes('free-convolution') || phi === undefined || epsilon === undefined) return undefined;
  const largest = [...rows].filter((r) => r.method === 'mc' && r.shift === 0 && Number.isFinite(r.indexMean)).sort((a, b) => b.n - a.n)[0];
  const points = largest
    ? [{
        phi,
        epsilon,
        alpha: largest.indexMean / largest.n,
        // ±2 standard errors of the mean index, over N.
        lo: (largest.indexMean - 2 * Math.sqrt(largest.indexVar / largest.samples)) / largest.n,
        hi: (largest.indexMean + 2 * Math.sqrt(largest.indexVar / largest.samples)) / largest.n,
      }]
    : [];
  return { curves: [alphaTheory(phi, Math.max(0.5, 2 * epsilon), 81)], points };
}
