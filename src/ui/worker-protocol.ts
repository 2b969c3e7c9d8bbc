// Messages between the page and the CPU worker (cpu-worker.ts). Plain data only.

import type { RunConfig } from '../config.ts';
import type { SpectrumCountRequest } from '../engine/spectrum-run.ts';
import type { BatchRequest } from '../sampler.ts';
import type { Summary } from '../stats/summary.ts';

export type ToWorker =
  | { type: 'sample'; id: number; requests: BatchRequest[] }
  | { type: 'rare'; id: number; config: RunConfig }
  | { type: 'spectrum'; id: number; request: SpectrumCountRequest };

export type FromWorker =
  | { type: 'sampled'; id: number; histograms: Float64Array[] }
  | { type: 'rare-progress'; id: number; n: number; fractionDone: number }
  | { type: 'rare-done'; id: number; rows: Summary[] }
  | { type: 'spectrum-done'; id: number; counts: Float64Array | undefined }
  | { type: 'error'; id: number; message: string };
