// The two CSV formats of DESIGN.md §6, shared by the page download and the CLI so that the same
// seed and settings give the same bytes. Pure formatters: the download itself is a UI concern.

import type { Ensemble, EnsembleParams } from '../config.ts';
import type { Summary } from '../stats/summary.ts';

/**
 * Columns of the summary CSV. The ensembles' parameters (nu, phi, epsilon, …) come right after
 * `shift`, one column per parameter any row has, in order of first appearance, empty in rows
 * whose ensemble lacks it; a file of GOE rows alone therefore has exactly these columns.
 */
export const SUMMARY_COLUMNS = [
  'ensemble', 'n', 'shift', 'method', 'backend', 'seed', 'samples', 'minima', 'maxima',
  'p_min', 'p_min_lo', 'p_min_hi', 'log10_p_min', 'log10_p_min_lo', 'log10_p_min_hi',
  'index_mean', 'index_var', 'elapsed_s',
] as const;

/** Histogram CSV columns, with parameter columns after `shift` as in the summary CSV. */
export const HISTOGRAM_COLUMNS = ['ensemble', 'n', 'shift', 'k', 'count'] as const;

/** Parameter names of the rows, first appearance first. */
export function parameterColumns(rows: readonly { params: EnsembleParams }[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.params)) names.add(name);
  return [...names];
}

/** The summary CSV's header for rows with these parameter columns. */
export function summaryColumns(parameters: readonly string[]): string[] {
  return withParameters(SUMMARY_COLUMNS, parameters);
}

/** `columns` with the parameter columns inserted after `shift`. */
function withParameters(columns: readonly string[], parameters: readonly string[]): string[] {
  const at = columns.indexOf('shift') + 1;
  return [...columns.slice(0, at), ...parameters, ...columns.slice(at)];
}

const parameterFields = (params: EnsembleParams, parameters: readonly string[]): (string | number)[] =>
  parameters.map((name) => params[name] ?? NaN);

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

export function summaryRow(s: Summary, parameters: readonly string[] = parameterColumns([s])): (string | number)[] {
  return [
    s.ensemble, s.n, s.shift, ...parameterFields(s.params, parameters), s.method, s.backend, s.seed, s.samples, s.minima, s.maxima,
    s.pMin, s.pMinLo, s.pMinHi, s.log10PMin, s.log10PMinLo, s.log10PMinHi,
    s.indexMean, s.indexVar, Math.round(s.elapsedS * 1000) / 1000,
  ];
}

/** Summary CSV: a header and one row per (ensemble, n, shift, method), "\n" line ends. */
export function summaryCsv(rows: readonly Summary[]): string {
  const parameters = parameterColumns(rows);
  return [csvLine(withParameters(SUMMARY_COLUMNS, parameters)), ...rows.map((row) => csvLine(summaryRow(row, parameters)))].join('\n') + '\n';
}

export interface HistogramRows {
  ensemble: Ensemble;
  params: EnsembleParams;
  n: number;
  shift: number;
  counts: ArrayLike<number>;
}

/** Long-form index histogram CSV: one row per (ensemble, n, shift, k), k = 0..N. */
export function histogramCsv(histograms: readonly HistogramRows[]): string {
  const parameters = parameterColumns(histograms);
  const lines = [csvLine(withParameters(HISTOGRAM_COLUMNS, parameters))];
  for (const { ensemble, params, n, shift, counts } of histograms) {
    const fields = parameterFields(params, parameters);
    for (let k = 0; k < counts.length; k++) lines.push(csvLine([ensemble, n, shift, ...fields, k, counts[k]!]));
  }
  return lines.join('\n') + '\n';
}
