// p-spin landscape runs (issue 8) on an injected descent backend (the GPU p-spin backend or the
// float64 CPU twin), one disorder after another:
// - descents: runLandscape (landscape-run.ts) per disorder; every end point polished and
//   classified there, then u = H/N and λ_min of its tangent Hessian read off in float64;
// - critical points: descents stopped after 0, 1, 2, 4, … steps give points spread over
//   energies along the trajectories, from which Newton on the sphere finds critical points of
//   every index (src/landscape/pspin/critical.ts).
// Stop keeps every disorder (and, within one, every batch) already finished.

import type { DescentBackend, DescentJob } from '../landscape/descent.ts';
import type { EndPoint } from '../landscape/end-point.ts';
import { smallestEigenvalues } from '../landscape/inertia.ts';
import { findCriticalPoints } from '../landscape/pspin/critical.ts';
import type { PspinPoint } from '../landscape/pspin/critical-point.ts';
import { pspinPolishTolerance } from '../landscape/pspin/critical-point.ts';
import { createPspinLandscape } from '../landscape/pspin/landscape.ts';
import type { PspinRunSettings } from '../landscape/pspin/settings.ts';
import { runLandscape, type LandscapeProgress } from './landscape-run.ts';

/** Tangent eigenvalues within ±this count as zero curvature (they are O(1) here). */
export const PSPIN_CURVATURE_TOLERANCE = 1e-8;
const RECORD_CAPACITY_MAX = 2000;
const TRAJECTORIES_KEPT = 64;

export interface PspinDisorderEnds {
  disorder: number;
  endPoints: EndPoint[];
  /** u = H/N and λ_min of the polished point, by run; absent for runs that did not converge. */
  energy: Map<number, number>;
  lambdaMin: Map<number, number>;
  /** Run → recorded losses H (NaN past the run's end), for the first runs. */
  trajectories: Map<number, Float32Array>;
}

export interface PspinDescentsResult {
  groups: PspinDisorderEnds[];
  stopped: boolean;
  failure?: string;
  descentS: number;
  classifyS: number;
}

export interface PspinRunOptions {
  signal?: AbortSignal;
  onProgress?: (disorder: number, progress: LandscapeProgress) => void;
  /** Runs per descent job (default: all runs of a disorder in one job). */
  batchRuns?: number;
}

export function recordCapacity(settings: PspinRunSettings): number {
  return Math.min(RECORD_CAPACITY_MAX, Math.floor(settings.maxSteps / settings.recordEvery) + 1);
}

export async function runPspinDescents(settings: PspinRunSettings, backend: DescentBackend, options: PspinRunOptions = {}): Promise<PspinDescentsResult> {
  const { p, n, seed } = settings;
  const result: PspinDescentsResult = { groups: [], stopped: false, descentS: 0, classifyS: 0 };
  for (let disorder = 0; disorder < settings.disorders; disorder++) {
    if (options.signal?.aborted) {
      result.stopped = true;
      break;
    }
    const landscape = createPspinLandscape({ p, n, seed, disorder });
    const run = await runLandscape(
      {
        landscape,
        seed,
        runs: settings.runs,
        batchRuns: options.batchRuns ?? settings.runs,
        optimizer: settings.optimizer,
        gradientTolerance: settings.tolerance * Math.sqrt(n),
        maxSteps: settings.maxSteps,
        recordStride: settings.recordEvery,
        recordCapacity: recordCapacity(settings),
        criteria: { curvatureTolerance: PSPIN_CURVATURE_TOLERANCE, polish: { gradientTolerance: pspinPolishTolerance(n), maxNewtonSteps: 50, fallbackStep: 0, fallbackSteps: 0 } },
        keepTrajectories: TRAJECTORIES_KEPT,
        keepPoint: (e) => e.endClass !== 'not-converged',
      },
      backend,
      { signal: options.signal, onProgress: (progress) => options.onProgress?.(disorder, progress) },
    );
    result.descentS += run.descentS;
    result.classifyS += run.classifyS;
    const group: PspinDisorderEnds = { disorder, endPoints: run.endPoints, energy: new Map(), lambdaMin: new Map(), trajectories: run.trajectories };
    for (const [runNumber, point] of run.points) {
      const { packed, size } = landscape.classificationHessian(point);
      group.energy.set(runNumber, landscape.loss(point) / n);
      group.lambdaMin.set(runNumber, smallestEigenvalues(packed, size, 1, 1e-10)[0]);
    }
    if (run.endPoints.length > 0) result.groups.push(group);
    if (run.failure !== undefined) result.failure = run.failure;
    if (run.stopped) {
      result.stopped = true;
      break;
    }
  }
  return result;
}

export interface PspinCriticalRow {
  disorder: number;
  /** The descent run and the step it was stopped at that seeded this point. */
  run: number;
  step: number;
  /** u of the seed point (before Newton). */
  startEnergy: number;
  point: PspinPoint;
}

export interface PspinCriticalResult {
  rows: PspinCriticalRow[];
  tried: number;
  failed: number;
  repeats: number;
  stopped: boolean;
}

/** 0, 1, 2, 4, … up to maxSteps: seed points denser early, where the energy falls fastest. */
export function snapshotSteps(maxSteps: number): number[] {
  const steps = [0];
  for (let s = 1; s <= maxSteps; s *= 2) steps.push(s);
  return steps;
}

export async function runPspinCritical(settings: PspinRunSettings, backend: DescentBackend, options: { signal?: AbortSignal; onProgress?: (text: string) => void } = {}): Promise<PspinCriticalResult> {
  const { p, n, seed } = settings;
  const result: PspinCriticalResult = { rows: [], tried: 0, failed: 0, repeats: 0, stopped: false };
  for (let disorder = 0; disorder < settings.disorders && !result.stopped; disorder++) {
    const landscape = createPspinLandscape({ p, n, seed, disorder });
    const starts: Float64Array[] = [];
    const labels: { run: number; step: number; energy: number }[] = [];
    for (const step of snapshotSteps(settings.maxSteps)) {
      if (options.signal?.aborted) {
        result.stopped = true;
        break;
      }
      const job: DescentJob = {
        landscape, seed, firstRun: 0, runs: settings.runs, optimizer: settings.optimizer,
        gradientTolerance: settings.tolerance * Math.sqrt(n), maxSteps: step, recordStride: 1, recordCapacity: 0,
      };
      const descent = await backend.descend(job, { signal: options.signal });
      for (let r = 0; r < settings.runs; r++) {
        // A run that had converged before `step` sits at its minimum: already seeded.
        if (descent.steps[r] < step) continue;
        starts.push(Float64Array.from(descent.positions.subarray(r * n, (r + 1) * n)));
        labels.push({ run: r, step, energy: descent.loss[r] / n });
      }
      options.onProgress?.(`disorder ${disorder}: seeds after ${step} steps`);
    }
    const found = findCriticalPoints(landscape, starts);
    result.tried += found.tried;
    result.failed += found.failed;
    result.repeats += found.repeats;
    found.points.forEach((point, i) => {
      const label = labels[found.sources[i]]!;
      result.rows.push({ disorder, run: label.run, step: label.step, startEnergy: label.energy, point });
    });
    options.onProgress?.(`disorder ${disorder}: ${found.points.length} critical points from ${found.tried} seeds`);
  }
  return result;
}
