// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { endEnergyHistogram } from '../../../src/plots/landscape/end-energy-histogram.ts';
import { energyTrajectoryPlot } from '../../../src/plots/landscape/energy-trajectories.ts';
import { indexEnergyPlot } from '../../../src/plots/landscape/index-energy-plot.ts';
import { restartsPlot } from '../../../src/plots/landscape/restarts-plot.ts';

describe('Landscape plots (jsdom)', () => {
  it('draws one thin line per run, one band and the threshold', () => {
    const svg = energyTrajectoryPlot({
      recordEvery: 10, threshold: -1.633,
      lines: [{ run: 0, energies: [0, -1, -1.4] }, { run: 1, energies: [0.1, -0.9, NaN] }],
      band: [{ step: 0, lo: 0, median: 0.05, hi: 0.1 }, { step: 10, lo: -1, median: -0.95, hi: -0.9 }],
    }, { document });
    expect(svg.querySelectorAll('.trajectory')).toHaveLength(2);
    expect(svg.querySelectorAll('.energy-band')).toHaveLength(1);
    expect(svg.querySelectorAll('.threshold')).toHaveLength(1);
    expect(svg.getAttribute('role')).toBe('img');
  });

  it('marks u₀ and −E∞ on the end-energy histogram, a bar per non-empty bin', () => {
    const svg = endEnergyHistogram({ bins: [{ lo: -1.5, hi: -1.45, count: 3 }, { lo: -1.45, hi: -1.4, count: 0 }, { lo: -1.4, hi: -1.35, count: 1 }], groundState: -1.657, threshold: -1.633 }, { document });
    expect(svg.querySelectorAll('.energy-bar')).toHaveLength(2);
    expect(svg.querySelector('.ground-state-label')!.textContent).toBe('u₀');
    expect(svg.querySelector('.threshold-label')!.textContent).toBe('−E∞');
  });

  it('puts each critical point and the theory curve on the index plot, and each R on the restarts plot', () => {
    const index = indexEnergyPlot({ dots: [{ energy: -1.2, indexFraction: 0.05 }, { energy: 0, indexFraction: 0.5 }], theory: [{ u: -2, fraction: 0 }, { u: 2, fraction: 1 }], threshold: -1.633 }, { document });
    expect(index.querySelectorAll('.critical-point')).toHaveLength(2);
    expect(index.querySelectorAll('.theory')).toHaveLength(1);
    const restarts = restartsPlot({ points: [{ r: 1, energy: -1.4 }, { r: 2, energy: -1.45 }, { r: 4, energy: -1.5 }], threshold: -1.633 }, { document });
    expect(restarts.querySelectorAll('.point')).toHaveLength(3);
    expect([...restarts.querySelectorAll('.axis.x .tick text')].map((t) => t.textContent)).toEqual(['1', '2', '4']);
  });
});
