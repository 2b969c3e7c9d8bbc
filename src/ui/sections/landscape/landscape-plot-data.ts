// What the Landscape plots draw, computed from the worker's results (plots compute nothing):
// trajectory quantile bands, end-energy bins, best-of-R restarts and the theory curve.

import { pspinGroundState, pspinIndexFraction, pspinThreshold } from '../../../stats/pspin-theory.ts';
import type { EndEnergy, EnergyTrajectory } from './landscape-protocol.ts';

export interface Band {
  step: number;
  lo: number;
  median: number;
  hi: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** 10%, 50% and 90% quantiles of u per recorded step, over the runs still recorded there. */
export function trajectoryBand(trajectories: readonly EnergyTrajectory[], recordEvery: number): Band[] {
  const longest = Math.max(0, ...trajectories.map((t) => t.energies.length));
  const band: Band[] = [];
  for (let slot = 0; slot < longest; slot++) {
    const values = trajectories.map((t) => t.energies[slot]).filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
    if (values.length === 0) break;
    band.push({ step: slot * recordEvery, lo: quantile(values, 0.1), median: quantile(values, 0.5), hi: quantile(values, 0.9) });
  }
  return band;
}

export interface EnergyBin {
  lo: number;
  hi: number;
  count: number;
}

/** Polished end energies of the minima and saddles (not-converged runs left out), in 30 bins. */
export function energyBins(ends: readonly EndEnergy[], bins = 30): EnergyBin[] {
  const values = ends.filter((e) => e.endClass !== 'not-converged' && Number.isFinite(e.energy)).map((e) => e.energy);
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = Math.max(hi - lo, 1e-6) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ lo: lo + i * width, hi: lo + (i + 1) * width, count: 0 }));
  for (const v of values) out[Math.min(bins - 1, Math.floor((v - lo) / width))]!.count++;
  return out;
}

/**
 * Mean best-of-R end energy for R = 1, 2, 4, …: per disorder the exact mean of the minimum over
 * all R-subsets of its m runs (the k-th smallest is the minimum with probability
 * C(m − k, R − 1)/C(m, R)), then averaged over disorders.
 */
export function bestOfR(ends: readonly EndEnergy[]): { r: number; energy: number }[] {
  const byDisorder = new Map<number, number[]>();
  for (const e of ends) {
    if (e.endClass === 'not-converged' || !Number.isFinite(e.energy)) continue;
    byDisorder.set(e.disorder, [...(byDisorder.get(e.disorder) ?? []), e.energy]);
  }
  const sets = [...byDisorder.values()].map((v) => v.sort((a, b) => a - b));
  if (sets.length === 0) return [];
  const smallest = Math.min(...sets.map((v) => v.length));
  const out: { r: number; energy: number }[] = [];
  for (let r = 1; r <= smallest; r *= 2) {
    let total = 0;
    for (const v of sets) {
      const m = v.length;
      let probability = r / m;
      let mean = 0;
      for (let k = 1; k <= m - r + 1; k++) {
        mean += probability * v[k - 1]!;
        probability *= (m - k - r + 1) / (m - k);
      }
      total += mean;
    }
    out.push({ r, energy: total / sets.length });
  }
  return out;
}

/** F(−s(u)) on a grid of u, and the marks the plots draw. */
export function theoryCurve(p: number): { u: number; fraction: number }[] {
  const curve: { u: number; fraction: number }[] = [];
  for (let u = -2; u <= 2.0001; u += 0.02) curve.push({ u, fraction: pspinIndexFraction(u, p) });
  return curve;
}

export function energyMarks(p: number): { groundState?: number; threshold: number } {
  return { groundState: pspinGroundState(p), threshold: -pspinThreshold(p) };
}
