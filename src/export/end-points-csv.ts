// The end-point CSV: one row per descent, the same bytes from the page and the CLI.

import type { EndPoint } from '../landscape/end-point.ts';
import { csvField } from './csv.ts';

export const END_POINT_COLUMNS = [
  'landscape', 'parameters', 'seed', 'optimizer', 'step', 'beta', 'backend', 'run', 'steps', 'phase',
  'descent_loss', 'descent_grad_norm', 'loss', 'grad_norm', 'polish_distance', 'class', 'reason', 'index', 'degenerate',
] as const;

/** What every row of one landscape run shares. */
export interface EndPointContext {
  landscape: string;
  /** The landscape's parameters, "k=6 n=6". */
  parameters: string;
  seed: number;
  optimizer: string;
  step: number;
  beta: number;
  backend: string;
}

const PHASE_NAMES = ['descending', 'converged', 'exhausted', 'diverged'];

export function endPointRow(context: EndPointContext, e: EndPoint): (string | number)[] {
  return [
    context.landscape, context.parameters, context.seed, context.optimizer, context.step, context.beta, context.backend,
    e.run, e.steps, PHASE_NAMES[e.phase] ?? String(e.phase), e.descentLoss, e.descentGradientNorm, e.loss, e.gradientNorm,
    e.polishDistance, e.endClass, e.reason, e.index, e.degenerate ? 1 : 0,
  ];
}

/** Header and rows, "\n" line ends; `groups` are landscape runs, each with its context. */
export function endPointsCsv(groups: readonly { context: EndPointContext; endPoints: readonly EndPoint[] }[]): string {
  const lines = [END_POINT_COLUMNS.join(',')];
  for (const { context, endPoints } of groups) {
    for (const e of endPoints) lines.push(endPointRow(context, e).map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
