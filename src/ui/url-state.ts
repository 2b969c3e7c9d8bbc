// Every setting lives in the URL so that a link reproduces a run. Parsing never throws: a bad
// or out-of-range parameter is reported ("ignored nmax=999: must be ≤ 64") and replaced by its
// default, so a mistyped link still opens a working page.

import { ENSEMBLES, METHODS, BACKENDS, SEED_MAX } from '../config.ts';
import {
  DEFAULT_SETTINGS,
  SAMPLES_MIN,
  SAMPLES_SLIDER_MAX,
  SHIFT_MAX,
  SHIFT_MIN,
  nLimit,
  type PageSettings,
} from './settings.ts';

export interface ParsedSettings {
  settings: PageSettings;
  /** One message per ignored parameter, in URL order. */
  problems: string[];
}

/** URL parameter names, in the order they are written. */
export const PARAMS = ['ensemble', 'nmin', 'nmax', 'samples', 'shift', 'seed', 'method', 'backend'] as const;

class Rejected extends Error {}

function oneOf<T extends string>(text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new Rejected(`must be one of ${allowed.join(', ')}`);
}

function integer(text: string, min: number, max: number): number {
  if (!/^\s*-?\d+\s*$/.test(text)) throw new Rejected(`must be an integer in [${min}, ${max}]`);
  return inRange(Number(text), min, max);
}

function inRange(value: number, min: number, max: number): number {
  if (value < min) throw new Rejected(`must be ≥ ${min}`);
  if (value > max) throw new Rejected(`must be ≤ ${max}`);
  return value;
}

/** Samples accept "100000", "1e5" and "100_000", as long as the value is an integer. */
function samples(text: string): number {
  const value = Number(text.replaceAll('_', '').trim());
  if (text.trim() === '' || !Number.isInteger(value)) {
    throw new Rejected(`must be an integer in [${SAMPLES_MIN}, ${SAMPLES_SLIDER_MAX}]`);
  }
  return inRange(value, SAMPLES_MIN, SAMPLES_SLIDER_MAX);
}

function finite(text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new Rejected(`must be a number in [${min}, ${max}]`);
  return inRange(value, min, max);
}

/** Reads settings from a query string ("?nmax=12&seed=7"); never throws. */
export function parseSettings(search: string): ParsedSettings {
  const params = new URLSearchParams(search);
  const settings: PageSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const attempt = (name: string, apply: (text: string) => void) => {
    const text = params.get(name);
    if (text === null) return;
    try {
      apply(text);
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      problems.push(`ignored ${name}=${text}: ${error.message}`);
    }
  };
  // Ensemble and method first: they set the N limits the others are checked against.
  attempt('ensemble', (t) => (settings.ensemble = oneOf(t, ENSEMBLES)));
  attempt('method', (t) => (settings.method = oneOf(t, METHODS)));
  attempt('backend', (t) => (settings.backend = oneOf(t, BACKENDS)));
  const limit = nLimit(settings.ensemble, settings.method);
  attempt('nmin', (t) => (settings.nMin = integer(t, 1, limit)));
  attempt('nmax', (t) => (settings.nMax = integer(t, 1, limit)));
  if (settings.nMin > settings.nMax) {
    // A link that sets only nmin above the default nmax means "from there": widen silently.
    if (!params.has('nmax')) settings.nMax = settings.nMin;
    else {
      problems.push(`ignored nmin=${settings.nMin}: must be ≤ nmax (${settings.nMax})`);
      settings.nMin = Math.min(DEFAULT_SETTINGS.nMin, settings.nMax);
    }
  }
  attempt('samples', (t) => (settings.samples = samples(t)));
  attempt('shift', (t) => (settings.shift = finite(t, SHIFT_MIN, SHIFT_MAX)));
  attempt('seed', (t) => (settings.seed = integer(t, 0, SEED_MAX)));
  for (const name of new Set(params.keys())) {
    // "w.kmin" and the like belong to other page sections, which read them themselves.
    if (!(PARAMS as readonly string[]).includes(name) && !isSectionKey(name)) problems.push(`ignored ${name}=${params.get(name)}: unknown setting`);
  }
  return { settings, problems };
}

/** The query string for these settings, every parameter written so a link is complete. */
export function settingsSearch(settings: PageSettings): string {
  const params = new URLSearchParams({
    ensemble: settings.ensemble,
    nmin: String(settings.nMin),
    nmax: String(settings.nMax),
    samples: String(settings.samples),
    shift: String(settings.shift),
    seed: String(settings.seed),
    method: settings.method,
    backend: settings.backend,
  });
  return `?${params.toString()}`;
}

/** Keys of the page's other sections carry a prefix ending in a dot ("w.kmin"). */
export const isSectionKey = (name: string): boolean => /^[a-z]+\./.test(name);

/** `search` plus the other sections' keys of `current`, so writing this section's state keeps theirs. */
export function keepSectionKeys(search: string, current: string): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of new URLSearchParams(current)) if (isSectionKey(name) && !params.has(name)) params.append(name, value);
  return `?${params.toString()}`;
}
