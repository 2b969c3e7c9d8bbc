// The Landscape section's settings and their URL form under "l." keys, beside the other
// sections' keys in one query string. Reading never throws: a bad value is reported, named with
// its key, and replaced by its default. The numbers go through the same parsers as the CLI's
// flags (src/landscape/pspin/settings.ts).

import {
  parseBeta, parseDisorders, parseEta, parseOptimizer, parsePspinN, parsePspinP, parseRuns, parseSeed, parseSteps, type PspinRunSettings,
} from '../../../landscape/pspin/settings.ts';
import type { PageBackend } from '../section-protocol.ts';
import { pageRuns, PAGE_BACKENDS, parsePageBackend, sectionKeyReader, withSectionKeys } from '../section-url-state.ts';

export const LANDSCAPE_PREFIX = 'l.';
export const LANDSCAPE_BACKENDS = PAGE_BACKENDS;
export type LandscapePageBackend = PageBackend;
/** The page stops here; the CLI takes up to 65535 runs. */
export const PAGE_RUNS_MAX = 4096;

export interface LandscapeState {
  p: number;
  n: number;
  runs: number;
  disorders: number;
  optimizer: 'gd' | 'heavy-ball';
  eta: number;
  beta: number;
  steps: number;
  seed: number;
  backend: LandscapePageBackend;
}

export const DEFAULT_LANDSCAPE_STATE: Readonly<LandscapeState> = Object.freeze({
  p: 3, n: 24, runs: 64, disorders: 2, optimizer: 'heavy-ball', eta: 0.1, beta: 0.9, steps: 20000, seed: 7, backend: 'auto',
});

const KEYS = ['p', 'n', 'runs', 'disorders', 'opt', 'eta', 'beta', 'steps', 'seed', 'backend'] as const;

export function parseLandscapeState(search: string): { state: LandscapeState; problems: string[] } {
  const state: LandscapeState = { ...DEFAULT_LANDSCAPE_STATE };
  const reader = sectionKeyReader(search, LANDSCAPE_PREFIX, KEYS);
  const attempt = reader.read;
  attempt('p', (t) => (state.p = parsePspinP(t)));
  attempt('n', (t) => (state.n = parsePspinN(t, state.p)));
  attempt('runs', (t) => (state.runs = pageRuns(parseRuns(t), t, PAGE_RUNS_MAX)));
  attempt('disorders', (t) => (state.disorders = parseDisorders(t)));
  attempt('opt', (t) => (state.optimizer = parseOptimizer(t)));
  attempt('eta', (t) => (state.eta = parseEta(t)));
  attempt('beta', (t) => (state.beta = parseBeta(t)));
  attempt('steps', (t) => (state.steps = parseSteps(t)));
  attempt('seed', (t) => (state.seed = parseSeed(t)));
  attempt('backend', (t) => (state.backend = parsePageBackend(t)));
  return { state, problems: reader.finish() };
}

/** `search` with this section's keys replaced by `state`'s; every other key kept as it was. */
export function withLandscapeState(search: string, state: LandscapeState): string {
  const values: Record<(typeof KEYS)[number], string> = {
    p: String(state.p), n: String(state.n), runs: String(state.runs), disorders: String(state.disorders), opt: state.optimizer,
    eta: String(state.eta), beta: String(state.beta), steps: String(state.steps), seed: String(state.seed), backend: state.backend,
  };
  return withSectionKeys(search, LANDSCAPE_PREFIX, KEYS, values);
}

/** The run the state asks for: the same settings the CLI builds from its flags. */
export function landscapeSettingsOf(state: LandscapeState): PspinRunSettings {
  return {
    p: state.p, n: state.n, runs: state.runs, disorders: state.disorders,
    optimizer: { kind: state.optimizer, step: state.eta, beta: state.optimizer === 'gd' ? 0 : state.beta },
    maxSteps: state.steps, tolerance: 1e-4, seed: state.seed, recordEvery: 10,
  };
}
