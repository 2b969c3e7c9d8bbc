// Every descent end point ends in exactly one class (none is dropped):
//   not-converged    the descent stopped without ‖g‖ ≤ its tolerance (step budget spent,
//                    diverged, or stopped by the user), or float64 polishing failed to reach
//                    POLISH_GRADIENT_TOLERANCE;
//   global-minimum   polished loss ≤ globalLoss (for a landscape whose global value is known:
//                    the teacher–student loss is ≥ 0 and vanishes only on the global set);
//   spurious-minimum a polished critical point above globalLoss whose classification Hessian has
//                    every eigenvalue > curvatureTolerance (a strict local minimum);
//   minimum          the same for a landscape without a known global value;
//   saddle           any other polished critical point: some eigenvalue < −curvatureTolerance,
//                    or (degenerate) none below it but some within ±curvatureTolerance — not
//                    provably a strict minimum, so not counted as one.
// Eigenvalue signs come from inertia counts (inertia.ts), the index from the count below
// −curvatureTolerance.

import { PHASE, type Phase } from './descent.ts';
import { eigenvaluesBelow } from './inertia.ts';
import type { Landscape } from './landscape.ts';
import { polish, type PolishOptions, type PolishResult } from './polish.ts';

export const END_CLASSES = ['global-minimum', 'spurious-minimum', 'minimum', 'saddle', 'not-converged'] as const;
export type EndClass = (typeof END_CLASSES)[number];

export interface ClassifyCriteria {
  /** Loss at or below which a point is a global minimum; undefined when no global value is known. */
  globalLoss?: number;
  /** Eigenvalues within ±this count as zero curvature. */
  curvatureTolerance: number;
  polish: PolishOptions;
}

export interface Classification {
  endClass: EndClass;
  /** Why a run is not-converged: stopped, max-steps, diverged, polish; empty otherwise. */
  reason: string;
  polished?: PolishResult;
  /** Eigenvalues below −curvatureTolerance (NaN where the Hessian was not needed). */
  index: number;
  /** No eigenvalue below −tolerance, but some within ±tolerance. */
  degenerate: boolean;
}

const NOT_CONVERGED_REASON: Record<Phase, string> = {
  [PHASE.descending]: 'stopped',
  [PHASE.converged]: '',
  [PHASE.exhausted]: 'max-steps',
  [PHASE.diverged]: 'diverged',
};

export function classifyEndPoint(landscape: Landscape, x: Float64Array, phase: Phase, criteria: ClassifyCriteria): Classification {
  if (phase !== PHASE.converged) return { endClass: 'not-converged', reason: NOT_CONVERGED_REASON[phase], index: NaN, degenerate: false };
  const polished = polish(landscape, x, criteria.polish);
  if (criteria.globalLoss !== undefined && polished.loss <= criteria.globalLoss) {
    return { endClass: 'global-minimum', reason: '', polished, index: NaN, degenerate: false };
  }
  if (!polished.converged) return { endClass: 'not-converged', reason: 'polish', polished, index: NaN, degenerate: false };
  const { packed, size } = landscape.classificationHessian(polished.x);
  const tolerance = criteria.curvatureTolerance;
  // One factorization decides a strict minimum; only other points need the second.
  if (eigenvaluesBelow(packed, size, tolerance) === 0) {
    return { endClass: criteria.globalLoss === undefined ? 'minimum' : 'spurious-minimum', reason: '', polished, index: 0, degenerate: false };
  }
  const negative = eigenvaluesBelow(packed, size, -tolerance);
  return { endClass: 'saddle', reason: '', polished, index: negative, degenerate: negative === 0 };
}
