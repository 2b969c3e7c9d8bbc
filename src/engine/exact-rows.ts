// Summary rows for --method exact: the tabulated P(GOE_N positive definite), no sampling.

import { ConfigError, type RunConfig } from '../config.ts';
import { exactPMin } from '../stats/exact-table.ts';
import { pointSummary } from './point-summary.ts';
import type { Summary } from '../stats/summary.ts';

export function exactSummaries(config: RunConfig): Summary[] {
  return config.ns.map((n) => {
    const exact = exactPMin(n, config.shift);
    if (!exact) {
      throw new ConfigError('n', String(n), `no exact value tabulated for N = ${n} at shift ${config.shift}`);
    }
    return pointSummary(config, n, { method: 'exact', backend: 'exact', log10P: exact.log10P, log10Lo: exact.log10P, log10Hi: exact.log10P, elapsedS: 0 });
  });
}
