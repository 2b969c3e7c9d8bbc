// The p-spin CSVs, the same bytes from the page and the CLI:
// - end points: the shared end-point columns (end-points-csv.ts; loss = H, index = the polished
//   tangent Hessian's) followed by disorder, u = H/N and λ_min of the tangent Hessian;
// - critical points: one row per distinct polished critical point, with index/(N − 1) beside
//   the theory F(−s(u)), s = −u/E_∞ (src/stats/pspin-theory.ts).

import type { EndPoint } from '../landscape/end-point.ts';
import { csvField } from './csv.ts';
import { END_POINT_COLUMNS, endPointRow, type EndPointContext } from './end-points-csv.ts';

export const PSPIN_END_POINT_COLUMNS = [...END_POINT_COLUMNS, 'disorder', 'u', 'lambda_min'] as const;

export interface PspinEndPointGroup {
  context: EndPointContext;
  disorder: number;
  endPoints: readonly EndPoint[];
  energy: ReadonlyMap<number, number>;
  lambdaMin: ReadonlyMap<number, number>;
}

const orEmpty = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : value);

export function pspinEndPointsCsv(groups: readonly PspinEndPointGroup[]): string {
  const lines = [PSPIN_END_POINT_COLUMNS.join(',')];
  for (const g of groups) {
    for (const e of g.endPoints) {
      lines.push([...endPointRow(g.context, e), g.disorder, orEmpty(g.energy.get(e.run)), orEmpty(g.lambdaMin.get(e.run))].map(csvField).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

export const PSPIN_CRITICAL_COLUMNS = [
  'p', 'n', 'seed', 'disorder', 'run', 'step', 'start_u', 'u', 'index', 'index_fraction', 'theory_index_fraction', 'lambda_min', 'grad_norm', 'newton_steps',
] as const;

export interface PspinCriticalCsvRow {
  p: number;
  n: number;
  seed: number;
  disorder: number;
  run: number;
  step: number;
  startEnergy: number;
  energy: number;
  index: number;
  theoryIndexFraction: number;
  lambdaMin: number;
  gradientNorm: number;
  newtonSteps: number;
}

export function pspinCriticalCsv(rows: readonly PspinCriticalCsvRow[]): string {
  const lines = [PSPIN_CRITICAL_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.p, r.n, r.seed, r.disorder, r.run, r.step, r.startEnergy, r.energy, r.index, r.index / (r.n - 1), r.theoryIndexFraction, r.lambdaMin, r.gradientNorm, r.newtonSteps]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
