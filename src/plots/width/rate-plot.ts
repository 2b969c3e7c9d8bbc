// Spurious-minimum rate against the teacher width k, one series per student width (n = k and
// the over-parameterised ones), each point with its 95% interval. Data arrive computed.

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { drawAxes, SERIES_COLOURS, WIDTH_MARGINS as M } from './axes.ts';

export interface RatePoint {
  k: number;
  n: number;
  rate: number;
  lo: number;
  hi: number;
  runs: number;
}

export interface RateSeries {
  /** "n = k", "n = 1.5k". */
  label: string;
  points: readonly RatePoint[];
}

export function spuriousRatePlot(series: readonly RateSeries[], options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 300;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'width'}-rate`,
    'Fraction of descents ending in a spurious local minimum, against k',
    'One line per student width; bars are 95% Wilson intervals.');
  const ks = series.flatMap((s) => s.points.map((p) => p.k));
  const kLo = ks.length ? Math.min(...ks) : 6;
  const kHi = ks.length ? Math.max(...ks) : 20;
  const x = scaleLinear().domain([kLo - 0.5, Math.max(kHi, kLo) + 0.5]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, 1]).range([height - M.bottom, M.top]);
  const ticks = [...new Set(ks)].sort((a, b) => a - b);
  drawAxes(svg, x, y, { width, height }, { x: 'teacher width k (= input dimension)', y: 'P(spurious minimum)' }, { xTicks: ticks, x: (v) => String(v) });
  series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const g = svg.append('g').attr('class', 'series').attr('data-label', s.label);
    const sorted = [...s.points].sort((a, b) => a.k - b.k);
    if (sorted.length > 1) {
      g.append('path').attr('class', 'curve').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.5)
        .attr('d', sorted.map((p, j) => `${j ? 'L' : 'M'}${px(x(p.k))},${px(y(p.rate))}`).join(''));
    }
    for (const p of sorted) {
      const point = g.append('g').attr('class', 'point').attr('data-k', p.k).attr('data-n', p.n);
      point.append('title').text(`k = ${p.k}, n = ${p.n}: ${(p.rate * 100).toFixed(1)}% of ${p.runs} runs (95%: ${(p.lo * 100).toFixed(1)}–${(p.hi * 100).toFixed(1)}%)`);
      point.append('path').attr('stroke', colour).attr('d', `M${px(x(p.k))},${px(y(p.lo))}V${px(y(p.hi))}`);
      point.append('circle').attr('cx', px(x(p.k))).attr('cy', px(y(p.rate))).attr('r', 3.5).attr('fill', colour);
    }
    svg.append('text').attr('class', 'legend-label').attr('x', M.left + 10).attr('y', M.top + 14 + 16 * i).attr('fill', colour).text(s.label);
  });
  return svg.node()!;
}
