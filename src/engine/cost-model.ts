// Relative work per matrix, used only to size batches so that a round of mixed N takes a
// predictable time. Each registry entry declares its own (src/ensembles/): only ratios matter,
// the scale is learned from the rounds run.

import type { Ensemble, EnsembleParams } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';

export function relativeCost(ensemble: Ensemble, n: number, params: EnsembleParams): number {
  return ensembleEntry(ensemble).relativeCost(n, params);
}
