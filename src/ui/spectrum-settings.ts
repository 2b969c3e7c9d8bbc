// The spectrum panel's settings (its own form, its own URL keys after the run's): the N whose
// spectrum and λ_min curve are drawn, the matrices for the spectrum and the samples per shift
// of the λ_min sweep. Parsing never throws: a bad value is reported and replaced by its default.

import { ConfigError, nMax, parseSamples, type Ensemble } from '../config.ts';

export interface SpectrumSettings {
  /** N of the spectrum and of the shift sweep (clamped to the ensemble's N limit). */
  n: number;
  /** Matrices in the spectrum histogram. */
  matrices: number;
  /** Samples per shift of the λ_min sweep. */
  edgeSamples: number;
}

export const SPECTRUM_PARAMS = ['specn', 'specm', 'edgesamples'] as const;

export const DEFAULT_SPECTRUM_SETTINGS: Readonly<SpectrumSettings> = Object.freeze({ n: 32, matrices: 500, edgeSamples: 2000 });
export const SPECTRUM_MATRICES_MAX = 100_000;
export const EDGE_SAMPLES_MAX = 10_000_000;

/** The one number grammar of config.ts (the CLI's, the URL's and the form's): "1e3" is 1000, "0x10" nothing. */
export function spectrumInteger(key: string, text: string, min: number, max: number): number | string {
  try {
    return parseSamples(text, key, min, max);
  } catch (error) {
    if (error instanceof ConfigError) return error.rule;
    throw error;
  }
}

/** The spectrum settings of a query string, for `ensemble`, with one message per ignored key. */
export function parseSpectrumSettings(search: string, ensemble: Ensemble): { settings: SpectrumSettings; problems: string[] } {
  const params = new URLSearchParams(search);
  const limit = nMax(ensemble, 'mc');
  const settings: SpectrumSettings = { ...DEFAULT_SPECTRUM_SETTINGS, n: Math.min(DEFAULT_SPECTRUM_SETTINGS.n, limit) };
  const problems: string[] = [];
  const read = (key: string, min: number, max: number, apply: (v: number) => void) => {
    const all = params.getAll(key);
    if (all.length > 1) {
      // Two values have no one meaning: neither is used (as in url-state.ts).
      problems.push(`ignored ${key}=${all.join(`&${key}=`)}: given ${all.length} times`);
      return;
    }
    const text = params.get(key);
    if (text === null) return;
    const value = spectrumInteger(key, text, min, max);
    if (typeof value === 'string') problems.push(`ignored ${key}=${text}: ${value}`);
    else apply(value);
  };
  read('specn', 2, limit, (v) => (settings.n = v));
  read('specm', 1, SPECTRUM_MATRICES_MAX, (v) => (settings.matrices = v));
  read('edgesamples', 100, EDGE_SAMPLES_MAX, (v) => (settings.edgeSamples = v));
  return { settings, problems };
}

/** `&specn=…&specm=…&edgesamples=…`, appended to the run's query string. */
export function spectrumSearchSuffix(settings: SpectrumSettings): string {
  return `&${new URLSearchParams({ specn: String(settings.n), specm: String(settings.matrices), edgesamples: String(settings.edgeSamples) }).toString()}`;
}
