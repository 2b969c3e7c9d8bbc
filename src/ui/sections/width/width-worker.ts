// The Width section's worker: it runs the whole experiment off the main thread — descents on
// WebGPU (available in dedicated workers) or on the float64 CPU twin, then the float64
// polishing and classification, which are CPU work either way. The CPU twin is also the
// choice for small jobs under backend "auto": there the GPU's compile time outweighs its speed.
// A "stop" message aborts the run; everything already classified comes back.

import { RECORD_STRIDE, runWidthSweep, widthStep } from '../../../engine/width-sweep.ts';
import { endPointsCsv } from '../../../export/end-points-csv.ts';
import { descentBackendOnContext } from '../../../gpu/descent-runner.ts';
import type { DescentBackend } from '../../../landscape/descent.ts';
import { studentWidths } from '../../../width-config.ts';
import type { EndLoss, FromWidthWorker, RunTrajectory, ToWidthWorker } from './width-protocol.ts';
import type { StopMessage } from '../section-protocol.ts';
import { descentBackendChooser, serveSectionRuns } from '../section-worker.ts';

/** Σ runs·n(n + k)·k below this runs on the CPU under "auto" (k ≤ 10, 50 runs, n ≤ 2k is ~1e6). */
export const AUTO_CPU_COST = 5e6;

const post = (message: FromWidthWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
const chooseBackend = descentBackendChooser(descentBackendOnContext, post);

type RunMessage = Exclude<ToWidthWorker, StopMessage>;

function backendFor(message: RunMessage): Promise<DescentBackend> {
  const { config } = message;
  const cost = config.ks.reduce((sum, k) => sum + studentWidths(config, k).reduce((s, n) => s + config.runs * n * (n + k) * k, 0), 0);
  return chooseBackend({ asked: message.backend, cost, autoCpuCost: AUTO_CPU_COST });
}

async function run(message: RunMessage, signal: AbortSignal): Promise<void> {
  const backend = await backendFor(message);
  const config = { ...message.config, backend: backend.kind };
  const result = await runWidthSweep(config, backend, {
    signal,
    keepTrajectories: message.keepTrajectories,
    onProgress: (p) => post({ type: 'progress', rows: p.cells.map((c) => c.row), runsDone: p.runsDone, runsTotal: p.runsTotal, etaS: p.etaS, stepsPerS: p.stepsPerS }),
  });
  const cells = result.cells.filter((c) => c.endPoints.length > 0);
  const trajectories: RunTrajectory[] = [];
  const endLosses: EndLoss[] = [];
  for (const cell of cells) {
    for (const e of cell.endPoints) {
      endLosses.push({ k: cell.k, n: cell.n, loss: e.loss, endClass: e.endClass });
      const losses = cell.trajectories.get(e.run);
      if (losses) trajectories.push({ k: cell.k, n: cell.n, run: e.run, endClass: e.endClass, losses });
    }
  }
  const csv = endPointsCsv(cells.map((c) => ({
    context: { landscape: 'teacher-student', parameters: `k=${c.k} n=${c.n}`, seed: config.seed, optimizer: config.optimizer, step: widthStep(config.stepScale, c.k, c.n), beta: c.row.beta, backend: backend.kind },
    endPoints: c.endPoints,
  })));
  post(
    { type: 'done', rows: cells.map((c) => c.row), trajectories, endLosses, endPointsCsv: csv, recordStride: RECORD_STRIDE, stopped: result.stopped, failure: result.failure },
    trajectories.map((t) => t.losses.buffer),
  );
}

serveSectionRuns<RunMessage>(run, post);
