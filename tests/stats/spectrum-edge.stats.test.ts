// Sampled spectra against their limit laws, on the CPU twins (float64).
import { describe, expect, it } from 'vitest';
import { denseGoeMatrix } from '../../src/ensembles/goe.ts';
import { denseSpectrumCounts, tridiagonalSpectrumCounts } from '../../src/cpu/spectrum.ts';
import { tridiagonalGoeMatrix } from '../../src/ensembles/goe-tridiagonal.ts';
import { semicircleCdf } from '../../src/stats/semicircle-density.ts';
import { addCountsToSpectrum, emptySpectrum, spectrumBins, spectrumThresholds } from '../../src/stats/spectrum.ts';
import { tracyWidomGoeCdf } from '../../src/stats/tracy-widom.ts';

describe('GOE spectrum and smallest eigenvalue against theory', () => {
  it('has the semicircle’s bin masses within 0.004 in the bulk at N = 64 (400 matrices, Householder + Sturm)', () => {
    const n = 64;
    const window = { xLo: -1.25, xHi: 1.25, bins: 64, scale: 2 * Math.sqrt(n) };
    const h = emptySpectrum(window, n);
    const counts = denseSpectrumCounts((i, out) => denseGoeMatrix(21, n, 0, i, out), n, 0, 400, spectrumThresholds(window));
    addCountsToSpectrum(h, counts, 400);
    const bins = spectrumBins(h)!;
    const bulk = bins.filter((b) => Math.abs(b.xLo) < 0.8 && Math.abs(b.xHi) < 0.8);
    // Binomial s.e. of a bin's mass ≈ √(0.03/25600) ≈ 0.001; finite-N bias is smaller in the bulk.
    for (const b of bulk) expect(Math.abs(b.count / (n * 400) - (semicircleCdf(b.xHi) - semicircleCdf(b.xLo))), `bin ${b.xLo}`).toBeLessThan(0.004);
    expect(h.below + h.above).toBe(0);
  });

  it('has P(λ_min > −2√N − tN^(−1/6)) within 0.025 of F₁(t) at N = 1024 (tridiagonal model, 4000 matrices), and a √2-wrong scale would miss by > 0.1', () => {
    const n = 1024;
    const ts = [-3, -2, -1, 0, 1];
    const matrices = 4000;
    const survived = ts.map(() => 0);
    const thresholds = ts.map((t) => -2 * Math.sqrt(n) - t * n ** (-1 / 6));
    for (let index = 0; index < matrices; index++) {
      tridiagonalSpectrumCounts((i) => tridiagonalGoeMatrix(1, n, 0, i), index, 1, thresholds).forEach((c, j) => { if (c === 0) survived[j]!++; });
    }
    // Measured bias at N = 1024: ≤ 0.013 (README, scripts/measure-edge.ts); s.e. ≤ 0.008.
    ts.forEach((t, j) => expect(Math.abs(survived[j]! / matrices - tracyWidomGoeCdf(t)), `t = ${t}`).toBeLessThan(0.025 + 0.008));
    const wrong = ts.map((t, j) => Math.abs(survived[j]! / matrices - tracyWidomGoeCdf(t * Math.SQRT2)));
    expect(Math.max(...wrong)).toBeGreaterThan(0.1);
  });
});
