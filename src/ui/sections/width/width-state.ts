// The Width section's settings and their URL form. Its keys carry the prefix "w." so the page's
// other sections (each with its own prefix, or none for the Random Hessians section) share one
// query string; reading never throws: a bad value is reported and replaced by its default.

import { ConfigError, SEED_MAX } from '../../../config.ts';
import {
  parseBeta, parseRuns, parseWidthOptimizer, parseWidths, WIDTH_K_MAX, type WidthConfig, type WidthOptimizer,
} from '../../../width-config.ts';
import type { PageBackend } from '../section-protocol.ts';
import { pageRuns, PAGE_BACKENDS, parsePageBackend, sectionKeyReader, withSectionKeys } from '../section-url-state.ts';

export const WIDTH_PREFIX = 'w.';
export const WIDTH_BACKENDS = PAGE_BACKENDS;
export type WidthPageBackend = PageBackend;
/** The page's sliders stop here; the CLI reaches k = 24. */
export const PAGE_K_MAX = 20;
export const PAGE_RUNS_MAX = 2000;

export interface WidthState {
  kMin: number;
  kMax: number;
  /** Student width factors n = round(factor·k). */
  widths: number[];
  runs: number;
  optimizer: WidthOptimizer;
  beta: number;
  seed: number;
  backend: WidthPageBackend;
}

export const DEFAULT_WIDTH_STATE: Readonly<WidthState> = Object.freeze({
  kMin: 6, kMax: 10, widths: [1, 1.5], runs: 50, optimizer: 'gd', beta: 0.9, seed: 3, backend: 'auto',
});

const KEYS = ['kmin', 'kmax', 'widths', 'runs', 'opt', 'beta', 'seed', 'backend'] as const;

function integer(text: string, lo: number, hi: number, field: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < lo || Number(text) > hi) throw new ConfigError(field, text, `must be an integer in [${lo}, ${hi}]`);
  return Number(text);
}

export function parseWidthState(search: string): { state: WidthState; problems: string[] } {
  const state: WidthState = { ...DEFAULT_WIDTH_STATE, widths: [...DEFAULT_WIDTH_STATE.widths] };
  const reader = sectionKeyReader(search, WIDTH_PREFIX, KEYS);
  const attempt = reader.read;
  attempt('kmin', (t) => (state.kMin = integer(t, 2, PAGE_K_MAX, 'kmin')));
  attempt('kmax', (t) => (state.kMax = integer(t, 2, PAGE_K_MAX, 'kmax')));
  if (state.kMin > state.kMax) {
    reader.problems.push(`ignored ${WIDTH_PREFIX}kmin=${state.kMin}: must be ≤ kmax (${state.kMax})`);
    state.kMin = Math.min(DEFAULT_WIDTH_STATE.kMin, state.kMax);
  }
  attempt('widths', (t) => (state.widths = parseWidths(t).filter((w) => w >= 1)));
  if (state.widths.length === 0) state.widths = [1];
  attempt('runs', (t) => (state.runs = pageRuns(parseRuns(t), t, PAGE_RUNS_MAX)));
  attempt('opt', (t) => (state.optimizer = parseWidthOptimizer(t)));
  attempt('beta', (t) => (state.beta = parseBeta(t)));
  attempt('seed', (t) => (state.seed = integer(t, 0, SEED_MAX, 'seed')));
  attempt('backend', (t) => (state.backend = parsePageBackend(t)));
  return { state, problems: reader.finish() };
}

/** `search` with this section's keys replaced by `state`'s; every other key kept as it was. */
export function withWidthState(search: string, state: WidthState): string {
  const values: Record<(typeof KEYS)[number], string> = {
    kmin: String(state.kMin), kmax: String(state.kMax), widths: state.widths.join(','), runs: String(state.runs),
    opt: state.optimizer, beta: String(state.beta), seed: String(state.seed), backend: state.backend,
  };
  return withSectionKeys(search, WIDTH_PREFIX, KEYS, values);
}

/** The experiment the state asks for (the same knobs the CLI reads). */
export function widthConfigOf(state: WidthState, backend: 'gpu' | 'cpu'): WidthConfig {
  const ks: number[] = [];
  for (let k = state.kMin; k <= Math.min(state.kMax, WIDTH_K_MAX); k++) ks.push(k);
  return {
    ks, widths: state.widths, runs: state.runs, optimizer: state.optimizer, beta: state.beta,
    stepScale: 5, gradientTolerance: 1e-5, maxSteps: 50_000, seed: state.seed, backend,
  };
}
