// Index fraction index/(N − 1) of critical points against their energy u, beside the theory
// F(−s(u)), s = −u/E∞, and the threshold −E∞ below which only minima remain.

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { drawAxes, WIDTH_MARGINS as M } from '../width/axes.ts';

export interface IndexEnergyData {
  dots: readonly { energy: number; indexFraction: number }[];
  theory: readonly { u: number; fraction: number }[];
  threshold: number;
}

export function indexEnergyPlot(data: IndexEnergyData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 260;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'l'}-index-energy`, 'Index against energy',
    'Index/(N − 1) of each critical point found against its energy u; the curve is the theory F(−s(u)), the dashed line −E∞.');
  const x = scaleLinear().domain([-2, 2]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, 1]).range([height - M.bottom, M.top]);
  drawAxes(svg, x, y, { width, height }, { x: 'energy u', y: 'index / (N − 1)' });
  svg.append('path').attr('class', 'theory').attr('fill', 'none').attr('stroke', '#c0392b').attr('stroke-width', 1.5)
    .attr('d', `M${data.theory.map((t) => `${px(x(t.u))},${px(y(t.fraction))}`).join('L')}`);
  svg.append('line').attr('class', 'threshold').attr('x1', px(x(data.threshold))).attr('x2', px(x(data.threshold))).attr('y1', M.top).attr('y2', height - M.bottom)
    .attr('stroke', '#7f8c8d').attr('stroke-dasharray', '5,4');
  for (const dot of data.dots) {
    svg.append('circle').attr('class', 'critical-point').attr('cx', px(x(Math.max(-2, Math.min(2, dot.energy))))).attr('cy', px(y(dot.indexFraction))).attr('r', 2.5)
      .attr('fill', '#2f5f96').attr('fill-opacity', 0.7).append('title').text(`u = ${dot.energy.toFixed(4)}, index/(N−1) = ${dot.indexFraction.toFixed(3)}`);
  }
  return svg.node()!;
}
