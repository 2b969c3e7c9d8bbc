import { describe, expect, it } from 'vitest';
import { formatSamples, positionOf, samplesAt, SAMPLES_STEPS } from '../../src/ui/samples-slider.ts';

describe('samples slider', () => {
  it('steps through 1, 2, 5 × 10^k from 1e3 to 1e9', () => {
    expect(SAMPLES_STEPS.slice(0, 4)).toEqual([1000, 2000, 5000, 10000]);
    expect(SAMPLES_STEPS).toHaveLength(19);
    expect(SAMPLES_STEPS[18]).toBe(1e9);
  });

  it('maps positions to values and back', () => {
    for (const [i, value] of SAMPLES_STEPS.entries()) {
      expect(samplesAt(i)).toBe(value);
      expect(positionOf(value)).toBe(i);
    }
  });

  it('snaps an in-between value to the nearest notch on a log scale', () => {
    expect(samplesAt(positionOf(30_000))).toBe(20_000); // |ln 1.5| < |ln(5/3)|
    expect(samplesAt(positionOf(40_000))).toBe(50_000);
  });

  it('clamps positions outside the slider', () => {
    expect(samplesAt(-3)).toBe(1000);
    expect(samplesAt(99)).toBe(1e9);
  });

  it('prints values a person can read at a glance', () => {
    expect(formatSamples(100_000)).toBe('100\u2009000');
    expect(formatSamples(2e7)).toBe('2e7');
    expect(formatSamples(1e9)).toBe('1e9');
  });
});
