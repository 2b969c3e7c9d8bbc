// Histogram of end losses (log10, after polishing), stacked by end class. Bins arrive counted.

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { CLASS_COLOURS, drawAxes, WIDTH_MARGINS as M } from './axes.ts';

export interface LossBin {
  /** log10 loss edges; the first bin also holds every loss below its upper edge. */
  lo: number;
  hi: number;
  counts: Readonly<Record<string, number>>;
}

export function endLossHistogram(data: { label: string; bins: readonly LossBin[] }, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 240;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'width'}-end-loss`,
    `End losses, ${data.label}`, 'Number of runs by log10 of the polished end loss, stacked by end class.');
  const lo = data.bins.length ? data.bins[0]!.lo : -12;
  const hi = data.bins.length ? data.bins.at(-1)!.hi : 0;
  const tallest = Math.max(1, ...data.bins.map((b) => Object.values(b.counts).reduce((a, c) => a + c, 0)));
  const x = scaleLinear().domain([lo, hi]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, tallest]).range([height - M.bottom, M.top]);
  drawAxes(svg, x, y, { width, height }, { x: 'log10 end loss (leftmost bin: at or below)', y: 'runs' });
  for (const bin of data.bins) {
    let base = 0;
    for (const [endClass, count] of Object.entries(bin.counts)) {
      if (count === 0) continue;
      svg.append('rect').attr('class', 'loss-bar').attr('data-class', endClass)
        .attr('x', px(x(bin.lo)) + 0.5).attr('width', Math.max(0.5, px(x(bin.hi) - x(bin.lo)) - 1))
        .attr('y', px(y(base + count))).attr('height', px(y(base) - y(base + count)))
        .attr('fill', CLASS_COLOURS[endClass] ?? '#333')
        .append('title').text(`${count} ${endClass} in [1e${bin.lo}, 1e${bin.hi})`);
      base += count;
    }
  }
  return svg.node()!;
}
