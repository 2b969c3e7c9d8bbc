// The single list of knobs a run has, their defaults and their limits. It imports only the
// ensemble registry, which says per ensemble what N and which parameters and methods it takes;
// every layer (ui, cli, engine, gpu, cpu) reads both from here.

import { allParameters, ensembleEntry, ensembleIds, findEnsemble } from './ensembles/registry.ts';
import type { EnsembleParams, ParameterSpec, Theory } from './model/ensemble.ts';

/** An ensemble id of the registry (src/ensembles/registry.ts), e.g. goe or wigner-uniform. */
export type Ensemble = string;
export type { EnsembleParams };

export const METHODS = ['mc', 'rare', 'exact'] as const;
export type Method = (typeof METHODS)[number];

/**
 * What a Monte Carlo run counts per N: the whole index histogram (k = 0..N), or only whether
 * each matrix is a minimum (P(min)), by an early-exit factorisation that stops at the first
 * negative pivot and, for most dense ensembles, draws only the rows it reaches.
 */
export const STATISTICS = ['index', 'pmin'] as const;
export type Statistic = (typeof STATISTICS)[number];

export const BACKENDS = ['gpu', 'cpu'] as const;
export type BackendKind = (typeof BACKENDS)[number];

/** Largest N of the rare-event estimator. Cost grows like N^1.5 (N steps, grids ∝ √N): about 4 s at N = 100, 8 s at 200, 90 s at 1000. */
export const RARE_N_MAX = 1024;
/** Largest N of the committed exact table (data/exact-goe.json). */
export const EXACT_N_MAX = 100;
export const N_MIN = 1;

/**
 * Largest N a run may ask for. Sampling is bounded by the ensemble; rare and exact do not
 * sample matrices of the ensemble, so their own reach applies (both give the GOE law).
 */
export function nMax(ensemble: Ensemble, method: Method = 'mc'): number {
  if (method === 'rare') return RARE_N_MAX;
  if (method === 'exact') return EXACT_N_MAX;
  return ensembleEntry(ensemble).nMax;
}

/**
 * The shifts each method is valid for, checked wherever a shift is typed.
 * - mc: past |s| = 100 the shift outweighs every entry by > 100σ, so each matrix has the same
 *   index; farther out s·R leaves f32's range on the GPU.
 * - rare: validated against the closed form at N = 1 down to s = −1000 and the exact table for
 *   s ∈ [−0.5, 1.5]; its grids grow like s·R, so s > 6 would cost minutes for nothing:
 *   1 − P(min) < 1e-16 there at every N (at N = 1 it is Φ(−6√2) ≈ 1e-17), so P(min) = 1 in double.
 * - exact: the table's own reach (stats/exact-table.ts names the missing entry).
 */
export const SHIFT_RANGE: Readonly<Record<Method, readonly [number, number]>> = {
  mc: [-100, 100],
  rare: [-100, 6],
  exact: [-100, 100],
};

/** The theory a method needs from the ensemble: exact and rare give the GOE law only. */
export const METHOD_THEORY: Readonly<Record<Method, Theory | undefined>> = { mc: undefined, exact: 'exact-table', rare: 'rare' };

/** Samples per N: a positive integer that float64 still counts exactly. */
export const SAMPLES_MAX = 2 ** 53 - 1;
/** Seeds are 64-bit Philox keys; the safe-integer range keeps them exact in JSON and URLs. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;

export interface RunConfig {
  ensemble: Ensemble;
  /** The ensemble's parameters, every one it declares and no other ({} for GOE). */
  params: EnsembleParams;
  /** Dimensions to sample, ascending and unique. */
  ns: number[];
  /** Matrices per N. */
  samples: number;
  /** s in H + s·R·I, R = 2√N: s = 1 puts the semicircle's left edge at 0. */
  shift: number;
  seed: number;
  method: Method;
  backend: BackendKind;
  /** What mc counts; absent means 'index' (so an index run's settings read as before). */
  statistic?: Statistic;
}

export const DEFAULT_CONFIG: Readonly<RunConfig> = Object.freeze({
  ensemble: 'goe',
  params: Object.freeze({}),
  ns: [1, 2, 3, 4, 5, 6],
  samples: 100_000,
  shift: 0,
  seed: 42,
  method: 'mc',
  backend: 'gpu',
});

/** A knob got a value it cannot take. `field` and `value` name them for the person who typed it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly field: string,
    readonly value: string,
    readonly rule: string,
  ) {
    super(`invalid ${field}: ${JSON.stringify(value)} (${rule})`);
  }
}

function oneOf<T extends string>(field: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new ConfigError(field, text, `must be one of ${allowed.join(', ')}`);
}

export const parseEnsemble = (text: string): Ensemble => oneOf('ensemble', text, ensembleIds());
export const parseMethod = (text: string): Method => oneOf('method', text, METHODS);
export const parseBackend = (text: string): BackendKind => oneOf('backend', text, BACKENDS);
export const parseStatistic = (text: string, field = 'statistic'): Statistic => oneOf(field, text, STATISTICS);

/**
 * The statistic must fit the method and the ensemble: P(min) alone is a Monte Carlo count of a
 * dense ensemble (exact and rare give P(min) already; the tridiagonal model has no early exit).
 */
