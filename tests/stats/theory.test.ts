import { describe, expect, it } from 'vitest';
import {
  log10LargeDeviation, log10NaiveCoinFlip, semicircleIndexFraction,
} from '../../src/stats/theory.ts';

describe('theory curves', () => {
  it('naive guess is 2^-N', () => expect(10 ** log10NaiveCoinFlip(10)).toBeCloseTo(1 / 1024, 12));
  it('large-deviation law gives about 1e-198 at N = 40 (DESIGN.md)', () =>
    expect(log10LargeDeviation(40)).toBeCloseTo(-190.8, 1));
  it('index fraction is one half without a shift and zero past the edge', () => {
    expect(semicircleIndexFraction(0)).toBeCloseTo(0.5, 15);
    expect(semicircleIndexFraction(1)).toBe(0);
    expect(semicircleIndexFraction(-0.5) + semicircleIndexFraction(0.5)).toBeCloseTo(1, 15);
  });
});
