// The single list of knobs a run has, their defaults and their limits. Imports nothing, so
// every layer (ui, cli, engine, gpu, cpu) can read it without pulling anything else in.

export const ENSEMBLES = ['goe', 'goe-tridiagonal'] as const;
export type Ensemble = (typeof ENSEMBLES)[number];

export const METHODS = ['mc', 'rare', 'exact'] as const;
export type Method = (typeof METHODS)[number];

export const BACKENDS = ['gpu', 'cpu'] as const;
export type BackendKind = (typeof BACKENDS)[number];

/** Largest N each ensemble supports: dense matrices live in one invocation's private memory. */
export const N_MAX: Record<Ensemble, number> = { goe: 64, 'goe-tridiagonal': 4096 };
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
  return N_MAX[ensemble];
}

/** Samples per N: a positive integer that float64 still counts exactly. */
export const SAMPLES_MAX = 2 ** 53 - 1;
/** Seeds are 64-bit Philox keys; the safe-integer range keeps them exact in JSON and URLs. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;

export interface RunConfig {
  ensemble: Ensemble;
  /** Dimensions to sample, ascending and unique. */
  ns: number[];
  /** Matrices per N. */
  samples: number;
  /** s in H + s·R·I, R = 2√N: s = 1 puts the semicircle's left edge at 0. */
  shift: number;
  seed: number;
  method: Method;
  backend: BackendKind;
}

export const DEFAULT_CONFIG: Readonly<RunConfig> = Object.freeze({
  ensemble: 'goe',
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

export const parseEnsemble = (text: string): Ensemble => oneOf('ensemble', text, ENSEMBLES);
export const parseMethod = (text: string): Method => oneOf('method', text, METHODS);
export const parseBackend = (text: string): BackendKind => oneOf('backend', text, BACKENDS);

const INTEGER = /^\s*\d+\s*$/;

function parseDimension(field: string, text: string, ensemble: Ensemble, method: Method): number {
  const max = nMax(ensemble, method);
  const rule = `must be an integer in [${N_MIN}, ${max}] for ${method === 'mc' ? ensemble : `method ${method}`}`;
  if (!INTEGER.test(text)) throw new ConfigError(field, text, rule);
  const n = Number(text);
  if (n < N_MIN || n > max) throw new ConfigError(field, text, rule);
  return n;
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
      ns.add(parseDimension(field, bounds[0]!, ensemble, method));
      continue;
    }
    if (bounds.length > 3) throw new ConfigError(field, text, 'a range is lo:hi or lo:hi:step');
    const lo = parseDimension(field, bounds[0]!, ensemble, method);
    const hi = parseDimension(field, bounds[1]!, ensemble, method);
    if (hi < lo) throw new ConfigError(field, text, `range ${lo}:${hi} is reversed`);
    const step = bounds.length === 3 ? Number(bounds[2]) : 1;
    if (!INTEGER.test(bounds[2] ?? '1') || step < 1) {
      throw new ConfigError(field, text, 'a range step must be a positive integer');
    }
    for (let n = lo; n <= hi; n += step) ns.add(n);
  }
  return [...ns].sort((a, b) => a - b);
}

/** Accepts "1000000", "1e6", "2.5e5" and "1_000_000", as long as the value is an integer. */
export function parseSamples(text: string, field = 'samples'): number {
  const value = Number(text.replaceAll('_', '').trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > SAMPLES_MAX) {
    throw new ConfigError(field, text, `must be a positive integer ≤ ${SAMPLES_MAX}`);
  }
  return value;
}

export function parseShift(text: string, field = 'shift'): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new ConfigError(field, text, 'must be a finite number');
  }
  return value;
}

export function parseSeed(text: string, field = 'seed'): number {
  if (!INTEGER.test(text) || Number(text) > SEED_MAX) {
    throw new ConfigError(field, text, `must be an integer in [0, ${SEED_MAX}]`);
  }
  return Number(text);
}

/** Checks a RunConfig built in code (not parsed from text); throws ConfigError on the first bad field. */
export function validate(config: RunConfig): RunConfig {
  parseEnsemble(config.ensemble);
  parseMethod(config.method);
  parseBackend(config.backend);
  if (config.ns.length === 0) throw new ConfigError('n', '', 'at least one dimension is needed');
  for (const n of config.ns) parseDimension('n', String(n), config.ensemble, config.method);
  parseSamples(String(config.samples));
  parseShift(String(config.shift));
  parseSeed(String(config.seed));
  return config;
}
