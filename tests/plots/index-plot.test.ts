// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { indexPlot } from '../../src/plots/index-plot.ts';
import { indexPlotData } from '../../src/ui/plot-data.ts';
import { GOE_THEORIES } from '../../src/ensembles/wigner-common.ts';
import { HISTOGRAMS, mcRow, tidy } from './fixtures.ts';

const ns = [1, 2, 3, 4];
const data = () =>
  indexPlotData(
    ns.map((n) => ({ n, counts: HISTOGRAMS[n]! })),
    ns.map(mcRow),
    0,
    GOE_THEORIES,
  );

describe('indexPlot', () => {
  it('matches the snapshot for N = 1..4', () => {
    expect(tidy(indexPlot(data(), { document, idPrefix: 't' }))).toMatchSnapshot();
  });

  it('draws one column per N with one cell per index k', () => {
    const svg = indexPlot(data(), { document });
    const columns = svg.querySelectorAll('.column');
    expect(columns).toHaveLength(4);
    expect([...columns].map((c) => c.querySelectorAll('rect').length)).toEqual([2, 3, 4, 5]);
  });

  it('draws a mean line and a ±1σ band inside every column', () => {
    const svg = indexPlot(data(), { document });
    expect(svg.querySelectorAll('.moments rect.band')).toHaveLength(4);
    expect(svg.querySelectorAll('.moments path.mean')).toHaveLength(4);
    // N = 1: mean k/N = 0.5, so the mean sits at mid-height of the [0, 1] axis.
    const title = svg.querySelector('.column[data-n="1"] title')!.textContent;
    expect(title).toBe('N = 1: mean k/N = 0.500, σ = 0.500, 1\u2009000 samples');
  });

  it('shades the fullest cell of a column darkest', () => {
    const svg = indexPlot(data(), { document });
    const fills = [...svg.querySelectorAll('.column[data-n="4"] rect')].map((r) => r.getAttribute('fill'));
    // counts 0, 120, 760, 120, 0: k = 2 is the mode, k = 0 and 4 are empty (lightest).
    expect(fills[2]).toBe('rgb(47, 95, 150)');
    expect(fills[0]).toBe('rgb(241, 245, 250)');
    expect(fills[1]).toBe(fills[3]);
  });

  it('draws the semicircle limit for the shift it is given', () => {
    const svg = indexPlot({ ...data(), semicircleFraction: 0.5 }, { document });
    expect(svg.querySelector('.curve.semicircle')).not.toBeNull();
    expect(indexPlot({ columns: [] }, { document }).querySelector('.curve.semicircle')).toBeNull();
  });
});
