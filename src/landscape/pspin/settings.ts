// The knobs of a p-spin landscape run, validated once for the CLI (and the page, which reads
// the same names): every error names the field and the value (ConfigError, exit 2 in the CLI).

import { ConfigError, parseSeed } from '../../config.ts';
import type { OptimizerSpec } from '../optimizer.ts';

export const PSPIN_P_VALUES = [2, 3] as const;
/** Largest N per p: K has N^p f32 entries; 256³·4 bytes = 64 MiB fits every storage-binding limit. */
export const PSPIN_N_MAX: Readonly<Record<number, number>> = { 2: 2048, 3: 256 };
export const PSPIN_RUNS_MAX = 65535;
export const PSPIN_DISORDERS_MAX = 1000;
export const PSPIN_STEPS_MAX = 10_000_000;

export interface PspinRunSettings {
  p: number;
  n: number;
  runs: number;
  disorders: number;
  optimizer: OptimizerSpec;
  maxSteps: number;
  /** RMS tangent gradient |g_T|/√N at which a descent stops (f32 on the GPU: keep ≥ 1e-5). */
  tolerance: number;
  seed: number;
  /** Loss recorded every this many steps. */
  recordEvery: number;
}

export const PSPIN_DEFAULTS: PspinRunSettings = {
  p: 3,
  n: 64,
  runs: 256,
  disorders: 2,
  optimizer: { kind: 'heavy-ball', step: 0.1, beta: 0.9 },
  maxSteps: 20000,
  tolerance: 1e-4,
  seed: 7,
  recordEvery: 10,
};

function integerIn(text: string, field: string, lo: number, hi: number): number {
  const value = Number(text.replaceAll('_', '').trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < lo || value > hi) throw new ConfigError(field, text, `must be an integer in [${lo}, ${hi}]`);
  return value;
}

function numberIn(text: string, field: string, lo: number, hi: number, open: 'lo' | 'hi' | 'none'): number {
  const value = Number(text.trim());
  const below = open === 'lo' ? value <= lo : value < lo;
  const above = open === 'hi' ? value >= hi : value > hi;
  if (text.trim() === '' || !Number.isFinite(value) || below || above) {
    throw new ConfigError(field, text, `must be a number in ${open === 'lo' ? '(' : '['}${lo}, ${hi}${open === 'hi' ? ')' : ']'}`);
  }
  return value;
}

export const parsePspinP = (text: string) => {
  const p = integerIn(text, 'p', 2, 3);
  return p;
};
export const parsePspinN = (text: string, p: number) => integerIn(text, 'n', 2, PSPIN_N_MAX[p]!);
export const parseRuns = (text: string, field = 'runs') => integerIn(text, field, 1, PSPIN_RUNS_MAX);
export const parseDisorders = (text: string) => integerIn(text, 'disorders', 1, PSPIN_DISORDERS_MAX);
export const parseSteps = (text: string) => integerIn(text, 'steps', 0, PSPIN_STEPS_MAX);
export const parseEta = (text: string) => numberIn(text, 'eta', 0, 10, 'lo');
export const parseBeta = (text: string) => numberIn(text, 'beta', 0, 1, 'hi');
export const parseTolerance = (text: string) => numberIn(text, 'tol', 0, 1, 'lo');
export const parseRecordEvery = (text: string) => integerIn(text, 'record-every', 1, PSPIN_STEPS_MAX);
export { parseSeed };

/** gd, heavy-ball, or momentum (the course's word for heavy-ball). */
export function parseOptimizer(text: string): OptimizerSpec['kind'] {
  if (text === 'gd') return 'gd';
  if (text === 'heavy-ball' || text === 'momentum') return 'heavy-ball';
  throw new ConfigError('optimizer', text, 'must be gd, heavy-ball or momentum');
}
