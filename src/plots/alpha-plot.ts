// The index fraction α(ε, φ) of the Gauss–Newton + residual Hessian against the loss ε
// (Pennington & Bahri 2017), one curve per φ, with the critical loss ε_c(φ) marked: below it
// the large-N spectrum has no negative part and critical points are minima. Optional sampled
// index fractions (mean index / N with intervals) sit on top. Everything arrives computed.

import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { AlphaCurve } from '../stats/theory-curves.ts';
import { formatFixed } from './format.ts';
import { drawLegend, type LegendEntry } from './legend.ts';
import { px, svgRoot, type Margins, type PlotOptions } from './svg.ts';

export interface AlphaPoint {
  phi: number;
  epsilon: number;
  alpha: number;
  lo: number;
  hi: number;
}

export interface AlphaPlotData {
  curves: readonly AlphaCurve[];
  points?: readonly AlphaPoint[];
}

const MARGINS: Margins = { top: 16, right: 18, bottom: 46, left: 62 };

export function alphaPlot(data: AlphaPlotData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 720;
  const height = options.heightPx ?? 300;
  const id = `${options.idPrefix ?? 'plot'}-alpha`;
  const svg = svgRoot(
    options.document, width, height, id,
    'Index fraction α against the loss ε (Gauss–Newton + residual)',
    'The fraction of negative eigenvalues of MP(φ) ⊞ semicircle(2ε) as N → ∞, for each φ; the dashed mark is the critical loss ε_c(φ) below which α = 0.',
  );
  const xs = data.curves.flatMap((c) => c.points.map((p) => p.x));
  const ys = data.curves.flatMap((c) => c.points.map((p) => p.y));
  const x = scaleLinear().domain([0, Math.max(1e-9, ...xs)]).range([MARGINS.left, width - MARGINS.right]);
  const y = scaleLinear().domain([0, Math.max(0.05, ...ys, ...(data.points?.map((p) => p.hi) ?? [])) * 1.05]).range([height - MARGINS.bottom, MARGINS.top]).nice();
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - MARGINS.bottom})`).call(axisBottom(x).ticks(8));
  svg.append('text').attr('class', 'axis-label').attr('x', (MARGINS.left + width - MARGINS.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle').text('loss ε');
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${MARGINS.left},0)`).call(axisLeft(y).ticks(5));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(16,${(MARGINS.top + height - MARGINS.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('α = index / N');
  const legend: LegendEntry[] = [];
  const path = line<{ x: number; y: number }>().x((p) => px(x(p.x))).y((p) => px(y(p.y)));
  for (const c of data.curves) {
    const g = svg.append('g').attr('class', 'alpha-curve').attr('data-phi', c.phi);
    g.append('path').attr('class', 'curve free-convolution').attr('d', path(c.points));
    if (c.epsilonC > 0 && c.epsilonC <= x.domain()[1]!) {
      g.append('path').attr('class', 'curve critical').attr('d', `M${px(x(c.epsilonC))},${px(y.range()[0]!)}V${px(y.range()[1]!)}`);
      g.append('text').attr('class', 'critical-label').attr('x', px(x(c.epsilonC)) + 3).attr('y', MARGINS.top + 12).text(`ε_c = ${formatFixed(c.epsilonC, 4)}`);
    }
    legend.push({ kind: 'free-convolution', label: `α(ε, φ = ${c.phi}) (free convolution)` });
  }
  if (data.curves.some((c) => c.epsilonC > 0)) legend.push({ kind: 'critical', label: 'critical loss ε_c(φ)' });
  if (data.points && data.points.length > 0) {
    const marks = svg.append('g').attr('class', 'marks');
    for (const p of data.points) {
      const g = marks.append('g').attr('class', 'point');
      g.append('title').text(`φ = ${p.phi}, ε = ${p.epsilon}: index/N = ${formatFixed(p.alpha)}`);
      g.append('path').attr('class', 'bar mc').attr('d', `M${px(x(p.epsilon))},${px(y(p.lo))}V${px(y(p.hi))}`);
      g.append('circle').attr('class', 'mark mc').attr('cx', px(x(p.epsilon))).attr('cy', px(y(p.alpha))).attr('r', 3.5);
    }
    legend.push({ kind: 'mc', label: 'sampled index / N' });
  }
  // Bottom right: α rises with ε, so that corner stays empty.
  drawLegend(svg, legend, width - MARGINS.right - 256, height - MARGINS.bottom - legend.length * 16 - 8);
  return svg.node()!;
}