export function checkStatistic(ensemble: Ensemble, method: Method, statistic: Statistic, field = 'statistic'): void {
  if (statistic === 'index') return;
  if (method !== 'mc') throw new ConfigError(field, statistic, `applies to method mc only (method ${method} gives P(min) in its own way)`);
  if (ensembleEntry(ensemble).sampling.kind !== 'dense') {
    const dense = ensembleIds().filter((id) => ensembleEntry(id).sampling.kind === 'dense');
    throw new ConfigError(field, statistic, `needs a dense ensemble (${dense.join(', ')}); ${ensemble} has no early-exit kernel`);
  }
}

// ---- One grammar for every number a person types: URL, form and CLI (STYLE item 12). ----

/**
 * Decimal only: an optional sign, digits (single underscores may group them: 1_000_000), an
 * optional fraction, an optional exponent; spaces around it are ignored. Not hex, octal or
 * binary (0x10, 0o7, 0b101), not Infinity or NaN, nothing Number() would also take ("", " ").
 */
const NUMBER_GRAMMAR = /^[+-]?(?:\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?$/;

export interface NumberRule {
  /** Whether the value must be a whole number ("1e6" and "2.5e5" are). */
  integer: boolean;
  min: number;
  max: number;
}

export function describeRule(rule: NumberRule): string {
  return `must be ${rule.integer ? 'an integer' : 'a number'} in [${rule.min}, ${rule.max}]`;
}

/** Whether a text of NUMBER_GRAMMAR denotes a whole number exactly (no digit left after the point). */
function denotesInteger(text: string): boolean {
  const [, whole = '', fraction = '', exponent = '0'] = /^[+-]?([\d_]*)(?:\.([\d_]*))?(?:[eE]([+-]?\d+))?$/.exec(text) ?? [];
  const digits = whole.replaceAll('_', '');
  const decimals = fraction.replaceAll('_', '');
  const e = Number(exponent);
  const left = e >= 0 ? decimals.slice(e) : digits.slice(Math.max(0, digits.length + e)) + decimals;
  return /^0*$/.test(left);
}

/** Parses `text` by NUMBER_GRAMMAR and `rule`; a ConfigError names the field, the text and the rule. */
export function parseNumber(field: string, text: string, rule: NumberRule): number {
  const trimmed = text.trim();
  const refuse = (): never => {
    throw new ConfigError(field, text, describeRule(rule));
  };
  if (!NUMBER_GRAMMAR.test(trimmed)) refuse();
  const value = Number(trimmed.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) refuse();
  if (rule.integer && (!Number.isInteger(value) || !denotesInteger(trimmed))) refuse();
  return value === 0 ? 0 : value; // no −0
}

function parseDimension(field: string, text: string, ensemble: Ensemble, method: Method, whole = text): number {
  const max = nMax(ensemble, method);
  const rule = { integer: true, min: N_MIN, max };
  try {
    return parseNumber(field, text, rule);
  } catch {
    const part = whole === text ? '' : text.trim() === '' ? ' (a bound is missing)' : ` (${JSON.stringify(text)} is not)`;
    throw new ConfigError(field, whole, `${describeRule(rule)} for ${method === 'mc' ? ensemble : `method ${method}`}${part}`);
  }
}

/**
 * Dimensions from "1:8" (inclusive range), "1:64:8" (range with step), "2,4,8" or a mix
 * ("1:4,8,16"). Returned ascending without repeats.
 */
export function parseDimensions(text: string, ensemble: Ensemble, method: Method = 'mc', field = 'n'): number[] {
  const parts = text.split(',');
  if (text.trim() === '' || parts.some((p) => p.trim() === '')) {
    throw new ConfigError(field, text, 'expected a list like 1:8 or 2,4,8');
  }
  const ns = new Set<number>();
  for (const part of parts) {
    const bounds = part.split(':');
    if (bounds.length === 1) {
      ns.add(parseDimension(field, bounds[0]!, ensemble, method, text));
      continue;
    }
    if (bounds.length > 3) throw new ConfigError(field, text, 'a range is lo:hi or lo:hi:step');
    const lo = parseDimension(field, bounds[0]!, ensemble, method, text);
    const hi = parseDimension(field, bounds[1]!, ensemble, method, text);
    if (hi < lo) throw new ConfigError(field, text, `range ${lo}:${hi} is reversed`);
    let step = 1;
    try {
      if (bounds.length === 3) step = parseNumber(field, bounds[2]!, { integer: true, min: 1, max: SAMPLES_MAX });
    } catch {
      throw new ConfigError(field, text, 'a range step must be a positive integer');
    }
    for (let n = lo; n <= hi; n += step) ns.add(n);
  }
  return [...ns].sort((a, b) => a - b);
}

/** Accepts "1000000", "1e6", "2.5e5" and "1_000_000", as long as the value is an integer. */
export function parseSamples(text: string, field = 'samples', min = 1, max = SAMPLES_MAX): number {
  return parseNumber(field, text, { integer: true, min, max });
}

/** A shift within the method's SHIFT_RANGE (or a narrower [min, max], the page's slider). */
export function parseShift(text: string, method: Method = 'mc', field = 'shift', range: readonly [number, number] = SHIFT_RANGE[method]): number {
  try {
    return parseNumber(field, text, { integer: false, min: range[0], max: range[1] });
  } catch (error) {
    if (range !== SHIFT_RANGE[method]) throw error;
    throw new ConfigError(field, text, `${describeRule({ integer: false, min: range[0], max: range[1] })} for method ${method}`);
  }
}

export function parseSeed(text: string, field = 'seed'): number {
  return parseNumber(field, text, { integer: true, min: 0, max: SEED_MAX });
}

/**
 * The method must be one the ensemble's theory supports: --method exact or rare on an
 * ensemble without the exact table or the rare estimator would stamp GOE values on its rows.
 */
export function checkMethod(ensemble: Ensemble, method: Method, params: EnsembleParams = defaultParams(ensemble)): void {
  const needed = METHOD_THEORY[method];
  if (needed === undefined || ensembleEntry(ensemble).theories(params).includes(needed)) return;
  const having = ensembleIds().filter((id) => ensembleEntry(id).theories(defaultParams(id)).includes(needed));
  throw new ConfigError('method', method, `ensemble ${ensemble} has no ${needed} theory; method ${method} applies to ${having.join(', ')}`);
}

function rangeRule(spec: ParameterSpec): string {
  return `must be a number in ${spec.minExclusive ? '(' : '['}${spec.min}, ${spec.max}]`;
}

/** One parameter's value from text, checked against the ensemble's declared range. */
export function parseParameter(ensemble: Ensemble, name: string, text: string): number {
  const spec = ensembleEntry(ensemble).parameters.find((p) => p.name === name);
  if (!spec) {
    const having = ensembleIds().filter((id) => ensembleEntry(id).parameters.some((p) => p.name === name));
    const known = allParameters().has(name);
    throw new ConfigError(name, text, known ? `ensemble ${ensemble} has no parameter ${name} (it belongs to ${having.join(', ')})` : 'unknown ensemble parameter');
  }
  const refuse = (): never => {
    throw new ConfigError(name, text, `${rangeRule(spec)} for ${ensemble}`);
  };
  let value = NaN;
  try {
    // The one number grammar (NUMBER_GRAMMAR); the range, possibly open below, is checked here.
    value = parseNumber(name, text, { integer: false, min: -Infinity, max: Infinity });
  } catch {
    refuse();
  }
  if (!(value <= spec.max && (spec.minExclusive ? value > spec.min : value >= spec.min))) refuse();
  return value;
}

/** The ensemble's parameters at their defaults. */
export function defaultParams(ensemble: Ensemble): EnsembleParams {
  return Object.fromEntries((findEnsemble(ensemble)?.parameters ?? []).map((p) => [p.name, p.default]));
}

/**
 * Parameters from text by name (CLI flags, URL keys): every given one is checked (an
 * inapplicable name is an error naming it), the missing ones take their defaults.
 */
export function parseParams(ensemble: Ensemble, given: Readonly<Record<string, string>>): EnsembleParams {
  const params: Record<string, number> = { ...defaultParams(ensemble) };
  for (const [name, text] of Object.entries(given)) params[name] = parseParameter(ensemble, name, text);
  return params;
}

/** Names of every registered parameter (the CLI's --nu, --phi, …; the URL's keys). */
export function parameterNames(): string[] {
  return [...allParameters().keys()];
}

/** Checks a RunConfig built in code (not parsed from text); throws ConfigError on the first bad field. */
export function validate(config: RunConfig): RunConfig {
  parseEnsemble(config.ensemble);
  parseMethod(config.method);
  const declared = ensembleEntry(config.ensemble).parameters;
  for (const [name, value] of Object.entries(config.params)) parseParameter(config.ensemble, name, String(value));
  for (const p of declared) {
    if (!(p.name in config.params)) throw new ConfigError(p.name, '', `ensemble ${config.ensemble} needs parameter ${p.name}`);
  }
  checkMethod(config.ensemble, config.method, config.params);
  if (config.statistic !== undefined) checkStatistic(config.ensemble, config.method, parseStatistic(config.statistic));
  parseBackend(config.backend);
  if (config.ns.length === 0) throw new ConfigError('n', '', 'at least one dimension is needed');
  for (const n of config.ns) parseDimension('n', String(n), config.ensemble, config.method);
  parseSamples(String(config.samples));
  parseShift(String(config.shift), config.method);
  parseSeed(String(config.seed));
  return config;
}
