// Descent jobs on one p-spin disorder for the tests, under the shared contract.
import type { DescentJob } from '../../../src/landscape/descent.ts';
import type { OptimizerSpec } from '../../../src/landscape/optimizer.ts';
import type { PspinLandscape } from '../../../src/landscape/pspin/landscape.ts';

export const GD: OptimizerSpec = { kind: 'gd', step: 0.1, beta: 0 };
export const HEAVY_BALL: OptimizerSpec = { kind: 'heavy-ball', step: 0.1, beta: 0.8 };

export function pspinJob(landscape: PspinLandscape, runs: number, overrides: Partial<DescentJob> = {}): DescentJob {
  return {
    landscape,
    seed: landscape.pspin.seed,
    firstRun: 0,
    runs,
    optimizer: HEAVY_BALL,
    // ‖g_T‖ (Euclidean, the contract's norm) ≤ 1e-4·√N: RMS 1e-4 per coordinate.
    gradientTolerance: 1e-4 * Math.sqrt(landscape.dimension),
    maxSteps: 20000,
    recordStride: 1,
    recordCapacity: 200,
    ...overrides,
  };
}

/** Run r's end point of a result, run-major. */
export const endOf = (positions: Float64Array, n: number, r: number) => positions.slice(r * n, (r + 1) * n);
