// A test-only ensemble: GOE's fills under a stream code of its own, with a parameter `scale`
// that only the entry reads (its shift scale R = scale, so H + s·scale·I). It is built from
// nothing but registry fields, so if it runs correctly through the samplers, the sweep, the
// CLI and the CSV, a new ensemble needs nothing outside its entry and fills.

import { fillDenseGoe } from '../../src/cpu/dense-goe.ts';
import type { EnsembleEntry } from '../../src/model/ensemble.ts';
import { registerEnsemble, unregisterEnsemble } from '../../src/ensembles/registry.ts';

export const TEST_ENSEMBLE_ID = 'test-shifted-goe';

export const testEntry: EnsembleEntry = {
  id: TEST_ENSEMBLE_ID,
  label: 'test: GOE with its own stream and shift scale',
  doc: 'GOE entries on stream code 14, shift H + s·scale·I',
  parameters: [
    { name: 'scale', label: 'shift scale', min: 0, max: 100, minExclusive: true, default: 1, unit: 'eigenvalue units', doc: 'R in H + s·R·I', step: 0.5 },
  ],
  nMax: 12,
  streamCode: 14,
  shiftScale: (_n, params) => params['scale']!,
  shiftDoc: 'H + s·scale·I',
  sampling: { kind: 'dense', wgsl: { file: 'fills/goe.wgsl', fn: 'fill_goe' }, fill: fillDenseGoe, recheck: true },
  relativeCost: (n) => 1 + n * n,
  indexFractionGuess: () => 0.5,
  theories: () => ['semicircle'],
};

/** Registers the test entry for the duration of a test file; returns the undo. */
export function withTestEnsemble(): () => void {
  registerEnsemble(testEntry);
  return () => unregisterEnsemble(TEST_ENSEMBLE_ID);
}
