// `saddle-lab width`: the Width experiment's summary CSV (and optionally every end point).

import { runWidthSweep } from '../engine/width-sweep.ts';
import { endPointsCsv } from '../export/end-points-csv.ts';
import { widthCsv } from '../export/width-csv.ts';
import type { CliIo } from './io.ts';
import { openDescentBackend } from './open-descent.ts';
import type { WidthOptions } from './width-options.ts';

export interface WidthOutcome {
  summaryText: string;
  endPointsText: string;
  incomplete?: string;
}

export async function widthCommand(options: WidthOptions, io: CliIo, signal: AbortSignal): Promise<WidthOutcome> {
  const { config } = options;
  const { backend, close } = await openDescentBackend(config.backend);
  try {
    const result = await runWidthSweep(config, backend, {
      signal,
      batchRuns: options.batchRuns,
      onProgress: (p) =>
        io.progress(
          `k=${p.current?.k} n=${p.current?.n}: ${p.runsDone}/${p.runsTotal} runs, ${Math.round(p.stepsPerS)} steps/s, ETA ${Number.isFinite(p.etaS) ? p.etaS.toFixed(0) : '?'} s`,
        ),
    });
    const cells = result.cells.filter((c) => c.endPoints.length > 0);
    const groups = cells.map((c) => ({
      context: {
        landscape: 'teacher-student', parameters: `k=${c.k} n=${c.n}`, seed: config.seed, optimizer: config.optimizer,
        step: c.row.step, beta: c.row.beta, backend: backend.kind,
      },
      endPoints: c.endPoints,
    }));
    return {
      summaryText: widthCsv(cells.map((c) => c.row)),
      endPointsText: endPointsCsv(groups),
      incomplete: result.failure ?? (result.stopped ? 'stopped before every (k, n) had its runs' : undefined),
    };
  } finally {
    await close();
  }
}
