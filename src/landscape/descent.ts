// The contract between the landscape run (src/engine/landscape-run.ts) and the two descent
// backends (src/gpu/descent-runner.ts, src/landscape/cpu-descent.ts): a job of `runs` descents
// started from landscape.start(seed, firstRun + i), advanced in chunks, stoppable.
//
// Per run the backends keep a phase:
//   DESCENDING  still stepping;
//   CONVERGED   ‖g‖ ≤ gradientTolerance at the current point (g the tangent gradient);
//   EXHAUSTED   maxSteps updates applied and the final point evaluated, not converged;
//   DIVERGED    the loss or the gradient norm stopped being finite.
// `loss` and `gradientNorm` are always those of the final point. A run stopped by the signal
// stays DESCENDING with the steps it made: partial results are kept, never dropped.

import type { Landscape } from './landscape.ts';
import type { OptimizerSpec } from './optimizer.ts';

export const PHASE = { descending: 0, converged: 1, exhausted: 2, diverged: 3 } as const;
export type Phase = (typeof PHASE)[keyof typeof PHASE];

export interface DescentJob {
  landscape: Landscape;
  seed: number;
  /** Run numbers firstRun … firstRun + runs − 1: each start depends on (seed, run) alone. */
  firstRun: number;
  runs: number;
  optimizer: OptimizerSpec;
  /** Stop a run once the norm of its (tangent) gradient is at most this. */
  gradientTolerance: number;
  maxSteps: number;
  /** The loss is recorded at steps 0, recordStride, 2·recordStride, … */
  recordStride: number;
  /** Recorded losses kept per run (later ones are dropped). */
  recordCapacity: number;
}

export interface DescentChunk {
  runs: number;
  /** Runs no longer DESCENDING. */
  runsDone: number;
  /** Σ steps over runs so far: the work done, for rates and ETAs. */
  stepsDone: number;
}

export interface DescentControl {
  signal?: AbortSignal;
  onChunk?: (chunk: DescentChunk) => void;
}

export interface DescentResult {
  runs: number;
  dimension: number;
  /** Final points, run-major (run · dimension + coordinate), as the backend computed them. */
  positions: Float64Array;
  steps: Uint32Array;
  phase: Uint8Array;
  loss: Float64Array;
  gradientNorm: Float64Array;
  /** run · recordCapacity + slot; NaN for slots the run never reached. */
  records: Float32Array;
  recordCapacity: number;
  /** True when the signal stopped the job before every run left DESCENDING. */
  stopped: boolean;
  /** Seconds spent descending (compile excluded). */
  descentS: number;
  /** Seconds spent compiling the kernel (0 when cached or on the CPU). */
  compileS: number;
}

export interface DescentBackend {
  readonly kind: 'gpu' | 'cpu';
  /** Adapter description, or "CPU float64". */
  readonly description: string;
  descend(job: DescentJob, control?: DescentControl): Promise<DescentResult>;
  /** Resolves with a reason if the backend dies (a lost device); never rejects. */
  readonly lost: Promise<string>;
  destroy(): void;
}
