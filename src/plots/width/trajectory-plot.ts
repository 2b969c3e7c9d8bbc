// Loss against descent step for a few runs, log scale, coloured by where each run ended.

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { CLASS_COLOURS, drawAxes, WIDTH_MARGINS as M } from './axes.ts';

export interface Trajectory {
  run: number;
  endClass: string;
  /** log10 of the loss at steps 0, stride, 2·stride, … (finite values only). */
  log10Losses: readonly number[];
}

export function trajectoryPlot(data: { stride: number; label: string; trajectories: readonly Trajectory[] }, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 260;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'width'}-trajectories`,
    `Loss trajectories, ${data.label}`, 'log10 of the population loss against the descent step; colour is the end class.');
  const longest = Math.max(1, ...data.trajectories.map((t) => t.log10Losses.length));
  const values = data.trajectories.flatMap((t) => t.log10Losses);
  const lo = values.length ? Math.max(-12, Math.floor(Math.min(...values))) : -8;
  const hi = values.length ? Math.ceil(Math.max(...values)) : 1;
  const x = scaleLinear().domain([0, (longest - 1) * data.stride]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([lo, Math.max(hi, lo + 1)]).range([height - M.bottom, M.top]).clamp(true);
  drawAxes(svg, x, y, { width, height }, { x: 'descent step', y: 'log10 loss' });
  for (const t of data.trajectories) {
    svg.append('path').attr('class', 'trajectory').attr('data-class', t.endClass).attr('data-run', t.run)
      .attr('fill', 'none').attr('stroke', CLASS_COLOURS[t.endClass] ?? '#333').attr('stroke-width', 1.2)
      .attr('d', t.log10Losses.map((v, i) => `${i ? 'L' : 'M'}${px(x(i * data.stride))},${px(y(v))}`).join(''));
  }
  return svg.node()!;
}
