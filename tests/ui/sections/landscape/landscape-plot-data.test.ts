import { describe, expect, it } from 'vitest';
import { bestOfR, energyBins, theoryCurve, trajectoryBand } from '../../../../src/ui/sections/landscape/landscape-plot-data.ts';

const end = (disorder: number, energy: number, endClass = 'minimum') => ({ disorder, run: 0, energy, index: 0, endClass });

/** Mean of the minimum over every R-subset, by enumeration. */
function bruteBestOf(values: number[], r: number): number {
  let total = 0;
  let count = 0;
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === r) {
      total += Math.min(...chosen);
      count++;
      return;
    }
    for (let i = start; i < values.length; i++) pick(i + 1, [...chosen, values[i]!]);
  };
  pick(0, []);
  return total / count;
}

describe('Landscape plot data', () => {
  it('gives the exact mean best-of-R over all R-subsets, averaged over disorders', () => {
    const a = [-1.2, -1.5, -1.3, -1.45, -1.1, -1.52, -1.4, -1.33];
    const b = [-1.0, -1.6, -1.25, -1.35, -1.3, -1.5, -1.48, -1.2];
    const ends = [...a.map((u) => end(0, u)), ...b.map((u) => end(1, u)), end(1, -9, 'not-converged')];
    const curve = bestOfR(ends);
    expect(curve.map((p) => p.r)).toEqual([1, 2, 4, 8]);
    for (const { r, energy } of curve) expect(energy).toBeCloseTo((bruteBestOf(a, r) + bruteBestOf(b, r)) / 2, 12);
  });

  it('bands the middle 80% of the runs still recorded at each step', () => {
    const energies = (values: number[]) => ({ disorder: 0, run: 0, energies: Float32Array.from(values) });
    const band = trajectoryBand([energies([0, -1, NaN]), energies([0.5, -0.5, -1.5]), energies([1, 0, -1])], 10);
    expect(band.map((b) => b.step)).toEqual([0, 10, 20]);
    expect(band[0]).toEqual({ step: 0, lo: 0.1, median: 0.5, hi: 0.9 });
    expect(band[2]!.median).toBeCloseTo(-1.25, 6);
  });

  it('bins only converged end energies and keeps every one', () => {
    const bins = energyBins([end(0, -1.5), end(0, -1.4), end(0, -1.45), end(0, 3, 'not-converged')], 5);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(bins[0]!.lo).toBe(-1.5);
    expect(bins.at(-1)!.count).toBe(1);
  });

  it('draws the theory from F(−s) = 0 at −E∞ to 1 at +E∞', () => {
    const curve = theoryCurve(3);
    expect(curve[0]!.fraction).toBe(0);
    expect(curve.at(-1)!.fraction).toBe(1);
    expect(curve.find((c) => Math.abs(c.u) < 1e-9)!.fraction).toBeCloseTo(0.5, 12);
  });
});
