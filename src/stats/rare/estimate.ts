// The rare-event estimate of P(min) = P(all eigenvalues of H + s·R·I > 0), H ~ GOE_N
// (off-diagonal N(0, 1), diagonal N(0, 2)), R = 2√N, as log10 P with a 95% interval.
//
// Method (details and references in the modules):
//  1. twist.ts: the tridiagonal model's LDLᵀ pivots form a Markov chain and P is the chance it
//     stays positive for N steps; a backward recursion on grids tabulates the look-ahead
//     functions ĥ_i ≈ P(pivots i+1..N positive | d_i) (Doob's h-transform).
//  2. twisted-smc.ts: `replicates` independent runs of sequential Monte Carlo with `particles`
//     particles sample every pivot from the ĥ-twisted kernel, so every path is positive definite,
//     and multiply the mean incremental weights: an unbiased estimate of P per replicate.
//  3. replicate-interval.ts: ln P̂ = mean of the replicate logs + s²/2 ± t·s/√R.
// Unlike a pivot-by-pivot truncated importance sampler (which keeps each pivot positive but
// ignores what that pivot does to the chances of the later ones, so its weights degenerate past
// N ≈ 15), every draw here is weighted by the look-ahead ĥ: measured effective sample sizes stay
// above 99% of the particles at every step for N ≤ 200, s ∈ [−3, 2], and the spread of log10 Ẑ
// between replicates is ~1e-3 at N = 60 (validated against de Bruijn's Pfaffian values).
// Pure TypeScript without Node or DOM imports, so it runs in a Web Worker as well as in Node.
// It yields to the event loop about every YIELD_MS so progress callbacks and abort signals work.

import { ConfigError, parseNumber, RARE_N_MAX, SHIFT_RANGE } from '../../config.ts';
import { cooperative } from '../../cooperative.ts';
import { replicateInterval } from './replicate-interval.ts';
import { DEFAULT_TWIST_GRID, type TwistGridOptions, computeTwist } from './twist.ts';
import { runReplicate } from './twisted-smc.ts';

export const DEFAULT_REPLICATES = 8;
export const DEFAULT_PARTICLES = 256;
export const REPLICATES_MIN = 2;
export const REPLICATES_MAX = 10_000;

/** `--replicates`: an interval needs at least two. */
export function parseReplicates(text: string): number {
  return parseNumber('replicates', text, { integer: true, min: REPLICATES_MIN, max: REPLICATES_MAX });
}
export const PARTICLES_MAX = 1_000_000;
const YIELD_MS = 50;

export interface RareBudget {
  /** Particles per replicate (default DEFAULT_PARTICLES). */
  particles?: number;
  /** Grid resolution of the look-ahead functions (default DEFAULT_TWIST_GRID). */
  grid?: Partial<TwistGridOptions>;
}

export interface RareOptions {
  n: number;
  shift: number;
  seed: number;
  /** Independent replicates, ≥ 2 (default DEFAULT_REPLICATES). */
  replicates?: number;
  budget?: RareBudget;
  onProgress?: (fractionDone: number) => void;
  signal?: AbortSignal;
}

export interface RareEstimate {
  n: number;
  shift: number;
  seed: number;
  method: 'twisted-smc';
  /** log10 P̂ and its 95% interval (all ≤ 0: intersected with P ≤ 1). */
  log10P: number;
  log10Lo: number;
  log10Hi: number;
  /** log10 of the mean of the replicates' unbiased estimates (a check on log10P). */
  log10PPooled: number;
  /** The look-ahead recursion's own value of log10 P (deterministic quadrature, a diagnostic). */
  log10PQuadrature: number;
  /** log10 Ẑ of each replicate. */
  log10Replicates: number[];
  replicates: number;
  particles: number;
  /** Tridiagonal matrices sampled: replicates × particles, each one full pivot chain of length N. */
  evaluations: number;
  /** Smallest effective-sample-size fraction over all steps and replicates (1 = equal weights). */
  minEssFraction: number;
  elapsedS: number;
}

function integerIn(field: string, value: number, lo: number, hi: number): number {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new ConfigError(field, String(value), `must be an integer in [${lo}, ${hi}]`);
  }
  return value;
}

function validGrid(grid: Partial<TwistGridOptions> | undefined): TwistGridOptions {
  const merged = { ...DEFAULT_TWIST_GRID, ...grid };
  for (const [field, value] of Object.entries(merged)) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new ConfigError(`budget.grid.${field}`, String(value), 'must be a positive finite number');
    }
  }
  return merged;
}

export async function estimateRare(options: RareOptions): Promise<RareEstimate> {
  const started = performance.now();
  const n = integerIn('n', options.n, 1, RARE_N_MAX);
  const [shiftLo, shiftHi] = SHIFT_RANGE.rare;
  if (!(options.shift >= shiftLo && options.shift <= shiftHi)) {
    throw new ConfigError('shift', String(options.shift), `must be a number in [${shiftLo}, ${shiftHi}] for method rare`);
  }
  const seed = integerIn('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
  const replicates = integerIn('replicates', options.replicates ?? DEFAULT_REPLICATES, REPLICATES_MIN, REPLICATES_MAX);
  const particles = integerIn('budget.particles', options.budget?.particles ?? DEFAULT_PARTICLES, 2, PARTICLES_MAX);
  const grid = validGrid(options.budget?.grid);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();

  // Work units: the backward recursion costs about one replicate, N steps each.
  const totalSteps = (replicates + 1) * n;
  let stepsDone = 0;
  const cooperate = cooperative(YIELD_MS);
  const afterStep = async (): Promise<void> => {
    stepsDone++;
    if (!(await cooperate())) return;
    onProgress?.(stepsDone / totalSteps);
    signal?.throwIfAborted();
  };

  const twist = await computeTwist(n, options.shift, grid, afterStep);
  const logEstimates: number[] = [];
  let minEssFraction = 1;
  for (let r = 0; r < replicates; r++) {
    const result = await runReplicate(twist, particles, seed, r, afterStep);
    logEstimates.push(result.logP);
    minEssFraction = Math.min(minEssFraction, result.minEssFraction);
  }
  const interval = replicateInterval(logEstimates);
  if (!Number.isFinite(interval.logP)) {
    throw new Error(`rare-event estimate failed at n = ${n}, shift = ${options.shift}: ln P̂ = ${interval.logP}`);
  }
  // P ≤ 1: an unbiased estimate of a probability near 1 can exceed it, so the point and the
  // interval are intersected with [0, 1] (log10 ≤ 0), which keeps the coverage.
  const log10 = (lnValue: number): number => Math.min(lnValue / Math.LN10, 0);
  onProgress?.(1);
  return {
    n,
    shift: options.shift,
    seed,
    method: 'twisted-smc',
    log10P: log10(interval.logP),
    log10Lo: log10(interval.logLo),
    log10Hi: log10(interval.logHi),
    log10PPooled: log10(interval.logPooled),
    log10PQuadrature: twist.logPQuadrature / Math.LN10,
    log10Replicates: logEstimates.map((y) => y / Math.LN10),
    replicates,
    particles,
    evaluations: replicates * particles,
    minEssFraction,
    elapsedS: (performance.now() - started) / 1000,
  };
}
