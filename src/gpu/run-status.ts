// The per-run status the descent kernels write (RunStatus in descent-layout.ts: steps, phase,
// loss, gradient norm; four 4-byte words per run), decoded once for every GPU descent backend.

import { PHASE } from '../landscape/descent.ts';

export interface DecodedRunStatus {
  steps: Uint32Array;
  phase: Uint8Array;
  loss: Float64Array;
  gradientNorm: Float64Array;
}

export function decodeRunStatus(statusWords: Uint32Array, runs: number): DecodedRunStatus {
  const statusFloats = new Float32Array(statusWords.buffer, statusWords.byteOffset, statusWords.length);
  const steps = new Uint32Array(runs);
  const phase = new Uint8Array(runs);
  const loss = new Float64Array(runs);
  const gradientNorm = new Float64Array(runs);
  for (let run = 0; run < runs; run++) {
    steps[run] = statusWords[4 * run]!;
    phase[run] = statusWords[4 * run + 1]!;
    // A run that never ran a step reports NaN, as the CPU twin does.
    const evaluated = steps[run]! > 0 || phase[run] !== PHASE.descending;
    loss[run] = evaluated ? statusFloats[4 * run + 2]! : NaN;
    gradientNorm[run] = evaluated ? statusFloats[4 * run + 3]! : NaN;
  }
  return { steps, phase, loss, gradientNorm };
}
