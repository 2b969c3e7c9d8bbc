// The JSON manifest that travels with a download: enough to reproduce and to judge the numbers.

import type { RunConfig } from '../config.ts';

export interface Manifest {
  tool: 'saddle-lab';
  version: string;
  createdAt: string;
  settings: RunConfig;
  backend: string;
  /** Adapter description, or "CPU float64". */
  device: string;
  timings: { compileS: number; samplingS: number; matricesPerS: number };
  /** Why a sweep ended early (stopped, device lost), if it did. */
  note?: string;
}

export function manifestJson(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
