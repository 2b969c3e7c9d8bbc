// Messages between the Landscape section and its worker (beside those every section shares,
// section-protocol.ts). Plain data only.

import type { PspinRunSettings } from '../../../landscape/pspin/settings.ts';
import type { BackendMessage, ErrorMessage, StopMessage } from '../section-protocol.ts';
import type { LandscapePageBackend } from './landscape-state.ts';

/** One polished end point: u = H/N, the index, and its end class. */
export interface EndEnergy {
  disorder: number;
  run: number;
  energy: number;
  index: number;
  endClass: string;
}

export interface EnergyTrajectory {
  disorder: number;
  run: number;
  /** u at steps 0, recordEvery, 2·recordEvery, … (NaN past the run's end). */
  energies: Float32Array;
}

export interface CriticalDot {
  energy: number;
  indexFraction: number;
}

export type ToLandscapeWorker =
  | { type: 'descend' | 'critical'; settings: PspinRunSettings; backend: LandscapePageBackend }
  | StopMessage;

export type FromLandscapeWorker =
  | BackendMessage
  | { type: 'progress'; text: string; done: number; total: number }
  | { type: 'ends'; ends: EndEnergy[]; trajectories: EnergyTrajectory[]; csv: string; recordEvery: number; stopped: boolean; failure?: string }
  | { type: 'critical'; dots: CriticalDot[]; csv: string; summary: string; stopped: boolean }
  | ErrorMessage;
