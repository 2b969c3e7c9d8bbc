import { describe, expect, it } from 'vitest';
import { chiLogNormalizer, logChi, logNormalVar2 } from '../../src/stats/rare/densities.ts';
import { PiecewiseExp, buildWindowed, segmentMass } from '../../src/stats/rare/piecewise-exp.ts';
import { replicateInterval } from '../../src/stats/rare/replicate-interval.ts';
import { interpolate, segmentOf, softplusGrid } from '../../src/stats/rare/softplus-grid.ts';

/** Midpoint-rule integral of exp(logF) over [a, b]. */
function integrate(logF: (x: number) => number, a: number, b: number, steps = 200_000): number {
  const h = (b - a) / steps;
  let sum = 0;
  for (let j = 0; j < steps; j++) sum += Math.exp(logF(a + (j + 0.5) * h));
  return sum * h;
}

describe('densities', () => {
  it('normalizes the χ_k densities to 1 for k = 1, 2, 7, 40', () => {
    for (const k of [1, 2, 7, 40]) {
      const c = chiLogNormalizer(k);
      expect(integrate((b) => logChi(k, c, b), 0, Math.sqrt(k) + 12)).toBeCloseTo(1, 6);
    }
  });
  it('normalizes the N(0, 2) density and gives it variance 2', () => {
    expect(integrate(logNormalVar2, -20, 20)).toBeCloseTo(1, 8);
    expect(integrate((z) => logNormalVar2(z) + 2 * Math.log(Math.abs(z) + 1e-300), -20, 20)).toBeCloseTo(2, 6);
  });
});

describe('PiecewiseExp', () => {
  function exponentialByPieces(): PiecewiseExp {
    // ln f = −z at the nodes, tail rate 1: exactly the Exp(1) density.
    const pe = new PiecewiseExp(4);
    pe.z.set([0, 0.5, 1, 3]);
    pe.logValue.set([0, -0.5, -1, -3]);
    pe.finish(4, 0.1);
    return pe;
  }
  it('reproduces a log-linear density exactly, tail included', () => {
    const pe = exponentialByPieces();
    expect(pe.logTotal).toBeCloseTo(0, 14);
    for (const z of [0, 0.2, 0.99, 2.5, 3, 7]) expect(pe.logDensity(z)).toBeCloseTo(-z, 12);
    expect(pe.logDensity(-0.1)).toBe(-Infinity);
  });
  it('samples the density it evaluates (mean and P(z > 1) of Exp(1) on a 400×400 uniform lattice)', () => {
    const pe = exponentialByPieces();
    const side = 400;
    let mean = 0;
    let above = 0;
    for (let a = 0; a < side; a++) {
      for (let b = 0; b < side; b++) {
        const z = pe.sample((a + 0.5) / side, (b + 0.5) / side);
        mean += z / (side * side);
        if (z > 1) above += 1 / (side * side);
      }
    }
    expect(mean).toBeCloseTo(1, 2);
    expect(above).toBeCloseTo(Math.exp(-1), 3);
  });
  it('integrates a segment exactly, flat or steep', () => {
    expect(segmentMass(2, -1, -1)).toBeCloseTo(2 * Math.exp(-1), 14);
    expect(segmentMass(1, 0, -50)).toBeCloseTo((1 - Math.exp(-50)) / 50, 14);
    expect(segmentMass(1, -50, 0)).toBeCloseTo((1 - Math.exp(-50)) / 50, 14);
  });
  it('keeps the whole support after windowing (a Gaussian bump far from node 0)', () => {
    const nodes = Float64Array.from({ length: 401 }, (_, j) => j * 0.1);
    const logs = nodes.map((z) => -((z - 20) ** 2) / 2);
    const pe = new PiecewiseExp(nodes.length);
    buildWindowed(pe, nodes, logs, nodes.length, 30, 0.5);
    expect(pe.count).toBeLessThan(nodes.length);
    // The chords of a concave log lie below it: mass short by about h²/12 = 8.3e-4 (h = 0.1).
    const exact = 0.5 * Math.log(2 * Math.PI);
    expect(pe.logTotal).toBeLessThan(exact);
    expect(pe.logTotal).toBeGreaterThan(exact - 1e-3);
    expect(Number.isFinite(pe.logDensity(0.5))).toBe(true);
    expect(Number.isFinite(pe.logDensity(100))).toBe(true);
  });
});

describe('softplusGrid', () => {
  const grid = softplusGrid(1e-4, 50, 0.2);
  it('starts at 0, then the requested smallest node, and reaches the upper end', () => {
    expect(grid.nodes[0]).toBe(0);
    expect(grid.nodes[1]).toBeCloseTo(1e-4, 12);
    expect(grid.nodes[grid.nodes.length - 1]).toBeGreaterThanOrEqual(50);
  });
  it('locates every point in its segment', () => {
    for (const y of [0, 5e-5, 1e-4, 0.003, 0.7, 1, 13.37, 49.9]) {
      const j = segmentOf(grid, y);
      expect(grid.nodes[j]).toBeLessThanOrEqual(y);
      expect(grid.nodes[j + 1]).toBeGreaterThan(y);
    }
  });
  it('interpolates linearly and holds the last value beyond the grid', () => {
    const values = grid.nodes.map((y) => 3 * y - 1);
    expect(interpolate(grid, values, 7.123)).toBeCloseTo(3 * 7.123 - 1, 10);
    expect(interpolate(grid, values, 1e6)).toBe(values[values.length - 1]);
  });
});

describe('replicateInterval', () => {
  it('centres on mean + s²/2 with half-width t·s/√R', () => {
    const ys = [-10.1, -10.0, -9.9, -10.2, -9.8];
    const r = replicateInterval(ys);
    const s2 = 0.025; // sample variance of ys
    expect(r.logSd).toBeCloseTo(Math.sqrt(s2), 12);
    expect(r.logP).toBeCloseTo(-10 + s2 / 2, 12);
    expect(r.logHi - r.logP).toBeCloseTo(2.776445105 * Math.sqrt(s2 / 5), 8);
    expect(r.logPooled).toBeCloseTo(Math.log(ys.reduce((a, y) => a + Math.exp(y), 0) / 5), 12);
  });
  it('works far below the smallest double (ln P ≈ −1000)', () => {
    const r = replicateInterval([-1000.001, -999.999]);
    expect(r.logPooled).toBeCloseTo(-1000, 5);
    expect(Number.isFinite(r.logLo)).toBe(true);
  });
  // Reference: R 4.x, qt(0.975, 1) = 12.70620474 (two replicates, one degree of freedom).
  it('widens to t_{0.975, 1}·s/√2 with two replicates', () => {
    const r = replicateInterval([-5.01, -4.99]);
    expect(r.logHi - r.logP).toBeCloseTo(12.70620474 * (Math.sqrt(0.0002) / Math.SQRT2), 8);
  });
  it('needs two replicates', () => expect(() => replicateInterval([-1])).toThrow(/invalid replicates: 1/));
});
