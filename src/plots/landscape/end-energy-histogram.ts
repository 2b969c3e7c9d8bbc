// Histogram of polished end energies u, with the ground state u₀ and the threshold −E∞ marked.

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { drawAxes, WIDTH_MARGINS as M } from '../width/axes.ts';

export interface EnergyHistogramData {
  bins: readonly { lo: number; hi: number; count: number }[];
  groundState?: number;
  threshold: number;
}

export function endEnergyHistogram(data: EnergyHistogramData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 240;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'l'}-end-energies`, 'End energies',
    'Number of descents by polished end energy u, with the ground state u0 and the threshold −E∞ marked.');
  const marks = [data.threshold, ...(data.groundState === undefined ? [] : [data.groundState])];
  const lo = Math.min(...marks, ...data.bins.map((b) => b.lo)) - 0.02;
  const hi = Math.max(-1, ...data.bins.map((b) => b.hi)) + 0.02;
  const tallest = Math.max(1, ...data.bins.map((b) => b.count));
  const x = scaleLinear().domain([lo, hi]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, tallest]).range([height - M.bottom, M.top]);
  drawAxes(svg, x, y, { width, height }, { x: 'polished end energy u', y: 'runs' });
  for (const bin of data.bins) {
    if (bin.count === 0) continue;
    svg.append('rect').attr('class', 'energy-bar').attr('x', px(x(bin.lo)) + 0.5).attr('width', Math.max(0.5, px(x(bin.hi) - x(bin.lo)) - 1))
      .attr('y', px(y(bin.count))).attr('height', px(y(0) - y(bin.count))).attr('fill', '#2f5f96')
      .append('title').text(`${bin.count} runs with u in [${bin.lo.toFixed(4)}, ${bin.hi.toFixed(4)})`);
  }
  const mark = (value: number, label: string, colour: string, cls: string) => {
    svg.append('line').attr('class', cls).attr('x1', px(x(value))).attr('x2', px(x(value))).attr('y1', M.top).attr('y2', height - M.bottom)
      .attr('stroke', colour).attr('stroke-dasharray', '5,4');
    svg.append('text').attr('class', `${cls}-label legend-label`).attr('x', px(x(value)) + 4).attr('y', M.top + 12).attr('fill', colour).text(label);
  };
  mark(data.threshold, '−E∞', '#c0392b', 'threshold');
  if (data.groundState !== undefined) mark(data.groundState, 'u₀', '#27ae60', 'ground-state');
  return svg.node()!;
}
