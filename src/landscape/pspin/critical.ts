// Critical points of every index, not only minima: damped Newton on the sphere
// (critical-point.ts; a step is kept only if it lowers ‖g_T‖, i.e. Newton on |∇H|²) started from
// points along descent trajectories spread over energies, as Pennington & Bahri (ICML 2017)
// seed their saddle search. A point is kept only if it meets the polishing criterion; repeats
// and sign images are merged: for p = 2, −σ is the same critical point (H is even); for p = 3
// it is the mirror critical point at −u with index N − 1 − k (H is odd), which carries no new
// information, so the pair counts once, as the member found first.

import { polishAndRead, type PspinPoint } from './critical-point.ts';
import type { PspinLandscape } from './landscape.ts';

/** Two critical points closer than this RMS distance (up to sign) are one point. */
export const DEDUPE_RMS = 1e-6;

function rmsDistance(a: Float64Array, b: Float64Array, sign: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - sign * b[i];
    s += d * d; // a product, not ** 2 (a pow call): the same bits in every engine
  }
  return Math.sqrt(s / a.length);
}

export function sameUpToSign(a: Float64Array, b: Float64Array): boolean {
  return rmsDistance(a, b, 1) < DEDUPE_RMS || rmsDistance(a, b, -1) < DEDUPE_RMS;
}

export interface CriticalSearch {
  /** Distinct polished critical points, in the order found. */
  points: PspinPoint[];
  /** For each point, the position of the start it came from in `starts`. */
  sources: number[];
  /** Starts tried, starts whose Newton run failed the criterion, and repeats merged. */
  tried: number;
  failed: number;
  repeats: number;
}

export function findCriticalPoints(landscape: PspinLandscape, starts: readonly Float64Array[], maxNewton = 60): CriticalSearch {
  const points: PspinPoint[] = [];
  const sources: number[] = [];
  let failed = 0;
  let repeats = 0;
  for (const [at, start] of starts.entries()) {
    const found = polishAndRead(landscape, start, maxNewton);
    if (!found.polished) {
      failed++;
      continue;
    }
    if (points.some((q) => sameUpToSign(q.sigma, found.sigma))) {
      repeats++;
      continue;
    }
    points.push(found);
    sources.push(at);
  }
  return { points, sources, tried: starts.length, failed, repeats };
}
