// Every setting lives in the URL so that a link reproduces a run. Parsing never throws: a bad
// or out-of-range parameter is reported ("ignored nmax=999: must be ≤ 64") and replaced by its
// default, so a mistyped link still opens a working page.

import { BACKENDS, checkMethod, checkStatistic, ConfigError, defaultParams, METHODS, parameterNames, parseEnsemble, parseNumber, parseParameter, SEED_MAX, STATISTICS, type NumberRule } from '../config.ts';
import {
  DEFAULT_SETTINGS,
  SAMPLES_MIN,
  SAMPLES_SLIDER_MAX,
  SHIFT_MAX,
  SHIFT_MIN,
  nLimit,
  type PageSettings,
} from './settings.ts';
import { SPECTRUM_PARAMS } from './spectrum-settings.ts';

export interface ParsedSettings {
  settings: PageSettings;
  /** One message per ignored parameter, in URL order. */
  problems: string[];
}

/** URL parameter names, in the order they are written; the ensemble's own parameters follow `ensemble`. */
export const PARAMS = ['ensemble', 'nmin', 'nmax', 'samples', 'shift', 'seed', 'method', 'statistic', 'backend'] as const;

/** A ConfigError from the shared grammar (config.ts) as this module's rejection. */
function rejectConfigError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError) throw new Rejected(error.rule);
    throw error;
  }
}

class Rejected extends Error {}

function oneOf<T extends string>(text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new Rejected(`must be one of ${allowed.join(', ')}`);
}

/** The one number grammar of config.ts (the CLI's and the form's too), with the URL's limits. */
function number(text: string, rule: NumberRule): number {
  try {
    return parseNumber('', text, rule);
  } catch (error) {
    if (error instanceof ConfigError) throw new Rejected(error.rule);
    throw error;
  }
}

const integer = (text: string, min: number, max: number): number => number(text, { integer: true, min, max });
/** Samples accept "100000", "1e5" and "100_000", as long as the value is an integer. */
const samples = (text: string): number => integer(text, SAMPLES_MIN, SAMPLES_SLIDER_MAX);
const finite = (text: string, min: number, max: number): number => number(text, { integer: false, min, max });

/** Reads settings from a query string ("?nmax=12&seed=7"); never throws. */
export function parseSettings(search: string): ParsedSettings {
  const params = new URLSearchParams(search);
  const settings: PageSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const attempt = (name: string, apply: (text: string) => void) => {
    const all = params.getAll(name);
    if (all.length > 1) {
      // Two values have no one meaning: neither is used, and the message says so.
      problems.push(`ignored ${name}=${all.join(`&${name}=`)}: given ${all.length} times`);
      return;
    }
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
  attempt('ensemble', (t) => (settings.ensemble = rejectConfigError(() => parseEnsemble(t))));
  const ensembleParams: Record<string, number> = { ...defaultParams(settings.ensemble) };
  for (const name of parameterNames()) {
    attempt(name, (t) => (ensembleParams[name] = rejectConfigError(() => parseParameter(settings.ensemble, name, t))));
  }
  settings.params = ensembleParams;
  attempt('method', (t) => {
    const method = oneOf(t, METHODS);
    rejectConfigError(() => checkMethod(settings.ensemble, method, ensembleParams));
    settings.method = method;
  });
  attempt('statistic', (t) => {
    const statistic = oneOf(t, STATISTICS);
    rejectConfigError(() => checkStatistic(settings.ensemble, settings.method, statistic));
    settings.statistic = statistic;
  });
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
    const known = (PARAMS as readonly string[]).includes(name) || parameterNames().includes(name) || (SPECTRUM_PARAMS as readonly string[]).includes(name);
    if (!known && !isSectionKey(name)) problems.push(`ignored ${name}=${params.get(name)}: unknown setting`);
  }
  return { settings, problems };
}

/** The query string for these settings, every parameter written so a link is complete. */
export function settingsSearch(settings: PageSettings): string {
  const params = new URLSearchParams({
    ensemble: settings.ensemble,
    ...Object.fromEntries(Object.entries(settings.params).map(([name, value]) => [name, String(value)])),
    nmin: String(settings.nMin),
    nmax: String(settings.nMax),
    samples: String(settings.samples),
    shift: String(settings.shift),
    seed: String(settings.seed),
    method: settings.method,
    statistic: settings.statistic,
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
