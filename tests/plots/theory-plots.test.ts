// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { alphaPlot } from '../../src/plots/alpha-plot.ts';
import { edgePlot } from '../../src/plots/edge-plot.ts';
import { indexPlot } from '../../src/plots/index-plot.ts';
import { spectrumPlot } from '../../src/plots/spectrum-plot.ts';
import { spectrumBins, emptySpectrum } from '../../src/stats/spectrum.ts';
import { alphaTheory, edgeTheory, indexSdTheory, spectrumTheory } from '../../src/stats/theory-curves.ts';
import { tidy } from './fixtures.ts';

const window = { xLo: -1.25, xHi: 1.25, bins: 64, scale: 8 };

/** A literal histogram: 100 matrices of N = 16, counts shaped like a semicircle. */
function histogram() {
  const h = emptySpectrum(window, 16);
  for (let j = 0; j < 64; j++) {
    const x = -1.25 + (j + 0.5) * (2.5 / 64);
    h.counts[j] = Math.round(1600 * (2.5 / 64) * (Math.abs(x) < 1 ? (2 / Math.PI) * Math.sqrt(1 - x * x) : 0));
  }
  h.matrices = 100;
  return h;
}

describe('spectrumPlot', () => {
  it('matches the snapshot with the semicircle', () => {
    const data = { bins: spectrumBins(histogram())!, n: 16, matrices: 100, xLabel: 'λ / 2√N', theory: spectrumTheory(['semicircle'], window, {}, 0) };
    expect(tidy(spectrumPlot(data, { document, idPrefix: 't' }))).toMatchSnapshot();
  });
  it('draws one bar per bin and only the theory it is given, labelled', () => {
    const bins = spectrumBins(histogram())!;
    const mp = spectrumTheory(['marchenko-pastur'], { ...window, xLo: 0, xHi: 3, scale: 1 }, { phi: 0.5 }, 0);
    const svg = spectrumPlot({ bins, n: 16, matrices: 100, xLabel: 'λ', theory: mp }, { document });
    expect(svg.querySelectorAll('.bars rect.bar.spectrum')).toHaveLength(64);
    expect(svg.querySelector('.curve.marchenko-pastur')).not.toBeNull();
    expect(svg.querySelector('.curve.semicircle')).toBeNull();
    expect(svg.querySelector('.legend')!.textContent).toContain('Marchenko–Pastur, φ = 0.5');
    const bare = spectrumPlot({ bins, n: 16, matrices: 100, xLabel: 'λ' }, { document });
    expect(bare.querySelectorAll('.curve')).toHaveLength(0);
  });
  it('gets the free convolution for gauss-newton-residual with ε > 0 and MP at ε = 0', () => {
    const w = { xLo: -0.5, xHi: 3.5, bins: 64, scale: 1 };
    expect(spectrumTheory(['free-convolution'], w, { phi: 0.5, epsilon: 0.05 }, 0)!.kind).toBe('free-convolution');
    expect(spectrumTheory(['free-convolution'], w, { phi: 0.5, epsilon: 0 }, 0)!.kind).toBe('marchenko-pastur');
    expect(spectrumTheory(['exact-table'], w, {}, 0)).toBeUndefined();
  });
});

describe('edgePlot', () => {
  const points = [
    { shift: 0.9, pMin: 0.3, lo: 0.27, hi: 0.33 },
    { shift: 1, pMin: 0.85, lo: 0.82, hi: 0.88 },
  ];
  it('matches the snapshot with Tracy–Widom at N = 64', () => {
    const theory = edgeTheory(['tracy-widom'], 64, [0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1]);
    expect(tidy(edgePlot({ n: 64, points, theory }, { document, idPrefix: 't' }))).toMatchSnapshot();
  });
  it('draws F₁ only where the ensemble lists tracy-widom', () => {
    expect(edgeTheory(['semicircle'], 64, [1])).toBeUndefined();
    const svg = edgePlot({ n: 64, points }, { document });
    expect(svg.querySelector('.curve.tracy-widom')).toBeNull();
    expect(svg.querySelectorAll('.point')).toHaveLength(2);
  });
});

describe('alphaPlot', () => {
  it('matches the snapshot for φ = 0.25 and 0.5 with ε_c marked', () => {
    const curves = [alphaTheory(0.25, 0.3, 13), alphaTheory(0.5, 0.3, 13)];
    expect(tidy(alphaPlot({ curves }, { document, idPrefix: 't' }))).toMatchSnapshot();
  });
  it('marks ε_c = 0.0113 for φ = 0.5 and none for φ ≥ 1', () => {
    const svg = alphaPlot({ curves: [alphaTheory(0.5, 0.2, 9), alphaTheory(2, 0.2, 9)] }, { document });
    expect([...svg.querySelectorAll('.critical-label')].map((t) => t.textContent)).toEqual(['ε_c = 0.0113']);
    expect(svg.querySelectorAll('.alpha-curve')).toHaveLength(2);
  });
});

describe('index-variance overlay', () => {
  it('applies to GOE at shift 0 only', () => {
    expect(indexSdTheory(['exact-table', 'semicircle'], 0, [4, 16])!.map((p) => Math.round(p.sd * 1e4))).toEqual([1553, 453]);
    expect(indexSdTheory(['exact-table', 'semicircle'], 0.2, [4])).toBeUndefined();
    expect(indexSdTheory(['semicircle', 'tracy-widom'], 0, [4])).toBeUndefined();
  });
  it('draws two dashes per column, labelled', () => {
    const svg = indexPlot({ columns: [{ n: 4, samples: 10, cells: [], mean: 0.5, sd: 0.1 }], indexSd: [{ n: 4, sd: 0.15 }] }, { document });
    expect(svg.querySelectorAll('.index-variance .curve.indexVariance')).toHaveLength(2);
    expect(svg.querySelector('.legend')!.textContent).toContain('ln N/π² + C');
  });
});
