// The float64 twin of shaders/landscape/descent.wgsl: the same per-run loop (evaluate, record,
// test, update) on the same starts, one run after another. It is the oracle of the GPU tests
// and the page's fallback at small sizes. It yields to the event loop every YIELD_EVERY_MS so
// a page or a Stop signal stays live.

import type { DescentBackend, DescentControl, DescentJob, DescentResult } from '../landscape/descent.ts';
import { PHASE } from '../landscape/descent.ts';
import { applyUpdate, momentumOf } from '../landscape/optimizer.ts';

const YIELD_EVERY_MS = 20;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createCpuDescentBackend(): DescentBackend {
  return {
    kind: 'cpu',
    description: 'CPU float64',
    descend: descendOnCpu,
    lost: new Promise<string>(() => undefined),
    destroy: () => undefined,
  };
}

export async function descendOnCpu(job: DescentJob, control: DescentControl = {}): Promise<DescentResult> {
  const { landscape, runs, recordCapacity, recordStride, maxSteps, gradientTolerance } = job;
  const dimension = landscape.dimension;
  const beta = momentumOf(job.optimizer);
  const eta = job.optimizer.step;
  const positions = new Float64Array(runs * dimension);
  const steps = new Uint32Array(runs);
  const phase = new Uint8Array(runs);
  const loss = new Float64Array(runs).fill(NaN);
  const gradientNorm = new Float64Array(runs).fill(NaN);
  const records = new Float32Array(runs * recordCapacity).fill(NaN);
  const g = new Float64Array(dimension);
  const v = new Float64Array(dimension);
  const started = performance.now();
  let lastYield = started;
  let stepsDone = 0;
  let stopped = false;

  for (let run = 0; run < runs && !stopped; run++) {
    const x = landscape.start(job.seed, job.firstRun + run);
    v.fill(0);
    let t = 0;
    for (;;) {
      const value = landscape.gradient(x, g);
      landscape.manifold?.projectTangent(x, g);
      let squares = 0;
      for (let i = 0; i < dimension; i++) squares += g[i] * g[i];
      const norm = Math.sqrt(squares);
      loss[run] = value;
      gradientNorm[run] = norm;
      if (t % recordStride === 0 && t / recordStride < recordCapacity) records[run * recordCapacity + t / recordStride] = value;
      if (!Number.isFinite(norm) || !Number.isFinite(value)) { phase[run] = PHASE.diverged; break; }
      if (norm <= gradientTolerance) { phase[run] = PHASE.converged; break; }
      if (t >= maxSteps) { phase[run] = PHASE.exhausted; break; }
      applyUpdate(x, v, g, eta, beta);
      if (landscape.manifold) {
        landscape.manifold.retract(x);
        landscape.manifold.projectTangent(x, v);
      }
      t++;
      stepsDone++;
      if ((t & 63) === 0 && performance.now() - lastYield > YIELD_EVERY_MS) {
        control.onChunk?.({ runs, runsDone: run, stepsDone });
        await pause();
        lastYield = performance.now();
        if (control.signal?.aborted) { stopped = true; break; }
      }
    }
    steps[run] = t;
    positions.set(x, run * dimension);
    const runsDone = stopped ? run : run + 1;
    control.onChunk?.({ runs, runsDone, stepsDone });
  }
  // Runs never started keep their start, zero steps and phase DESCENDING.
  if (stopped) {
    for (let run = 0; run < runs; run++) {
      if (steps[run] === 0 && phase[run] === PHASE.descending) positions.set(landscape.start(job.seed, job.firstRun + run), run * dimension);
    }
  }
  return {
    runs, dimension, positions, steps, phase, loss, gradientNorm, records, recordCapacity,
    stopped, descentS: (performance.now() - started) / 1000, compileS: 0,
  };
}
