import { describe, expect, it } from 'vitest';
import { pspinGroundState, pspinIndexFraction, pspinShift, pspinThreshold } from '../../src/stats/pspin-theory.ts';

describe('p-spin index theory F(−s(u)), s = −u/E_∞', () => {
  it('puts the threshold at E_∞ = 2√((p−1)/p): 1.63299 at p = 3, √2 at p = 2', () => {
    expect(pspinThreshold(3)).toBeCloseTo(1.632993, 6);
    expect(pspinThreshold(2)).toBe(Math.SQRT2);
  });

  it('has no negative directions at and below −E_∞, half at u = 0, all at and above +E_∞', () => {
    for (const p of [2, 3]) {
      const e = pspinThreshold(p);
      expect(pspinShift(-e, p)).toBeCloseTo(1, 15);
      expect(pspinIndexFraction(-e, p)).toBe(0);
      expect(pspinIndexFraction(-1.7, p)).toBe(0);
      expect(pspinIndexFraction(0, p)).toBeCloseTo(0.5, 15);
      expect(pspinIndexFraction(e, p)).toBe(1);
    }
  });

  it('rises like (u + E_∞)^(3/2) just above the threshold (the semicircle edge)', () => {
    // Near s = 1 the semicircle fraction is ∝ (1 − s)^(3/2): doubling the distance multiplies it by 2^(3/2).
    const e = pspinThreshold(3);
    const ratio = pspinIndexFraction(-e + 2e-4, 3) / pspinIndexFraction(-e + 1e-4, 3);
    expect(ratio).toBeCloseTo(2 ** 1.5, 2);
  });

  it('quotes the ground state below the threshold: −√2 at p = 2 (= −E_∞), ≈ −1.657 at p = 3', () => {
    expect(pspinGroundState(2)).toBe(-Math.SQRT2);
    expect(pspinGroundState(3)!).toBeLessThan(-pspinThreshold(3));
  });
});
