// Summary rows for --method exact: the tabulated P(GOE_N positive definite), no sampling.

import { ConfigError, type RunConfig } from '../config.ts';
import { EXACT_SHIFTED_N_MAX, EXACT_SHIFTS, exactPMin } from '../stats/exact-table.ts';
import type { Summary } from '../stats/summary.ts';
import { pointSummary } from './point-summary.ts';

/** Rows for the N the table has, and the N it lacks at this shift (the page shows both). */
export function exactRows(config: RunConfig): { rows: Summary[]; missing: number[] } {
  const rows: Summary[] = [];
  const missing: number[] = [];
  for (const n of config.ns) {
    const exact = exactPMin(n, config.shift);
    if (!exact) {
      missing.push(n);
      continue;
    }
    const log10P = exact.log10P;
    rows.push(pointSummary(config, n, { method: 'exact', backend: 'exact', log10P, log10Lo: log10P, log10Hi: log10P, elapsedS: 0 }));
  }
  return { rows, missing };
}

/** Rows for every N of the config; a missing table entry is a ConfigError naming the shift. */
export function exactSummaries(config: RunConfig): Summary[] {
  const { rows, missing } = exactRows(config);
  const n = missing[0];
  if (n !== undefined) {
    const first = EXACT_SHIFTS[0]!;
    const last = EXACT_SHIFTS[EXACT_SHIFTS.length - 1];
    const step = Number((EXACT_SHIFTS[1]! - first).toPrecision(6));
    throw new ConfigError(
      'shift',
      String(config.shift),
      `no exact value for N = ${n} at this shift: the table has shift 0 for N ≤ 100 and ` +
        `shifts ${first}..${last} in steps of ${step} for N ≤ ${EXACT_SHIFTED_N_MAX}`,
    );
  }
  return rows;
}
