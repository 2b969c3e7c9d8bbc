// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pMinPlot, markKind } from '../../src/plots/pmin-plot.ts';
import { mcRow, rareRow, smallData, theory, tidy } from './fixtures.ts';

const render = (data = smallData()) => pMinPlot(data, { document, idPrefix: 't' });

describe('pMinPlot', () => {
  it('matches the snapshot for four Monte Carlo N, one rare-event point and the theory', () => {
    expect(tidy(render())).toMatchSnapshot();
  });

  it('builds its nodes with the document it is given, not the global one', () => {
    const other = document.implementation.createHTMLDocument('other');
    const svg = pMinPlot(smallData(), { document: other });
    expect(svg.ownerDocument).toBe(other);
  });

  // Wilson bounds by hand: x = 0, n = 1000 gives z²/(n + z²) = 3.8415/1003.84 = 3.83e−3;
  // x = 146 gives 0.14736 ± 0.02189.
  it('draws a zero-count N as an upper bound at the interval top, never at P = 0', () => {
    const svg = render();
    const bound = svg.querySelector('.point.bound[data-n="4"]');
    expect(bound).not.toBeNull();
    expect(bound!.querySelector('circle')).toBeNull();
    expect(bound!.getAttribute('aria-label')).toMatch(/no minimum in 1\u2009000 samples, P < 3\.83e−3/);
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('draws Monte Carlo points with interval bars and rare-event points as diamonds', () => {
    const svg = render();
    expect(svg.querySelectorAll('.point.mc circle.mark.mc')).toHaveLength(3);
    expect(svg.querySelectorAll('.point.mc path.bar.mc')).toHaveLength(3);
    expect(svg.querySelectorAll('.point.rare path.mark.rare')).toHaveLength(1);
  });

  it('uses a log axis with short ".0e" labels while the data stays above 1e-300', () => {
    const svg = render();
    expect(svg.querySelector('.axis.y')!.classList.contains('log')).toBe(true);
    const labels = [...svg.querySelectorAll('.axis.y .tick text')].map((t) => t.textContent);
    expect(labels).toContain('1e-5');
    expect(labels.every((l) => (l ?? '').length <= 6)).toBe(true);
  });

  it('switches to a linear log10 axis when a value falls below 1e-300', () => {
    const data = { ...smallData(), rows: [rareRow(60, -402.3, 0.08)], exact: [], naive: [], largeDeviation: [], nRange: [50, 60] as const };
    const svg = render(data);
    expect(svg.querySelector('.axis.y')!.classList.contains('log10')).toBe(true);
    const labels = [...svg.querySelectorAll('.axis.y .tick text')].map((t) => t.textContent);
    expect(labels).toContain('1e-400');
    expect(svg.querySelector('.point.rare')!.getAttribute('aria-label')).toContain('P = 5.01e−403');
  });

  it('shows a point\'s numbers in the readout on focus and restores the hint on blur', () => {
    const svg = render();
    const readout = svg.querySelector('.readout')!;
    const hint = readout.textContent;
    const point = svg.querySelector<SVGGElement>('.point.mc[data-n="2"]')!;
    point.dispatchEvent(new FocusEvent('focus'));
    expect(readout.textContent).toBe('N = 2: P = 1.46e−1 (95%: 1.25e−1 – 1.69e−1), 146 minima / 1\u2009000 samples');
    point.dispatchEvent(new FocusEvent('blur'));
    expect(readout.textContent).toBe(hint);
  });

  it('lists in the legend only the kinds it drew', () => {
    const svg = render({ ...smallData(), rows: [mcRow(1)], exact: [], ...theory(1, 6) });
    const labels = [...svg.querySelectorAll('.legend text')].map((t) => t.textContent);
    expect(labels).toEqual(['Monte Carlo, 95% interval', 'naive guess 2⁻ᴺ', 'exp(−(ln 3/4)·N²)']);
  });

  it('puts the legend below the x axis, outside the plot area, and sizes the figure for it', () => {
    const svg = render();
    const translateY = (selector: string) => Number(/translate\([\d.]+,([\d.]+)\)/.exec(svg.querySelector(selector)!.getAttribute('transform')!)![1]);
    const axisY = translateY('.axis.x');
    const labelY = Number(svg.querySelector('.axis-label')!.getAttribute('y'));
    // The legend box starts 4 px above its group's origin (legend.ts).
    expect(translateY('.legend') - 4).toBeGreaterThan(Math.max(axisY, labelY));
    const rows = svg.querySelectorAll('.legend > g').length;
    const boxBottom = translateY('.legend') - 4 + Number(svg.querySelector('.legend-box')!.getAttribute('height'));
    expect(rows).toBeGreaterThan(3);
    expect(boxBottom).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
  });

  it('sets a Monte Carlo and a rare-event mark at the same N side by side', () => {
    const svg = render({ ...smallData(), rows: [mcRow(3), rareRow(3, -1.7, 0.05)] });
    const mc = Number(svg.querySelector('.point.mc circle')!.getAttribute('cx'));
    const rare = svg.querySelector('.point.rare path.mark')!.getAttribute('d')!;
    const rareX = Number(/^M([\d.]+),/.exec(rare)![1]);
    expect(rareX - mc).toBeCloseTo(12, 0);
  });

  it('leaves exact rows to the exact overlay', () => {
    expect(markKind({ ...mcRow(1), method: 'exact' })).toBeUndefined();
  });
});
