import { describe, expect, it } from 'vitest';
import { estimateRare } from '../../src/stats/rare/estimate.ts';
import { computeTwist } from '../../src/stats/rare/twist.ts';

const small = { replicates: 3, budget: { particles: 16 } };

describe('computeTwist', () => {
  it('gives P_1 = ½ from its own quadrature', async () => {
    const twist = await computeTwist(1, 0);
    expect(twist.logPQuadrature).toBeCloseTo(Math.log(0.5), 2);
  });
  it('gives P_2 = (2 − √2)/4 from its own quadrature to within 1%', async () => {
    const twist = await computeTwist(2, 0);
    expect(Math.abs(twist.logPQuadrature - Math.log((2 - Math.SQRT2) / 4))).toBeLessThan(0.01);
  });
});

describe('estimateRare', () => {
  it('gives P_2 = (2 − √2)/4 inside a narrow interval', async () => {
    const e = await estimateRare({ n: 2, shift: 0, seed: 5, ...small });
    const exact = Math.log10((2 - Math.SQRT2) / 4);
    expect(e.log10Lo).toBeLessThanOrEqual(exact);
    expect(e.log10Hi).toBeGreaterThanOrEqual(exact);
    expect(e.log10Hi - e.log10Lo).toBeLessThan(0.01);
  });
  it('is reproducible from the seed and changes with it', async () => {
    const a = await estimateRare({ n: 5, shift: 0.1, seed: 9, ...small });
    const b = await estimateRare({ n: 5, shift: 0.1, seed: 9, ...small });
    const c = await estimateRare({ n: 5, shift: 0.1, seed: 10, ...small });
    expect(b.log10Replicates).toEqual(a.log10Replicates);
    expect(c.log10Replicates).not.toEqual(a.log10Replicates);
  });
  it('reports what it did', async () => {
    const e = await estimateRare({ n: 4, shift: 0, seed: 1, ...small });
    expect(e).toMatchObject({ n: 4, shift: 0, seed: 1, replicates: 3, particles: 16, evaluations: 48 });
    expect(e.log10Replicates).toHaveLength(3);
    expect(e.elapsedS).toBeGreaterThan(0);
    expect(e.log10Lo).toBeLessThan(e.log10P);
    expect(e.log10Hi).toBeGreaterThan(e.log10P);
  });
  it('reports progress that rises to 1', async () => {
    const seen: number[] = [];
    await estimateRare({ n: 30, shift: 0, seed: 1, replicates: 2, budget: { particles: 64 }, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let j = 1; j < seen.length; j++) expect(seen[j]).toBeGreaterThanOrEqual(seen[j - 1]);
  });
  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const run = estimateRare({ n: 40, shift: 0, seed: 1, replicates: 50, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(run).rejects.toThrow(/abort/i);
  });
  it('names the field and value it rejects', async () => {
    await expect(estimateRare({ n: 0, shift: 0, seed: 1 })).rejects.toThrow(/invalid n: "0"/);
    await expect(estimateRare({ n: 3, shift: Number.NaN, seed: 1 })).rejects.toThrow(/invalid shift: "NaN"/);
    await expect(estimateRare({ n: 3, shift: 0, seed: 1, replicates: 1 })).rejects.toThrow(/invalid replicates: "1"/);
    await expect(estimateRare({ n: 3, shift: 0, seed: 1, budget: { particles: 1.5 } })).rejects.toThrow(
      /invalid budget.particles: "1.5"/,
    );
    await expect(estimateRare({ n: 3, shift: 0, seed: 1, budget: { grid: { cut: -1 } } })).rejects.toThrow(
      /invalid budget.grid.cut: "-1"/,
    );
  });
});

describe('estimateRare as P(min) → 1 (large shifts)', () => {
  // The seeded checks that the estimate is unbiased as P → 1: tests/stats/rare-large-shift.stats.test.ts.
  it('refuses a shift past its documented range instead of building a grid the size of s·R', async () => {
    await expect(estimateRare({ n: 3, shift: 1e5, seed: 1 })).rejects.toThrow('invalid shift: "100000" (must be a number in [-100, 6] for method rare)');
    await expect(estimateRare({ n: 3, shift: -1e308, seed: 1 })).rejects.toThrow('invalid shift');
  });
  it('matches the closed form P_1(s) = Φ(√2·s) at s = −30', async () => {
    const exact = -392.89200084018056; // mpmath: log10(ncdf(sqrt(2)*(-30)))
    const e = await estimateRare({ n: 1, shift: -30, seed: 1 });
    expect(e.log10Lo).toBeLessThanOrEqual(exact);
    expect(e.log10Hi).toBeGreaterThanOrEqual(exact);
  });
});
