// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { endLossHistogram } from '../../src/plots/width/end-loss-histogram.ts';
import { spuriousRatePlot } from '../../src/plots/width/rate-plot.ts';
import { trajectoryPlot } from '../../src/plots/width/trajectory-plot.ts';
import { tidy } from './fixtures.ts';

const series = [
  { label: 'n = k', points: [{ k: 6, n: 6, rate: 0.004, lo: 0.001, hi: 0.015, runs: 500 }, { k: 8, n: 8, rate: 0.12, lo: 0.095, hi: 0.15, runs: 500 }] },
  { label: 'n = 1.5k', points: [{ k: 6, n: 9, rate: 0, lo: 0, hi: 0.0076, runs: 500 }] },
];

describe('Width plots', () => {
  it('draw one point with an interval bar per (k, n), a line per series, and match the snapshot', () => {
    const svg = spuriousRatePlot(series, { document, idPrefix: 't' });
    expect(svg.querySelectorAll('.point')).toHaveLength(3);
    expect(svg.querySelectorAll('.series .curve')).toHaveLength(1);
    expect(svg.querySelector('.point[data-k="8"] title')?.textContent).toBe('k = 8, n = 8: 12.0% of 500 runs (95%: 9.5–15.0%)');
    expect(tidy(svg)).toMatchSnapshot();
  });

  it('draw one path per trajectory, coloured by class', () => {
    const svg = trajectoryPlot({ stride: 25, label: 'k = 6, n = 6', trajectories: [
      { run: 0, endClass: 'global-minimum', log10Losses: [0, -2, -6, -12] },
      { run: 1, endClass: 'spurious-minimum', log10Losses: [0.1, -1, -1.6] },
    ] }, { document });
    const paths = [...svg.querySelectorAll('.trajectory')];
    expect(paths.map((p) => p.getAttribute('data-class'))).toEqual(['global-minimum', 'spurious-minimum']);
    expect(paths[0]!.getAttribute('stroke')).not.toBe(paths[1]!.getAttribute('stroke'));
  });

  it('stack end-loss bars by class', () => {
    const svg = endLossHistogram({ label: 'k = 6', bins: [
      { lo: -12, hi: -11.5, counts: { 'global-minimum': 40 } },
      { lo: -2, hi: -1.5, counts: { 'spurious-minimum': 3, saddle: 1 } },
    ] }, { document });
    expect([...svg.querySelectorAll('.loss-bar')].map((b) => b.getAttribute('data-class'))).toEqual(['global-minimum', 'spurious-minimum', 'saddle']);
  });
});
