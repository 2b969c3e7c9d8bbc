// The Width experiment (issue 9): for every teacher width k and student width n, `runs`
// descents of the teacher–student network from Xavier starts with step stepScale/max(k, n), each end
// point polished and classified (src/engine/landscape-run.ts), then counted into one WidthRow.
// Cells run in order of k, then n; Stop keeps the cells done and the classified batches of
// the cell in progress.

import type { DescentBackend } from '../landscape/descent.ts';
import type { EndPoint } from '../landscape/end-point.ts';
import { createTeacherStudent } from '../landscape/teacher-student.ts';
import { emptyWidthCounts, lossClusters, median, widthRates, type WidthCounts, type WidthRow } from '../stats/width-summary.ts';
import { studentWidths, type WidthConfig } from '../width-config.ts';
import { runLandscape } from './landscape-run.ts';

/** A polished point at or below this loss is the global minimum (L ≥ 0 vanishes only there). */
export const GLOBAL_LOSS = 1e-6;
/** Eigenvalues within ± this count as zero curvature. */
export const CURVATURE_TOLERANCE = 1e-6;
/** Loss records every this many steps, this many kept per run. */
export const RECORD_STRIDE = 25;
export const RECORD_CAPACITY = 400;

export interface WidthCell {
  k: number;
  n: number;
  row: WidthRow;
  endPoints: EndPoint[];
  /** Run → loss records, for the first keepTrajectories runs. */
  trajectories: Map<number, Float32Array>;
  /** Run → polished point, for spurious minima when keepSpuriousPoints. */
  spuriousPoints: Map<number, Float64Array>;
}

export interface WidthProgress {
  cells: readonly WidthCell[];
  /** The cell in progress (already inside `cells`, updated as its batches finish). */
  current?: WidthCell;
  runsDone: number;
  runsTotal: number;
  stepsPerS: number;
  etaS: number;
}

export interface WidthSweepOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WidthProgress) => void;
  batchRuns?: number;
  keepTrajectories?: number;
  keepSpuriousPoints?: boolean;
}

export interface WidthSweepResult {
  cells: WidthCell[];
  stopped: boolean;
  failure?: string;
}

export function widthCells(config: WidthConfig): { k: number; n: number }[] {
  return config.ks.flatMap((k) => studentWidths(config, k).map((n) => ({ k, n })));
}

/**
 * η = stepScale / max(k, n): the paper's 5/k at n = k. The Hessian's largest eigenvalue at the
 * global minimum grows like n/4 (diagonal blocks I/2, off-diagonal ≈ I/4), so 5/k makes plain
 * descent diverge once n ≳ 1.6k; 5/n keeps η·λ_max ≈ 1.25 at every width.
 */
export function widthStep(stepScale: number, k: number, n: number): number {
  return stepScale / Math.max(k, n);
}

/** Relative cost of one run: n(n + k)·k per step, steps growing about like k. */
const runCost = (k: number, n: number) => n * (n + k) * k * k;

export function countClasses(endPoints: readonly EndPoint[]): WidthCounts {
  const counts = emptyWidthCounts();
  for (const e of endPoints) {
    counts.runs++;
    if (e.endClass === 'global-minimum') counts.global++;
    else if (e.endClass === 'spurious-minimum') counts.spurious++;
    else if (e.endClass === 'saddle') {
      counts.saddle++;
      if (e.degenerate) counts.degenerate++;
    } else counts.notConverged++;
  }
  return counts;
}

export function widthRow(config: WidthConfig, backend: string, k: number, n: number, endPoints: readonly EndPoint[], elapsedS: number): WidthRow {
  const counts = countClasses(endPoints);
  const converged = endPoints.filter((e) => e.endClass !== 'not-converged').map((e) => e.steps);
  const spuriousLosses = endPoints.filter((e) => e.endClass === 'spurious-minimum').map((e) => e.loss);
  return {
    k, n, optimizer: config.optimizer, step: widthStep(config.stepScale, k, n), beta: config.optimizer === 'heavy-ball' ? config.beta : 0,
    seed: config.seed, backend, counts, rates: widthRates(counts),
    stepsMean: converged.length ? converged.reduce((a, b) => a + b, 0) / converged.length : NaN,
    stepsMedian: median(converged),
    distinctSpurious: lossClusters(spuriousLosses).length,
    lowestSpuriousLoss: spuriousLosses.length ? Math.min(...spuriousLosses) : NaN,
    elapsedS,
  };
}

export async function runWidthSweep(config: WidthConfig, backend: DescentBackend, options: WidthSweepOptions = {}): Promise<WidthSweepResult> {
  const plan = widthCells(config);
  const totalCost = plan.reduce((sum, c) => sum + runCost(c.k, c.n) * config.runs, 0);
  const cells: WidthCell[] = [];
  const started = performance.now() / 1000;
  let costDone = 0;
  let runsBefore = 0;
  let stepsBefore = 0;
  const result: WidthSweepResult = { cells, stopped: false };
  for (const { k, n } of plan) {
    if (options.signal?.aborted) {
      result.stopped = true;
      break;
    }
    const landscape = createTeacherStudent({ k, n });
    const step = widthStep(config.stepScale, k, n);
    const cellStarted = performance.now() / 1000;
    const cell: WidthCell = { k, n, row: widthRow(config, backend.kind, k, n, [], 0), endPoints: [], trajectories: new Map(), spuriousPoints: new Map() };
    cells.push(cell);
    const run = await runLandscape(
      {
        landscape, seed: config.seed, runs: config.runs, batchRuns: options.batchRuns ?? 256,
        optimizer: { kind: config.optimizer, step, beta: config.beta },
        gradientTolerance: config.gradientTolerance, maxSteps: config.maxSteps,
        recordStride: RECORD_STRIDE, recordCapacity: RECORD_CAPACITY,
        criteria: { globalLoss: GLOBAL_LOSS, curvatureTolerance: CURVATURE_TOLERANCE, polish: { fallbackStep: step } },
        keepTrajectories: options.keepTrajectories ?? 0,
        keepPoint: options.keepSpuriousPoints ? (e) => e.endClass === 'spurious-minimum' : undefined,
      },
      backend,
      {
        signal: options.signal,
        onProgress: (p) => {
          cell.endPoints = [...p.endPoints];
          cell.row = widthRow(config, backend.kind, k, n, cell.endPoints, performance.now() / 1000 - cellStarted);
          const fraction = (costDone + (runCost(k, n) * p.runsDone)) / totalCost;
          const elapsed = performance.now() / 1000 - started;
          options.onProgress?.({
            cells, current: cell, runsDone: runsBefore + p.runsDone, runsTotal: plan.length * config.runs,
            stepsPerS: (stepsBefore + p.stepsDone) / Math.max(1e-9, elapsed),
            etaS: fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Infinity,
          });
        },
      },
    );
    cell.endPoints = run.endPoints;
    cell.trajectories = run.trajectories;
    cell.spuriousPoints = run.points;
    cell.row = widthRow(config, backend.kind, k, n, run.endPoints, performance.now() / 1000 - cellStarted);
    costDone += runCost(k, n) * config.runs;
    runsBefore += run.endPoints.length;
    stepsBefore += run.endPoints.reduce((sum, e) => sum + e.steps, 0);
    if (run.stopped) {
      result.stopped = true;
      result.failure = run.failure;
      break;
    }
  }
  return result;
}
