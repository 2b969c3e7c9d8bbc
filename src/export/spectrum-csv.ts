// Long-form spectrum CSV (`--spectrum FILE`, the page's spectrum download): one row per
// (ensemble, n, shift, parameters, bin) with the bin's edges in x = λ/scale and its eigenvalue
// count, plus one row below the window (x_lo empty = −∞) and one above it (x_hi empty = +∞),
// so the counts of a row group add up to N × matrices. Parameter columns follow `shift`, as in
// the summary CSV.

import type { EnsembleParams } from '../model/ensemble.ts';
import type { SpectrumHistogram } from '../stats/spectrum.ts';
import { csvField, parameterColumns } from './csv.ts';

export const SPECTRUM_COLUMNS = ['ensemble', 'n', 'shift', 'matrices', 'scale', 'x_lo', 'x_hi', 'count'] as const;

export interface SpectrumRows {
  ensemble: string;
  params: EnsembleParams;
  shift: number;
  histogram: SpectrumHistogram;
}

export function spectrumCsv(spectra: readonly SpectrumRows[]): string {
  const parameters = parameterColumns(spectra);
  const header = [...SPECTRUM_COLUMNS.slice(0, 3), ...parameters, ...SPECTRUM_COLUMNS.slice(3)];
  const lines = [header.map(csvField).join(',')];
  for (const { ensemble, params, shift, histogram: h } of spectra) {
    const head = [ensemble, h.n, shift, ...parameters.map((name) => params[name] ?? NaN), h.matrices, h.scale];
    const width = (h.xHi - h.xLo) / h.bins;
    const row = (lo: number, hi: number, count: number) => lines.push([...head, lo, hi, count].map(csvField).join(','));
    row(-Infinity, h.xLo, h.below);
    for (let j = 0; j < h.bins; j++) row(h.xLo + j * width, j + 1 === h.bins ? h.xHi : h.xLo + (j + 1) * width, h.counts[j]!);
    row(h.xHi, Infinity, h.above);
  }
  return lines.join('\n') + '\n';
}
