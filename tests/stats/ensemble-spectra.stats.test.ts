// Every new ensemble's sampled spectrum at N = 64 against the law its registry entry lists
// (float64 CPU twin; the GPU kernel gives the same counts, tests/gpu/spectrum.gpu.test.ts).
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/config.ts';
import { ensembleSpectrumCounts } from '../../src/cpu/spectrum.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import { addCountsToSpectrum, emptySpectrum, spectrumThresholds } from '../../src/stats/spectrum.ts';
import { spectrumTheory, spectrumWindowFor } from '../../src/stats/theory-curves.ts';

/** ½Σ|p̂_j − p_j| over the bins, the mass outside the window included. */
function totalVariation(id: string, given: Record<string, number>, n: number, matrices: number): { tv: number; theory: string } {
  const entry = ensembleEntry(id);
  const params = { ...defaultParams(id), ...given };
  const theories = entry.theories(params);
  const window = spectrumWindowFor(theories, n, params, 0, 64);
  const counts = ensembleSpectrumCounts(entry, { seed: 3, n, shift: 0, params }, 0, matrices, spectrumThresholds(window))!;
  const h = addCountsToSpectrum(emptySpectrum(window, n), counts, matrices);
  const theory = spectrumTheory(theories, window, params, 0)!;
  const width = (window.xHi - window.xLo) / window.bins;
  const total = n * matrices;
  let tv = (h.below + h.above) / total;
  let inside = 0;
  theory.points.forEach((p, j) => {
    inside += p.y * width;
    tv += Math.abs(h.counts[j]! / total - p.y * width);
  });
  return { tv: (tv + Math.abs(1 - inside)) / 2, theory: theory.kind };
}

describe('sampled spectra at N = 64 against their limit laws (1000 matrices each)', () => {
  // Measured with scripts/measure-spectrum.ts (seed 1, 1000 matrices): TV 0.008–0.016 for these
  // (sampling noise ≈ 0.01 of it); 0.069 for wigner-t at ν = 3, whose heavy tails converge slowly.
  const cases: [string, Record<string, number>, string][] = [
    ['wigner-uniform', {}, 'semicircle'],
    ['wishart', { phi: 2 }, 'marchenko-pastur'],
    ['gauss-newton-residual', { phi: 0.5, epsilon: 0.05 }, 'free-convolution'],
  ];
  for (const [id, params, law] of cases) {
    it(`${id} ${JSON.stringify(params)} is within total variation 0.025 of the ${law} law`, () => {
      const { tv, theory } = totalVariation(id, params, 64, 1000);
      expect(theory).toBe(law);
      expect(tv).toBeLessThan(0.025);
    });
  }
  it('tells a wrong law apart: Wishart φ = 2 against φ = 1 misses by more than 0.1', () => {
    const entry = ensembleEntry('wishart');
    const window = spectrumWindowFor(['marchenko-pastur'], 32, { phi: 2 }, 0, 64);
    const counts = ensembleSpectrumCounts(entry, { seed: 3, n: 32, shift: 0, params: { phi: 2 } }, 0, 300, spectrumThresholds(window))!;
    const h = addCountsToSpectrum(emptySpectrum(window, 32), counts, 300);
    const wrong = spectrumTheory(['marchenko-pastur'], window, { phi: 1 }, 0)!;
    const width = (window.xHi - window.xLo) / 64;
    const tv = wrong.points.reduce((sum, p, j) => sum + Math.abs(h.counts[j]! / (32 * 300) - p.y * width), 0) / 2;
    expect(tv).toBeGreaterThan(0.1);
  });
});
