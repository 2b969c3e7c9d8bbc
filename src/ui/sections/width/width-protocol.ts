// Messages between the Width section and its worker (beside those every section shares,
// section-protocol.ts). Plain data only.

import type { WidthRow } from '../../../stats/width-summary.ts';
import type { WidthConfig } from '../../../width-config.ts';
import type { BackendMessage, ErrorMessage, StopMessage } from '../section-protocol.ts';
import type { WidthPageBackend } from './width-state.ts';

export interface RunTrajectory {
  k: number;
  n: number;
  run: number;
  endClass: string;
  losses: Float32Array;
}

export interface EndLoss {
  k: number;
  n: number;
  loss: number;
  endClass: string;
}

export type ToWidthWorker =
  | { type: 'run'; config: Omit<WidthConfig, 'backend'>; backend: WidthPageBackend; keepTrajectories: number }
  | StopMessage;

export type FromWidthWorker =
  | BackendMessage
  | { type: 'progress'; rows: WidthRow[]; runsDone: number; runsTotal: number; etaS: number; stepsPerS: number }
  | { type: 'done'; rows: WidthRow[]; trajectories: RunTrajectory[]; endLosses: EndLoss[]; endPointsCsv: string; recordStride: number; stopped: boolean; failure?: string }
  | ErrorMessage;
