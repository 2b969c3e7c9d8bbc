// The CSV text of a p-spin run, built once for the CLI and the page so both write the same bytes.

import { pspinCriticalCsv, pspinEndPointsCsv } from '../export/pspin-csv.ts';
import type { PspinRunSettings } from '../landscape/pspin/settings.ts';
import { pspinIndexFraction } from '../stats/pspin-theory.ts';
import type { PspinCriticalResult, PspinDescentsResult } from './pspin-run.ts';

export function pspinEndPointsText(settings: PspinRunSettings, backend: 'gpu' | 'cpu', result: PspinDescentsResult): string {
  const context = {
    landscape: 'p-spin', parameters: `p=${settings.p} n=${settings.n}`, seed: settings.seed, optimizer: settings.optimizer.kind,
    step: settings.optimizer.step, beta: settings.optimizer.beta, backend,
  };
  return pspinEndPointsCsv(result.groups.map((g) => ({ context, ...g })));
}

export function pspinCriticalText(settings: PspinRunSettings, result: PspinCriticalResult): string {
  return pspinCriticalCsv(
    result.rows.map((r) => ({
      p: settings.p, n: settings.n, seed: settings.seed, disorder: r.disorder, run: r.run, step: r.step, startEnergy: r.startEnergy,
      energy: r.point.energy, index: r.point.index, theoryIndexFraction: pspinIndexFraction(r.point.energy, settings.p),
      lambdaMin: r.point.lambdaMin, gradientNorm: r.point.gradientNorm, newtonSteps: r.point.newtonSteps,
    })),
  );
}
