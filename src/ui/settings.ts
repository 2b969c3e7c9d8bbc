// The page's settings: what the controls show and the URL carries. The page asks for an N
// range (two sliders) where the CLI takes a list, and its limits are the CLI's (config.ts
// nMax): sampling stops at the ensemble's N_MAX, the exact table at EXACT_N_MAX, the rare-event
// estimator at RARE_N_MAX.

import { DEFAULT_CONFIG, nMax, type BackendKind, type Ensemble, type EnsembleParams, type Method, type RunConfig, type Statistic } from '../config.ts';

export interface PageSettings {
  ensemble: Ensemble;
  /** The ensemble's parameters, every one it declares (the controls and URL show only these). */
  params: EnsembleParams;
  nMin: number;
  nMax: number;
  /** Matrices per N for Monte Carlo. */
  samples: number;
  shift: number;
  seed: number;
  method: Method;
  /** What Monte Carlo counts: the index histogram, or P(min) alone (the early-exit kernel). */
  statistic: Statistic;
  /** 'gpu' = WebGPU when an adapter exists, else the CPU fallback; 'cpu' forces the CPU. */
  backend: BackendKind;
}

/** The samples slider's range. */
export const SAMPLES_MIN = 1e3;
export const SAMPLES_SLIDER_MAX = 1e9;
/** The shift slider's range and step. */
export const SHIFT_MIN = -1;
export const SHIFT_MAX = 2;
export const SHIFT_STEP = 0.05;

export const DEFAULT_SETTINGS: Readonly<PageSettings> = Object.freeze({
  ensemble: DEFAULT_CONFIG.ensemble,
  params: DEFAULT_CONFIG.params,
  nMin: DEFAULT_CONFIG.ns[0]!,
  nMax: DEFAULT_CONFIG.ns[DEFAULT_CONFIG.ns.length - 1]!,
  samples: DEFAULT_CONFIG.samples,
  shift: DEFAULT_CONFIG.shift,
  seed: DEFAULT_CONFIG.seed,
  method: DEFAULT_CONFIG.method,
  statistic: 'index',
  backend: DEFAULT_CONFIG.backend,
});

/** Largest N the sliders offer for this ensemble and method: the CLI's limit, defined once. */
export function nLimit(ensemble: Ensemble, method: Method): number {
  return nMax(ensemble, method);
}

export function dimensions(settings: PageSettings): number[] {
  const ns: number[] = [];
  for (let n = settings.nMin; n <= settings.nMax; n++) ns.push(n);
  return ns;
}

/** The engine's RunConfig for these settings (the page's range becomes the list nMin..nMax). */
export function runConfig(settings: PageSettings, backend: BackendKind): RunConfig {
  const { ensemble, params, samples, shift, seed, method, statistic } = settings;
  // 'index' stays implicit, as in the CLI, so an index run's manifest reads as before.
  return { ensemble, params, ns: dimensions(settings), samples, shift, seed, method, backend, ...(statistic === 'pmin' && method === 'mc' ? { statistic } : {}) };
}
