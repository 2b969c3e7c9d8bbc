// Summary rows for --method exact: the tabulated P(GOE_N positive definite), no sampling.

import { ConfigError, type RunConfig } from '../config.ts';
import { EXACT_SHIFTED_N_MAX, EXACT_SHIFTS, exactPMin } from '../stats/exact-table.ts';
import type { Summary } from '../stats/summary.ts';
import { pointSummary } from './point-summary.ts';

export function exactSummaries(config: RunConfig): Summary[] {
  return config.ns.map((n) => {
    const exact = exactPMin(n, config.shift);
    if (!exact) {
      const first = EXACT_SHIFTS[0];
      const last = EXACT_SHIFTS[EXACT_SHIFTS.length - 1];
      throw new ConfigError(
        'shift',
        String(config.shift),
        `no exact value for N = ${n} at this shift: the table has shift 0 for N ≤ 100 and ` +
          `shifts ${first}..${last} in steps of ${Number((EXACT_SHIFTS[1]! - first!).toPrecision(6))} for N ≤ ${EXACT_SHIFTED_N_MAX}`,
      );
    }
    const log10P = exact.log10P;
    return pointSummary(config, n, { method: 'exact', backend: 'exact', log10P, log10Lo: log10P, log10Hi: log10P, elapsedS: 0 });
  });
}
