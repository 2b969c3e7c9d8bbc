// The knobs of the Width experiment (issue 9: spurious minima of the teacher–student ReLU
// network), their defaults and limits, shared by the CLI, the page's URL and form. Numbers are
// read with config.ts's grammar (lists "6:20", "6,8,10"; counts "1e3"), so one typed value
// means the same in all three.

import { ConfigError, parseSamples, parseSeed, parseShift } from './config.ts';

export const WIDTH_K_MAX = 24;
export const WIDTH_N_MAX = 48;
export const WIDTH_OPTIMIZERS = ['gd', 'heavy-ball'] as const;
export type WidthOptimizer = (typeof WIDTH_OPTIMIZERS)[number];
export const WIDTH_BACKENDS = ['gpu', 'cpu'] as const;
export type WidthBackend = (typeof WIDTH_BACKENDS)[number];

export interface WidthConfig {
  /** Teacher widths k (= input dimension), ascending and unique. */
  ks: number[];
  /** Student widths as factors of k (n = round(factor·k)); ignored when `ns` is set. */
  widths: number[];
  /** Student widths n for every k, instead of factors. */
  ns?: number[];
  /** Descents per (k, n). */
  runs: number;
  optimizer: WidthOptimizer;
  /** Heavy-ball momentum β (used by heavy-ball only). */
  beta: number;
  /** η = stepScale / max(k, n) (engine/width-sweep.ts widthStep); the paper's protocol is 5/k at n = k. */
  stepScale: number;
  /** A descent stops when ‖∇L‖ ≤ this (f32 on the GPU, whose rounding floor is ~1e-6 at k = 20). */
  gradientTolerance: number;
  maxSteps: number;
  seed: number;
  backend: WidthBackend;
}

export const DEFAULT_WIDTH_CONFIG: Readonly<WidthConfig> = Object.freeze({
  ks: [6, 7, 8, 9, 10],
  widths: [1],
  runs: 100,
  optimizer: 'gd',
  beta: 0.9,
  stepScale: 5,
  gradientTolerance: 1e-5,
  maxSteps: 50_000,
  seed: 3,
  backend: 'gpu',
});

/** n = round(factor·k) for each factor, or the explicit ns; unique, ascending, within limits. */
export function studentWidths(config: Pick<WidthConfig, 'widths' | 'ns'>, k: number): number[] {
  const ns = config.ns ?? config.widths.map((factor) => Math.round(factor * k));
  return [...new Set(ns.filter((n) => n >= 1 && n <= WIDTH_N_MAX))].sort((a, b) => a - b);
}

const INTEGER = /^\s*\d+\s*$/;

function integerIn(field: string, text: string, lo: number, hi: number): number {
  if (!INTEGER.test(text) || Number(text) < lo || Number(text) > hi) throw new ConfigError(field, text, `must be an integer in [${lo}, ${hi}]`);
  return Number(text);
}

/** "6:20", "6:20:2", "6,8,10" or a mix, each within [lo, hi]. */
export function parseIntegerList(text: string, field: string, lo: number, hi: number): number[] {
  const parts = text.split(',');
  if (text.trim() === '' || parts.some((p) => p.trim() === '')) throw new ConfigError(field, text, 'expected a list like 6:20 or 6,8,10');
  const values = new Set<number>();
  for (const part of parts) {
    const bounds = part.split(':');
    if (bounds.length > 3) throw new ConfigError(field, text, 'a range is lo:hi or lo:hi:step');
    const a = integerIn(field, bounds[0]!, lo, hi);
    if (bounds.length === 1) {
      values.add(a);
      continue;
    }
    const b = integerIn(field, bounds[1]!, lo, hi);
    if (b < a) throw new ConfigError(field, text, `range ${a}:${b} is reversed`);
    const step = bounds.length === 3 ? integerIn(field, bounds[2]!, 1, hi) : 1;
    for (let v = a; v <= b; v += step) values.add(v);
  }
  return [...values].sort((x, y) => x - y);
}

export const parseKs = (text: string): number[] => parseIntegerList(text, 'k', 2, WIDTH_K_MAX);
export const parseNs = (text: string): number[] => parseIntegerList(text, 'n', 1, WIDTH_N_MAX);

/** Width factors "1,1.25,1.5,2", each in [0.5, 2]. */
export function parseWidths(text: string): number[] {
  const parts = text.split(',');
  if (text.trim() === '' || parts.some((p) => p.trim() === '')) throw new ConfigError('width', text, 'expected factors like 1,1.25,1.5,2');
  const values = parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0.5 || value > 2) throw new ConfigError('width', text, 'each factor must be a number in [0.5, 2]');
    return value;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

export function parseWidthOptimizer(text: string): WidthOptimizer {
  if ((WIDTH_OPTIMIZERS as readonly string[]).includes(text)) return text as WidthOptimizer;
  throw new ConfigError('optimizer', text, `must be one of ${WIDTH_OPTIMIZERS.join(', ')}`);
}

export function parseWidthBackend(text: string): WidthBackend {
  if ((WIDTH_BACKENDS as readonly string[]).includes(text)) return text as WidthBackend;
  throw new ConfigError('backend', text, `must be one of ${WIDTH_BACKENDS.join(', ')}`);
}

function numberIn(field: string, text: string, lo: number, hi: number, open = false): number {
  const value = parseShift(text, field);
  if (value < lo || value > hi || (open && (value === lo || value === hi))) {
    throw new ConfigError(field, text, `must be a number in ${open ? '(' : '['}${lo}, ${hi}${open ? ')' : ']'}`);
  }
  return value;
}

export const parseBeta = (text: string): number => numberIn('beta', text, 0, 1, true);
export const parseStepScale = (text: string): number => numberIn('step-scale', text, 0, 20, true);
export const parseGradientTolerance = (text: string): number => numberIn('tolerance', text, 1e-9, 1e-1);
export function parseRuns(text: string): number {
  const runs = parseSamples(text, 'runs');
  if (runs > 1e6) throw new ConfigError('runs', text, 'must be a positive integer ≤ 1000000');
  return runs;
}
export function parseMaxSteps(text: string): number {
  const steps = parseSamples(text, 'max-steps');
  if (steps > 1e7) throw new ConfigError('max-steps', text, 'must be a positive integer ≤ 10000000');
  return steps;
}
export const parseWidthSeed = (text: string): number => parseSeed(text);
