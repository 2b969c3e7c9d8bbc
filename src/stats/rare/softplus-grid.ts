// A grid on [0, ∞) that is logarithmic near 0 and uniform far from it: node 0 is 0 and node
// j ≥ 1 is softplus(v_lo + (j − 1)·Δv), softplus(v) = ln(1 + e^v). For v ≪ 0 softplus(v) ≈ e^v
// (relative spacing Δv, what functions like e^{−C/y²} near a hard wall need); for v ≫ 0 it is
// ≈ v (absolute spacing Δv, what Gaussian factors of fixed width need). The inverse
// v = y + ln(1 − e^{−y}) locates any point in O(1).

import { exp, expm1, log, log1p } from '../portable-math.ts';

export interface SoftplusGrid {
  /** node positions, nodes[0] = 0, increasing. */
  readonly nodes: Float64Array;
  readonly vLo: number;
  readonly dv: number;
}

export function softplus(v: number): number {
  return v > 35 ? v : log1p(exp(v));
}

/** Inverse of softplus for y > 0. */
export function softplusInverse(y: number): number {
  return y > 35 ? y : y + log(-expm1(-y));
}

/** Nodes from 0 through the first one at or beyond `hi`; the first positive node is `lo`. */
export function softplusGrid(lo: number, hi: number, dv: number): SoftplusGrid {
  const vLo = softplusInverse(lo);
  const vHi = softplusInverse(hi);
  const positive = Math.ceil((vHi - vLo) / dv) + 1;
  const nodes = new Float64Array(positive + 1);
  for (let j = 1; j <= positive; j++) nodes[j] = softplus(vLo + (j - 1) * dv);
  return { nodes, vLo, dv };
}

/**
 * Index j of the segment [nodes[j], nodes[j+1]) holding y ≥ 0; the last node's index when y is
 * at or beyond it.
 */
export function segmentOf(grid: SoftplusGrid, y: number): number {
  const { nodes } = grid;
  const last = nodes.length - 1;
  if (y >= nodes[last]) return last;
  if (y < nodes[1]) return 0;
  let j = 1 + Math.floor((softplusInverse(y) - grid.vLo) / grid.dv);
  if (j > last - 1) j = last - 1;
  if (j < 1) j = 1;
  // Rounding in the inverse can land one node off.
  while (j > 1 && nodes[j] > y) j--;
  while (j < last - 1 && nodes[j + 1] <= y) j++;
  return j;
}

/**
 * The table value at y, linear between nodes (constant beyond the last node): the twisting
 * functions and their log-values are read this way everywhere, so one definition is shared.
 */
export function interpolate(grid: SoftplusGrid, values: Float64Array, y: number): number {
  const { nodes } = grid;
  const j = segmentOf(grid, y);
  if (j === nodes.length - 1) return values[j];
  const t = (y - nodes[j]) / (nodes[j + 1] - nodes[j]);
  return values[j] + t * (values[j + 1] - values[j]);
}
