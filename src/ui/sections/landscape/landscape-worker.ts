// The Landscape section's worker: p-spin descents off the main thread, on WebGPU (the p-spin
// kernels run in dedicated workers too) or on the float64 CPU twin, then the float64
// polishing and inertia counts, which are CPU work either way. Under backend "auto" small jobs
// go to the CPU twin, where the GPU's compile and K generation outweigh its speed.
// A "stop" message aborts the run; every disorder (and batch) already classified comes back.

import { runPspinCritical, runPspinDescents } from '../../../engine/pspin-run.ts';
import { pspinCriticalText, pspinEndPointsText } from '../../../engine/pspin-tables.ts';
import { pspinBackendOnContext } from '../../../gpu/pspin-descent-backend.ts';
import type { DescentBackend } from '../../../landscape/descent.ts';
import type { PspinRunSettings } from '../../../landscape/pspin/settings.ts';
import type { CriticalDot, EndEnergy, EnergyTrajectory, FromLandscapeWorker, ToLandscapeWorker } from './landscape-protocol.ts';
import type { LandscapePageBackend } from './landscape-state.ts';
import type { StopMessage } from '../section-protocol.ts';
import { descentBackendChooser, serveSectionRuns } from '../section-worker.ts';

/** runs·N^p·disorders below this runs on the CPU under "auto" (64 runs at N = 24, p = 3, is ~1.8e6). */
export const AUTO_CPU_COST = 4e6;
/** CPU batches: Stop then waits at most one batch. */
const CPU_BATCH_RUNS = 16;
const TRAJECTORIES_SENT = 24;

const post = (message: FromLandscapeWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
const chooseBackend = descentBackendChooser(pspinBackendOnContext, post);

function backendFor(settings: PspinRunSettings, asked: LandscapePageBackend): Promise<DescentBackend> {
  return chooseBackend({ asked, cost: settings.runs * settings.n ** settings.p * settings.disorders, autoCpuCost: AUTO_CPU_COST });
}

async function descend(settings: PspinRunSettings, asked: LandscapePageBackend, signal: AbortSignal): Promise<void> {
  const backend = await backendFor(settings, asked);
  const total = settings.runs * settings.disorders;
  const started = performance.now();
  const result = await runPspinDescents(settings, backend, {
    signal,
    batchRuns: backend.kind === 'cpu' ? CPU_BATCH_RUNS : settings.runs,
    onProgress: (disorder, p) => {
      // Runs done over all disorders; the ETA extrapolates the elapsed time from that fraction.
      const done = disorder * settings.runs + p.runsDone;
      const elapsedS = (performance.now() - started) / 1000;
      const etaS = done > 0 ? (elapsedS * (total - done)) / done : Infinity;
      post({ type: 'progress', done, total, text: `${done} / ${total} runs · ${Math.round(p.stepsPerS)} run-steps/s · ETA ${Number.isFinite(etaS) ? Math.round(etaS) + ' s' : '…'}` });
    },
  });
  const ends: EndEnergy[] = [];
  const trajectories: EnergyTrajectory[] = [];
  // Records reach as far as the longest run; the buffers beyond are NaN for every run.
  let recorded = 0;
  for (const g of result.groups)
    for (const records of g.trajectories.values()) {
      let last = records.length;
      while (last > 0 && Number.isNaN(records[last - 1]!)) last--;
      recorded = Math.max(recorded, last);
    }
  for (const g of result.groups) {
    for (const e of g.endPoints) ends.push({ disorder: g.disorder, run: e.run, energy: g.energy.get(e.run) ?? e.loss / settings.n, index: e.index, endClass: e.endClass });
    for (const [run, records] of [...g.trajectories].slice(0, TRAJECTORIES_SENT)) {
      // A run that stopped stays at its end energy, so the band compares every run at every step.
      const energies = records.slice(0, recorded).map((h) => h / settings.n);
      for (let i = 1; i < energies.length; i++) if (Number.isNaN(energies[i]!)) energies[i] = energies[i - 1]!;
      trajectories.push({ disorder: g.disorder, run, energies });
    }
  }
  post(
    { type: 'ends', ends, trajectories, csv: pspinEndPointsText(settings, backend.kind, result), recordEvery: settings.recordEvery, stopped: result.stopped, failure: result.failure },
    trajectories.map((t) => t.energies.buffer),
  );
}

async function critical(settings: PspinRunSettings, asked: LandscapePageBackend, signal: AbortSignal): Promise<void> {
  const backend = await backendFor(settings, asked);
  const result = await runPspinCritical(settings, backend, {
    signal,
    onProgress: (text) => post({ type: 'progress', text, done: 0, total: 0 }),
  });
  const dots: CriticalDot[] = result.rows.map((r) => ({ energy: r.point.energy, indexFraction: r.point.index / (settings.n - 1) }));
  const summary = `${result.rows.length} distinct critical points from ${result.tried} seeds (${result.failed} missed the polishing criterion, ${result.repeats} repeats)`;
  post({ type: 'critical', dots, csv: pspinCriticalText(settings, result), summary, stopped: result.stopped });
}

serveSectionRuns<Exclude<ToLandscapeWorker, StopMessage>>(
  (message, signal) => (message.type === 'descend' ? descend : critical)(message.settings, message.backend, signal),
  post,
);
