// Plot B: for each N the distribution of k/N, the fraction of descending directions (k = the
// Hessian's index), as a heat strip, with the mean and a ±1σ band. The shading, mean and σ
// arrive computed (src/ui/plot-data.ts); this file only draws.

import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatCount, formatFixed } from './format.ts';
import { drawLegend, type LegendEntry } from './legend.ts';
import { px, svgRoot, type Margins, type PlotOptions } from './svg.ts';

export interface IndexCell {
  /** Bin edges in k/N, inside [0, 1]. */
  lo: number;
  hi: number;
  /** Probability mass of the bin. */
  probability: number;
  /** Colour intensity in [0, 1]: the mass relative to the column's fullest bin. */
  shade: number;
}

export interface IndexColumn {
  n: number;
  samples: number;
  cells: readonly IndexCell[];
  /** Mean and standard deviation of k/N. */
  mean: number;
  sd: number;
}

export interface IndexPlotData {
  columns: readonly IndexColumn[];
  /** Fraction of the semicircle's mass below zero at this shift, the N → ∞ limit of k/N. */
  semicircleFraction?: number;
  /** GOE at shift 0 only: σ(k/N) = √(ln N/π² + C)/N per N (Majumdar, Nadal, Scardicchio & Vivo 2009). */
  indexSd?: readonly { n: number; sd: number }[];
}

const MARGINS: Margins = { top: 16, right: 18, bottom: 46, left: 70 };
const SHADE_LIGHT = '#f1f5fa';
const SHADE_DARK = '#2f5f96';
const MAX_X_TICKS = 16;

export function indexPlot(data: IndexPlotData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 720;
  const height = options.heightPx ?? 300;
  const id = `${options.idPrefix ?? 'plot'}-index`;
  const svg = svgRoot(
    options.document,
    width,
    height,
    id,
    'Distribution of the fraction of descending directions k/N, for each N',
    'Each column is one N; darker cells hold more matrices. The line is the mean of k/N and the band the mean ± one standard deviation.',
  );
  const ns = data.columns.map((c) => c.n);
  const x = scaleBand<number>()
    .domain(ns)
    .range([MARGINS.left, width - MARGINS.right])
    .paddingInner(ns.length > 40 ? 0 : 0.08);
  const y = scaleLinear().domain([0, 1]).range([height - MARGINS.bottom, MARGINS.top]);
  const shade = scaleLinear<string>().domain([0, 1]).range([SHADE_LIGHT, SHADE_DARK]);
  const every = Math.max(1, Math.ceil(ns.length / MAX_X_TICKS));
  svg
    .append('g')
    .attr('class', 'axis x')
    .attr('transform', `translate(0,${height - MARGINS.bottom})`)
    .call(axisBottom(x).tickValues(ns.filter((_, i) => i % every === 0)).tickFormat((t) => String(t)));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (MARGINS.left + width - MARGINS.right) / 2)
    .attr('y', height - 8)
    .attr('text-anchor', 'middle')
    .text('dimension N');
  svg
    .append('g')
    .attr('class', 'axis y')
    .attr('transform', `translate(${MARGINS.left},0)`)
    .call(axisLeft(y).ticks(5));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(16,${(MARGINS.top + height - MARGINS.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('k/N (descending directions)');

  const cells = svg.append('g').attr('class', 'cells');
  for (const column of data.columns) {
    const left = px(x(column.n)!);
    const g = cells
      .append('g')
      .attr('class', 'column')
      .attr('data-n', column.n);
    g.append('title').text(
      `N = ${column.n}: mean k/N = ${formatFixed(column.mean)}, σ = ${formatFixed(column.sd)}, ${formatCount(column.samples)} samples`,
    );
    for (const cell of column.cells) {
      g.append('rect')
        .attr('x', left)
        .attr('width', px(x.bandwidth()))
        .attr('y', px(y(cell.hi)))
        .attr('height', px(y(cell.lo) - y(cell.hi)))
        .attr('fill', shade(cell.shade));
    }
  }

  // Mean and ±1σ per column, drawn inside the column only: N is discrete, so nothing is
  // interpolated between neighbouring dimensions.
  const legend: LegendEntry[] = [];
  const moments = svg.append('g').attr('class', 'moments');
  const width1 = px(x.bandwidth());
  for (const c of data.columns) {
    if (!Number.isFinite(c.mean) || !Number.isFinite(c.sd)) continue;
    const left = px(x(c.n)!);
    const top = px(y(Math.min(1, c.mean + c.sd)));
    const bottom = px(y(Math.max(0, c.mean - c.sd)));
    moments.append('rect').attr('class', 'band').attr('x', left).attr('width', width1).attr('y', top).attr('height', px(bottom - top));
    moments.append('path').attr('class', 'curve mean').attr('d', `M${left},${px(y(c.mean))}h${width1}`);
  }
  if (!moments.selectChildren().empty()) {
    legend.push({ kind: 'mean', label: 'mean k/N' }, { kind: 'band', label: 'mean ± 1σ' });
  }
  if (data.semicircleFraction !== undefined && Number.isFinite(data.semicircleFraction)) {
    const yy = px(y(data.semicircleFraction));
    svg
      .append('path')
      .attr('class', 'curve semicircle')
      .attr('d', `M${MARGINS.left},${yy}H${width - MARGINS.right}`);
    legend.push({ kind: 'semicircle', label: 'semicircle limit (N → ∞)' });
  }
  if (data.indexSd && data.indexSd.length > 0) {
    // ½ ± σ_theory inside each column: the large-N mean at shift 0 is ½.
    const overlay = svg.append('g').attr('class', 'index-variance');
    for (const { n, sd } of data.indexSd) {
      const left = x(n);
      if (left === undefined) continue;
      for (const level of [0.5 - sd, 0.5 + sd]) {
        overlay.append('path').attr('class', 'curve indexVariance').attr('d', `M${px(left)},${px(y(level))}h${width1}`);
      }
    }
    legend.push({ kind: 'indexVariance', label: '½ ± σ, σ² = ln N/π² + C (MNSV 2009)' });
  }
  drawLegend(svg, legend, width - MARGINS.right - 250, MARGINS.top + 8);
  return svg.node()!;
}
