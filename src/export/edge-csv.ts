// The λ_min (shift-sweep) CSV (`--shifts … --edge FILE`, the page's λ_min download): one row
// per (ensemble, n, shift, parameters) with the sampled P(min) = P(λ_min > −s·R) and its 95%
// interval, and, where the ensemble's theory lists tracy-widom, the Tracy–Widom argument
// t = 2(s − 1)N^(2/3) and F₁(t) (empty fields elsewhere).

import type { Summary } from '../stats/summary.ts';
import { csvField, parameterColumns } from './csv.ts';

export const EDGE_COLUMNS = ['ensemble', 'n', 'shift', 'samples', 'minima', 'p_min', 'p_min_lo', 'p_min_hi', 'tw_argument', 'tw_f1'] as const;

export interface EdgeRow {
  summary: Summary;
  /** Present only where Tracy–Widom applies. */
  tracyWidom?: { argument: number; f1: number };
}

export function edgeCsv(rows: readonly EdgeRow[]): string {
  const parameters = parameterColumns(rows.map((r) => r.summary));
  const header = [...EDGE_COLUMNS.slice(0, 3), ...parameters, ...EDGE_COLUMNS.slice(3)];
  const lines = [header.map(csvField).join(',')];
  for (const { summary: s, tracyWidom } of rows) {
    lines.push([
      s.ensemble, s.n, s.shift, ...parameters.map((name) => s.params[name] ?? NaN), s.samples, s.minima, s.pMin, s.pMinLo, s.pMinHi,
      tracyWidom?.argument ?? NaN, tracyWidom?.f1 ?? NaN,
    ].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
