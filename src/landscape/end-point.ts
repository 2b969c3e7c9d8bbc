// One record per descent: what the descent did, what polishing found, and the class.

import type { EndClass } from './classify.ts';
import type { Phase } from './descent.ts';

export interface EndPoint {
  run: number;
  steps: number;
  phase: Phase;
  /** Loss and gradient norm at the descent's last point, as the backend computed them (f32 on the GPU). */
  descentLoss: number;
  descentGradientNorm: number;
  /** Float64, after polishing (at the descent's end point when polishing did not run). */
  loss: number;
  gradientNorm: number;
  /** How far polishing moved the point (0 when it did not run). */
  polishDistance: number;
  endClass: EndClass;
  /** See classify.ts. */
  reason: string;
  index: number;
  degenerate: boolean;
}
