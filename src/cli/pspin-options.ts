// Flags of `saddle-lab descend` and `saddle-lab critical` → PspinRunSettings, every error naming
// the flag and the value (exit 2).

import { parseArgs } from 'node:util';
import { ConfigError, parseBackend, type BackendKind } from '../config.ts';
import {
  parseBeta, parseDisorders, parseEta, parseOptimizer, parsePspinN, parsePspinP, parseRecordEvery, parseRuns, parseSeed,
  parseSteps, parseTolerance, PSPIN_DEFAULTS, type PspinRunSettings,
} from '../landscape/pspin/settings.ts';
import { joinNegativeValues, UsageError } from './options.ts';

export const PSPIN_COMMANDS = ['descend', 'critical'] as const;
export type PspinCommand = (typeof PSPIN_COMMANDS)[number];

export const PSPIN_FLAGS = {
  p: { type: 'string' },
  n: { type: 'string' },
  runs: { type: 'string' },
  disorders: { type: 'string' },
  optimizer: { type: 'string' },
  eta: { type: 'string' },
  beta: { type: 'string' },
  steps: { type: 'string' },
  tol: { type: 'string' },
  seed: { type: 'string' },
  'record-every': { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  trajectories: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface PspinCliOptions {
  command: PspinCommand;
  settings: PspinRunSettings;
  backend: BackendKind;
  out?: string;
  /** descend: also write the recorded energy trajectories (long form) here. */
  trajectories?: string;
  help: boolean;
}

export function parsePspinCommandLine(argv: readonly string[]): PspinCliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, PSPIN_FLAGS), options: PSPIN_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown flag: ${unknown[1]} (see --help)` : message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals as [PspinCommand, ...string[]];
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${JSON.stringify(extra[0])}`);
  const d = PSPIN_DEFAULTS;
  const p = values.p === undefined ? d.p : parsePspinP(values.p);
  const kind = values.optimizer === undefined ? d.optimizer.kind : parseOptimizer(values.optimizer);
  const beta = values.beta === undefined ? d.optimizer.beta : parseBeta(values.beta);
  if (kind === 'gd' && values.beta !== undefined && beta !== 0) throw new ConfigError('beta', values.beta, 'is only used with --optimizer heavy-ball (momentum)');
  const settings: PspinRunSettings = {
    p,
    n: values.n === undefined ? d.n : parsePspinN(values.n, p),
    runs: values.runs === undefined ? d.runs : parseRuns(values.runs),
    disorders: values.disorders === undefined ? d.disorders : parseDisorders(values.disorders),
    optimizer: { kind, step: values.eta === undefined ? d.optimizer.step : parseEta(values.eta), beta: kind === 'gd' ? 0 : beta },
    maxSteps: values.steps === undefined ? d.maxSteps : parseSteps(values.steps),
    tolerance: values.tol === undefined ? d.tolerance : parseTolerance(values.tol),
    seed: values.seed === undefined ? d.seed : parseSeed(values.seed),
    recordEvery: values['record-every'] === undefined ? d.recordEvery : parseRecordEvery(values['record-every']),
  };
  return {
    command,
    settings,
    backend: values.backend === undefined ? 'gpu' : parseBackend(values.backend),
    out: values.out,
    trajectories: values.trajectories,
    help: values.help === true,
  };
}

export const PSPIN_HELP = `saddle-lab descend | critical: gradient descents on the spherical p-spin landscape

  H(σ) = N^(−(p−1)/2) Σ J_{i1…ip} σ_i1⋯σ_ip over ordered tuples, J iid N(0,1), |σ|² = N, u = H/N.

Usage:
  saddle-lab descend [flags]    many descents per disorder; every end point polished in float64,
                                its tangent Hessian's index and λ_min counted; end-point CSV
  saddle-lab critical [flags]   critical points of every index: Newton on the sphere from points
                                along descent trajectories (stopped after 0, 1, 2, 4, … steps)

Flags:
  --p 2|3             order of the interaction. Default ${PSPIN_DEFAULTS.p}.
  --n N               dimension, 2..256 for p = 3, 2..2048 for p = 2. Default ${PSPIN_DEFAULTS.n}.
  --runs R            descents per disorder (critical: trajectories per disorder). Default ${PSPIN_DEFAULTS.runs}.
  --disorders D       disorders J_0 … J_{D−1}. Default ${PSPIN_DEFAULTS.disorders}.
  --optimizer gd|heavy-ball|momentum
                      projected gradient descent, or Polyak's heavy ball (momentum). Default heavy-ball.
  --eta η             step on ∇H. Default ${PSPIN_DEFAULTS.optimizer.step}.
  --beta β            heavy-ball momentum in [0, 1). Default ${PSPIN_DEFAULTS.optimizer.beta}.
  --steps S           most steps per descent (critical: the last snapshot). Default ${PSPIN_DEFAULTS.maxSteps}.
  --tol T             stop a descent when the RMS tangent gradient |g_T|/√N ≤ T (f32 on the GPU:
                      keep T ≥ 1e-5). Default ${PSPIN_DEFAULTS.tolerance}.
  --seed SEED         Philox key of J and of the starts. Default ${PSPIN_DEFAULTS.seed}.
  --record-every K    record the energy every K steps (descend). Default ${PSPIN_DEFAULTS.recordEvery}.
  --backend gpu|cpu   gpu: WebGPU through Dawn (exit 3 if no adapter); cpu: the float64 twin.
  --out FILE          the CSV (default stdout).
  --trajectories FILE descend: also the recorded energies u of the first 64 runs per disorder.
  -h, --help          this text.

Example:
  saddle-lab descend --p 3 --n 128 --runs 1024 --disorders 4 --optimizer momentum --eta 0.1 --beta 0.9 --steps 50000 --seed 7 --out ends.csv
`;
