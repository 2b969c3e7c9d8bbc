import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/config.ts';
import { exactSummaries } from '../../src/engine/exact-rows.ts';
import { rareSummaries } from '../../src/engine/rare-rows.ts';
import { summaryCsv } from '../../src/export/csv.ts';

const config = (method: 'exact' | 'rare', ns: number[], shift = 0): RunConfig => ({
  ensemble: 'goe', params: {}, ns, samples: 1, shift, seed: 1, method, backend: 'cpu',
});

const field = (csv: string, row: number, column: string): string => {
  const [header, ...rows] = csv.trimEnd().split('\n');
  return rows[row]!.split(',')[header!.split(',').indexOf(column)]!;
};

describe('rows without a histogram (exact, rare)', () => {
  it('leave p_min empty once it would be a subnormal double (N = 51), never a 5-digit approximation', () => {
    const csv = summaryCsv(exactSummaries(config('exact', [50, 51])));
    expect(Number(field(csv, 0, 'p_min'))).toBeGreaterThan(2.2250738585072014e-308);
    expect(field(csv, 1, 'p_min')).toBe('');
    expect(Number(field(csv, 1, 'log10_p_min'))).toBeLessThan(-307.65);
  });

  it('carry no seed for exact values, where nothing is random', () => {
    expect(field(summaryCsv(exactSummaries(config('exact', [3]))), 0, 'seed')).toBe('');
  });

  it('keep finite log10 columns at N = 60, far below a double', () => {
    const csv = summaryCsv(exactSummaries(config('exact', [60])));
    for (const column of ['log10_p_min', 'log10_p_min_lo', 'log10_p_min_hi']) {
      expect(Number(field(csv, 0, column))).toBeCloseTo(-439.4924, 3);
    }
    expect(field(csv, 0, 'p_min')).toBe(''); // 1e-439 underflows: empty, never a false 0
    expect(field(csv, 0, 'samples')).toBe('');
  });

  it('give exact rows the tabulated P_2 = (2 − √2)/4', () => {
    expect(exactSummaries(config('exact', [2]))[0]!.pMin).toBeCloseTo((2 - Math.SQRT2) / 4, 14);
  });

  it('name the missing entry when the exact table has no such shift', () => {
    expect(() => exactSummaries(config('exact', [3], 0.123))).toThrow('invalid shift: "0.123" (no exact value for N = 3 at this shift');
  });

  it('carry a rare-event estimate at N = 60 with finite log10 bounds around the exact value', async () => {
    const {
      rows: [row],
    } = await rareSummaries(config('rare', [60]));
    expect(row!.method).toBe('rare');
    expect(row!.log10PMinLo).toBeLessThan(-439.4924);
    expect(row!.log10PMinHi).toBeGreaterThan(-439.4924);
    expect(Number.isFinite(Number(field(summaryCsv([row!]), 0, 'log10_p_min')))).toBe(true);
  }, 60_000);
});
