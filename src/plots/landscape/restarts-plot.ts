// Mean best-of-R end energy against the number of restarts R (log2 axis).

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { drawAxes, WIDTH_MARGINS as M } from '../width/axes.ts';

export interface RestartsData {
  points: readonly { r: number; energy: number }[];
  threshold: number;
}

export function restartsPlot(data: RestartsData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 220;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'l'}-restarts`, 'Restarts',
    'Mean of the best polished end energy among R restarts against R.');
  const rMax = Math.max(2, ...data.points.map((p) => p.r));
  const energies = data.points.map((p) => p.energy);
  const lo = Math.min(data.threshold, ...energies) - 0.02;
  const hi = Math.max(data.threshold + 0.1, ...energies) + 0.02;
  const x = scaleLinear().domain([0, Math.log2(rMax)]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([lo, hi]).range([height - M.bottom, M.top]);
  const ticks = Array.from({ length: Math.floor(Math.log2(rMax)) + 1 }, (_, i) => i);
  drawAxes(svg, x, y, { width, height }, { x: 'restarts R', y: 'best-of-R u' }, { xTicks: ticks, x: (v) => String(2 ** v) });
  if (data.points.length > 1) {
    svg.append('path').attr('class', 'restarts-line').attr('fill', 'none').attr('stroke', '#2f5f96').attr('stroke-width', 1.5)
      .attr('d', `M${data.points.map((p) => `${px(x(Math.log2(p.r)))},${px(y(p.energy))}`).join('L')}`);
  }
  for (const p of data.points) {
    svg.append('circle').attr('class', 'point').attr('cx', px(x(Math.log2(p.r)))).attr('cy', px(y(p.energy))).attr('r', 3).attr('fill', '#2f5f96')
      .append('title').text(`R = ${p.r}: ${p.energy.toFixed(4)}`);
  }
  svg.append('line').attr('class', 'threshold').attr('x1', M.left).attr('x2', width - M.right).attr('y1', px(y(data.threshold))).attr('y2', px(y(data.threshold)))
    .attr('stroke', '#c0392b').attr('stroke-dasharray', '5,4');
  return svg.node()!;
}
