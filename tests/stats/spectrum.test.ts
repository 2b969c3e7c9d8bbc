import { describe, expect, it } from 'vitest';
import { addCountsToSpectrum, emptySpectrum, mergeSpectra, spectrumBins, spectrumThresholds } from '../../src/stats/spectrum.ts';

const window = { xLo: -1, xHi: 1, bins: 64, scale: 4 };

describe('spectrum accumulator', () => {
  it('places K + 1 thresholds at scale·x_j', () => {
    const t = spectrumThresholds(window);
    expect(t).toHaveLength(65);
    expect([t[0], t[32], t[64]]).toEqual([-4, 0, 4]);
  });
  it('turns counts below the thresholds into bins, below and above', () => {
    const h = emptySpectrum(window, 3);
    // one matrix with eigenvalues −5 (below), 0.01 (bin 32) and 3.99 (bin 63)
    const below = spectrumThresholds(window).map((x) => [-5, 0.01, 3.99].filter((e) => e < x).length);
    addCountsToSpectrum(h, below, 1);
    expect(h.below).toBe(1);
    expect(h.above).toBe(0);
    expect(h.counts[32]).toBe(1);
    expect(h.counts[63]).toBe(1);
    expect(spectrumBins(h)![32]!.density).toBeCloseTo(1 / (3 * (2 / 64)), 12);
  });
  it('merges by addition, and refuses a different window', () => {
    const a = emptySpectrum(window, 2);
    const b = emptySpectrum(window, 2);
    a.counts[3] = 2;
    a.matrices = 1;
    b.counts[3] = 1;
    b.above = 1;
    b.matrices = 1;
    expect(mergeSpectra(a, b)).toMatchObject({ matrices: 2, above: 1 });
    expect(a.counts[3]).toBe(3);
    expect(() => mergeSpectra(a, emptySpectrum({ ...window, xHi: 2 }, 2))).toThrow('spectra differ');
  });
  it('is undefined when empty and names a bad window', () => {
    expect(spectrumBins(emptySpectrum(window, 4))).toBeUndefined();
    expect(() => emptySpectrum({ ...window, bins: 10 }, 4)).toThrow('invalid bins: 10');
    expect(() => emptySpectrum({ ...window, xHi: -2 }, 4)).toThrow('invalid spectrum window');
  });
});
