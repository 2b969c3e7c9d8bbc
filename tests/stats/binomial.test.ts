import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/binomial.ts';

describe('wilsonInterval', () => {
  // Reference values: R 4.x, binom::binom.confint(x, n, method = "wilson").
  it('matches the textbook value for 5 of 100', () => {
    const interval = wilsonInterval(5, 100)!;
    expect(interval.lo).toBeCloseTo(0.02154, 4);
    expect(interval.hi).toBeCloseTo(0.11175, 4);
  });
  it('gives an upper bound, not a bare zero, for zero successes', () => {
    const interval = wilsonInterval(0, 1000)!;
    expect(interval.lo).toBe(0);
    expect(interval.hi).toBeCloseTo(3.8415 / 1003.8415, 6);
  });
  it('is symmetric under swapping successes and failures', () => {
    const a = wilsonInterval(30, 200)!;
    const b = wilsonInterval(170, 200)!;
    expect(a.lo).toBeCloseTo(1 - b.hi, 12);
    expect(a.hi).toBeCloseTo(1 - b.lo, 12);
  });
  it('contains the point estimate', () => {
    const interval = wilsonInterval(1, 3)!;
    expect(interval.lo).toBeLessThan(1 / 3);
    expect(interval.hi).toBeGreaterThan(1 / 3);
  });
  it('is undefined for no trials', () => expect(wilsonInterval(0, 0)).toBeUndefined());
});
