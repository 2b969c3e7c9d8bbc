// P(λ_min > −s·R) = P(min) against the shift s near the spectral edge, with 95% intervals,
// beside the Tracy–Widom law F₁ under the edge scaling where it applies (GOE and the Wigner
// ensembles with light tails). Points and curve arrive computed.

import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { TheoryCurve } from '../stats/theory-curves.ts';
import { formatFixed } from './format.ts';
import { drawLegend, type LegendEntry } from './legend.ts';
import { px, svgRoot, type Margins, type PlotOptions } from './svg.ts';

export interface EdgePoint {
  shift: number;
  pMin: number;
  lo: number;
  hi: number;
}

export interface EdgePlotData {
  n: number;
  points: readonly EdgePoint[];
  theory?: TheoryCurve;
}

const MARGINS: Margins = { top: 16, right: 18, bottom: 46, left: 62 };

export function edgePlot(data: EdgePlotData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 720;
  const height = options.heightPx ?? 300;
  const id = `${options.idPrefix ?? 'plot'}-edge`;
  const svg = svgRoot(
    options.document, width, height, id,
    `P(λ_min > −sR) against the shift s at N = ${data.n}`,
    `The fraction of sampled matrices that are minima at each shift, with 95% intervals${data.theory ? `, beside ${data.theory.label}` : ''}.`,
  );
  const shifts = [...data.points.map((p) => p.shift), ...(data.theory?.points.map((p) => p.x) ?? [])];
  const lo = shifts.length > 0 ? Math.min(...shifts) : 0.9;
  const hi = shifts.length > 0 ? Math.max(...shifts) : 1.1;
  const pad = hi > lo ? 0.02 * (hi - lo) : 0.05;
  const x = scaleLinear().domain([lo - pad, hi + pad]).range([MARGINS.left, width - MARGINS.right]);
  const y = scaleLinear().domain([0, 1]).range([height - MARGINS.bottom, MARGINS.top]);
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - MARGINS.bottom})`).call(axisBottom(x).ticks(8));
  svg.append('text').attr('class', 'axis-label').attr('x', (MARGINS.left + width - MARGINS.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle').text('shift s (H + s·R·I)');
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${MARGINS.left},0)`).call(axisLeft(y).ticks(5));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(16,${(MARGINS.top + height - MARGINS.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('P(min) = P(λ_min > −sR)');
  const legend: LegendEntry[] = [];
  if (data.theory) {
    const path = line<{ x: number; y: number }>().x((p) => px(x(p.x))).y((p) => px(y(p.y)));
    svg.append('path').attr('class', `curve ${data.theory.kind}`).attr('d', path(data.theory.points));
    legend.push({ kind: data.theory.kind, label: data.theory.label });
  }
  const marks = svg.append('g').attr('class', 'marks');
  for (const p of data.points) {
    const g = marks.append('g').attr('class', 'point').attr('data-shift', p.shift);
    g.append('title').text(`s = ${formatFixed(p.shift)}: P(min) = ${formatFixed(p.pMin)} [${formatFixed(p.lo)}, ${formatFixed(p.hi)}]`);
    g.append('path').attr('class', 'bar mc').attr('d', `M${px(x(p.shift))},${px(y(p.lo))}V${px(y(p.hi))}`);
    g.append('circle').attr('class', 'mark mc').attr('cx', px(x(p.shift))).attr('cy', px(y(p.pMin))).attr('r', 3.5);
  }
  if (data.points.length > 0) legend.push({ kind: 'mc', label: 'sampled P(min), 95% interval' });
  // Bottom right: P(min) rises from left to right, so that corner stays empty.
  drawLegend(svg, legend, width - MARGINS.right - 256, height - MARGINS.bottom - legend.length * 16 - 8);
  return svg.node()!;
}
