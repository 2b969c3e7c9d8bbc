// One row of results per (ensemble, N, shift, method): the shape the CSV, the plots and the
// page share. Fields that a method cannot give (a histogram for `exact`) are NaN.

import type { Ensemble, EnsembleParams, Method } from '../config.ts';

export interface Summary {
  ensemble: Ensemble;
  /** The ensemble's parameters ({} for GOE); one CSV column each. */
  params: EnsembleParams;
  n: number;
  shift: number;
  method: Method;
  /** "gpu", "cpu", or "exact" for tabulated values. */
  backend: string;
  seed: number;
  samples: number;
  minima: number;
  maxima: number;
  /** P(index 0) estimate and its 95% interval. A zero count has pMin = pMinLo = 0, pMinHi > 0. */
  pMin: number;
  pMinLo: number;
  pMinHi: number;
  /** log10 of the three above; stay finite below 1e-300 (rare/exact); −Infinity for a zero count. */
  log10PMin: number;
  log10PMinLo: number;
  log10PMinHi: number;
  indexMean: number;
  indexVar: number;
  elapsedS: number;
}
