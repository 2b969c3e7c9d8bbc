// The eigenvalue histogram of sampled matrices (bars: density of x = λ/scale) against the limit
// law that applies to the ensemble (a step curve of the law's mass per bin), labelled. The
// bins and the curve arrive computed (src/stats/spectrum.ts, src/stats/theory-curves.ts).

import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { SpectrumBin } from '../stats/spectrum.ts';
import type { TheoryCurve } from '../stats/theory-curves.ts';
import { formatCount } from './format.ts';
import { drawLegend, type LegendEntry } from './legend.ts';
import { px, svgRoot, type Margins, type PlotOptions } from './svg.ts';

export interface SpectrumPlotData {
  bins: readonly SpectrumBin[];
  n: number;
  matrices: number;
  /** Axis label of x, e.g. "λ / 2√N". */
  xLabel: string;
  theory?: TheoryCurve;
}

const MARGINS: Margins = { top: 16, right: 18, bottom: 46, left: 62 };

export function spectrumPlot(data: SpectrumPlotData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 720;
  const height = options.heightPx ?? 300;
  const id = `${options.idPrefix ?? 'plot'}-spectrum`;
  const svg = svgRoot(
    options.document, width, height, id,
    `Eigenvalue density at N = ${data.n}`,
    `Histogram of the eigenvalues of ${formatCount(data.matrices)} sampled matrices, from inertia counts at the bin edges${data.theory ? `, with the ${data.theory.label} limit` : ''}.`,
  );
  const lo = data.bins[0]?.xLo ?? 0;
  const hi = data.bins.at(-1)?.xHi ?? 1;
  const yMax = Math.max(1e-9, ...data.bins.map((b) => b.density), ...(data.theory?.points.map((p) => p.y) ?? [])) * 1.08;
  const x = scaleLinear().domain([lo, hi]).range([MARGINS.left, width - MARGINS.right]);
  const y = scaleLinear().domain([0, yMax]).range([height - MARGINS.bottom, MARGINS.top]).nice();
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - MARGINS.bottom})`).call(axisBottom(x).ticks(8));
  svg.append('text').attr('class', 'axis-label').attr('x', (MARGINS.left + width - MARGINS.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle').text(data.xLabel);
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${MARGINS.left},0)`).call(axisLeft(y).ticks(5));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(16,${(MARGINS.top + height - MARGINS.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('density');

  const bars = svg.append('g').attr('class', 'bars');
  for (const b of data.bins) {
    bars.append('rect').attr('class', 'bar spectrum')
      .attr('x', px(x(b.xLo))).attr('width', px(x(b.xHi) - x(b.xLo)))
      .attr('y', px(y(b.density))).attr('height', px(y(0) - y(b.density)));
  }
  const legend: LegendEntry[] = [{ kind: 'histogram', label: `sampled, ${formatCount(data.matrices)} matrices` }];
  if (data.theory) {
    const path = line<{ x: number; y: number }>().x((p) => px(x(p.x))).y((p) => px(y(p.y)));
    svg.append('path').attr('class', `curve ${data.theory.kind}`).attr('d', path(data.theory.points));
    legend.push({ kind: data.theory.kind, label: data.theory.label });
  }
  drawLegend(svg, legend, width - MARGINS.right - 250, MARGINS.top + 8);
  return svg.node()!;
}
