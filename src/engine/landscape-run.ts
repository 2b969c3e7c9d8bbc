// A landscape run: `runs` descents from the landscape's Philox starts, in batches of
// `batchRuns` (one descent job each), every end point polished and classified as its batch
// finishes. Progress carries runs done, steps per second and an ETA. Stop keeps every batch
// already classified; the interrupted batch is dropped whole — its runs are where they were
// when the signal came, and keeping only the ones that had finished would favour fast
// descents — so the kept runs are runs 0 … m−1 exactly, and re-running reproduces them.
// The engine receives the descent backend (GPU or CPU twin) and imports neither.

import type { Classification, ClassifyCriteria } from '../landscape/classify.ts';
import { classifyEndPoint } from '../landscape/classify.ts';
import type { DescentBackend, DescentJob, Phase } from '../landscape/descent.ts';
import type { EndPoint } from '../landscape/end-point.ts';
import type { Landscape } from '../landscape/landscape.ts';
import type { OptimizerSpec } from '../landscape/optimizer.ts';

export interface LandscapeRunSpec {
  landscape: Landscape;
  seed: number;
  runs: number;
  /** Runs per descent job. */
  batchRuns: number;
  /** First run number (a continuation of an earlier run starts after its runs). */
  firstRun?: number;
  optimizer: OptimizerSpec;
  gradientTolerance: number;
  maxSteps: number;
  recordStride: number;
  recordCapacity: number;
  criteria: ClassifyCriteria;
  /** Loss records kept for the first this-many runs (for trajectory plots). */
  keepTrajectories?: number;
  /** Polished points kept for end points of which this returns true (spectra, deduplication). */
  keepPoint?: (endPoint: EndPoint) => boolean;
}

export interface LandscapeProgress {
  runsDone: number;
  runsTotal: number;
  stepsDone: number;
  stepsPerS: number;
  etaS: number;
  endPoints: readonly EndPoint[];
}

export interface LandscapeRunResult {
  endPoints: EndPoint[];
  /** Run number → its recorded losses (NaN past the run's end). */
  trajectories: Map<number, Float32Array>;
  /** Run number → polished point, for the end points keepPoint chose. */
  points: Map<number, Float64Array>;
  stopped: boolean;
  failure?: string;
  descentS: number;
  classifyS: number;
  compileS: number;
}

export interface LandscapeRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LandscapeProgress) => void;
}

const YIELD_EVERY_MS = 20;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const now = (): number => performance.now() / 1000;

export async function runLandscape(spec: LandscapeRunSpec, backend: DescentBackend, options: LandscapeRunOptions = {}): Promise<LandscapeRunResult> {
  const result: LandscapeRunResult = { endPoints: [], trajectories: new Map(), points: new Map(), stopped: false, descentS: 0, classifyS: 0, compileS: 0 };
  const firstRun = spec.firstRun ?? 0;
  const keepTrajectories = spec.keepTrajectories ?? 0;
  const started = now();
  let stepsBefore = 0;
  const report = (stepsInBatch: number, runsInBatch: number): void => {
    const elapsed = Math.max(1e-9, now() - started);
    const runsDone = result.endPoints.length;
    const stepsDone = stepsBefore + stepsInBatch;
    const fraction = (runsDone + runsInBatch) / spec.runs;
    options.onProgress?.({
      runsDone,
      runsTotal: spec.runs,
      stepsDone,
      stepsPerS: stepsDone / elapsed,
      etaS: fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Infinity,
      endPoints: result.endPoints,
    });
  };

  for (let offset = 0; offset < spec.runs; offset += spec.batchRuns) {
    if (options.signal?.aborted) {
      result.stopped = true;
      break;
    }
    const job: DescentJob = {
      landscape: spec.landscape,
      seed: spec.seed,
      firstRun: firstRun + offset,
      runs: Math.min(spec.batchRuns, spec.runs - offset),
      optimizer: spec.optimizer,
      gradientTolerance: spec.gradientTolerance,
      maxSteps: spec.maxSteps,
      recordStride: spec.recordStride,
      recordCapacity: spec.recordCapacity,
    };
    let descent;
    try {
      descent = await backend.descend(job, {
        signal: options.signal,
        onChunk: (chunk) => report(chunk.stepsDone, 0.5 * chunk.runsDone),
      });
    } catch (error) {
      result.failure = error instanceof Error ? error.message : String(error);
      result.stopped = true;
      break;
    }
    result.descentS += descent.descentS;
    result.compileS += descent.compileS;
    if (descent.stopped) {
      result.stopped = true;
      break;
    }
    const classifyStarted = now();
    let lastYield = performance.now();
    const { dimension } = descent;
    const batch: EndPoint[] = [];
    for (let i = 0; i < job.runs; i++) {
      const run = job.firstRun + i;
      const x = descent.positions.subarray(i * dimension, (i + 1) * dimension);
      const phase = descent.phase[i] as Phase;
      const verdict: Classification = classifyEndPoint(spec.landscape, Float64Array.from(x), phase, spec.criteria);
      const polished = verdict.polished;
      const endPoint: EndPoint = {
        run,
        steps: descent.steps[i],
        phase,
        descentLoss: descent.loss[i],
        descentGradientNorm: descent.gradientNorm[i],
        loss: polished ? polished.loss : spec.landscape.loss(Float64Array.from(x)),
        gradientNorm: polished ? polished.gradientNorm : NaN,
        polishDistance: polished ? polished.distance : 0,
        endClass: verdict.endClass,
        reason: verdict.reason,
        index: verdict.index,
        degenerate: verdict.degenerate,
      };
      batch.push(endPoint);
      if (run - firstRun < keepTrajectories) {
        result.trajectories.set(run, descent.records.slice(i * descent.recordCapacity, (i + 1) * descent.recordCapacity));
      }
      if (spec.keepPoint?.(endPoint)) result.points.set(run, polished ? polished.x : Float64Array.from(x));
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await pause();
        lastYield = performance.now();
        if (options.signal?.aborted) break;
      }
    }
    result.classifyS += now() - classifyStarted;
    if (batch.length < job.runs) {
      result.stopped = true;
      for (const endPoint of batch) {
        result.trajectories.delete(endPoint.run);
        result.points.delete(endPoint.run);
      }
      break;
    }
    result.endPoints.push(...batch);
    stepsBefore += descent.steps.reduce((sum, s) => sum + s, 0);
    report(0, 0);
  }
  return result;
}
