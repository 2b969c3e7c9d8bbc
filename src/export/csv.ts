// The two CSV formats of DESIGN.md §6, shared by the page download and the CLI so that the same
// seed and settings give the same bytes. Pure formatters: the download itself is a UI concern.

import type { Ensemble } from '../config.ts';
import type { Summary } from '../stats/summary.ts';

export const SUMMARY_COLUMNS = [
  'ensemble', 'n', 'shift', 'method', 'backend', 'seed', 'samples', 'minima', 'maxima',
  'p_min', 'p_min_lo', 'p_min_hi', 'log10_p_min', 'log10_p_min_lo', 'log10_p_min_hi',
  'index_mean', 'index_var', 'elapsed_s',
] as const;

export const HISTOGRAM_COLUMNS = ['ensemble', 'n', 'shift', 'k', 'count'] as const;

/**
 * One quoting rule (RFC 4180): a field with a comma, quote or line break is quoted and its
 * quotes doubled. Numbers print in full (shortest round-trip form); a value that is not finite
 * (a NaN the method cannot give, log10 of a zero count) is an empty field.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

export function summaryRow(s: Summary): (string | number)[] {
  return [
    s.ensemble, s.n, s.shift, s.method, s.backend, s.seed, s.samples, s.minima, s.maxima,
    s.pMin, s.pMinLo, s.pMinHi, s.log10PMin, s.log10PMinLo, s.log10PMinHi,
    s.indexMean, s.indexVar, Math.round(s.elapsedS * 1000) / 1000,
  ];
}

/** Summary CSV: a header and one row per (ensemble, n, shift, method), "\n" line ends. */
export function summaryCsv(rows: readonly Summary[]): string {
  return [csvLine(SUMMARY_COLUMNS), ...rows.map((row) => csvLine(summaryRow(row)))].join('\n') + '\n';
}

export interface HistogramRows {
  ensemble: Ensemble;
  n: number;
  shift: number;
  counts: ArrayLike<number>;
}

/** Long-form index histogram CSV: one row per (ensemble, n, shift, k), k = 0..N. */
export function histogramCsv(histograms: readonly HistogramRows[]): string {
  const lines = [csvLine(HISTOGRAM_COLUMNS)];
  for (const { ensemble, n, shift, counts } of histograms) {
    for (let k = 0; k < counts.length; k++) lines.push(csvLine([ensemble, n, shift, k, counts[k]!]));
  }
  return lines.join('\n') + '\n';
}
