// Energy u against descent step: each run a thin line, the 10–90% quantile band over runs
// shaded, the median drawn on top. Data arrive computed (ui/sections/landscape/).

import { scaleLinear } from 'd3-scale';
import { px, svgRoot, type PlotOptions } from '../svg.ts';
import { drawAxes, WIDTH_MARGINS as M } from '../width/axes.ts';

export interface TrajectoryData {
  recordEvery: number;
  lines: readonly { run: number; energies: readonly number[] }[];
  band: readonly { step: number; lo: number; median: number; hi: number }[];
  threshold: number;
}

export function energyTrajectoryPlot(data: TrajectoryData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 640;
  const height = options.heightPx ?? 260;
  const svg = svgRoot(options.document, width, height, `${options.idPrefix ?? 'l'}-trajectories`, 'Energy trajectories',
    'Energy per coordinate u against the descent step: thin lines are runs, the band holds the middle 80% of runs, the dashed line is −E∞.');
  const lastStep = Math.max(data.recordEvery, ...data.band.map((b) => b.step));
  const values = data.lines.flatMap((l) => l.energies.filter(Number.isFinite));
  const lo = Math.min(data.threshold, ...values) - 0.05;
  const hi = values.length ? Math.max(...values) + 0.05 : 0.5;
  const x = scaleLinear().domain([0, lastStep]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([lo, hi]).range([height - M.bottom, M.top]);
  drawAxes(svg, x, y, { width, height }, { x: 'descent step', y: 'u = H/N' });
  if (data.band.length > 1) {
    const upper = data.band.map((b) => `${px(x(b.step))},${px(y(b.hi))}`);
    const lower = [...data.band].reverse().map((b) => `${px(x(b.step))},${px(y(b.lo))}`);
    svg.append('path').attr('class', 'energy-band').attr('fill', '#2f5f96').attr('fill-opacity', 0.18).attr('d', `M${upper.join('L')}L${lower.join('L')}Z`);
  }
  for (const line of data.lines) {
    const points = line.energies.map((u, i) => (Number.isFinite(u) ? `${px(x(i * data.recordEvery))},${px(y(u))}` : '')).filter(Boolean);
    if (points.length > 1) svg.append('path').attr('class', 'trajectory').attr('data-run', line.run).attr('fill', 'none').attr('stroke', '#5d6d7e').attr('stroke-opacity', 0.5).attr('stroke-width', 0.7).attr('d', `M${points.join('L')}`);
  }
  if (data.band.length > 1) {
    svg.append('path').attr('class', 'median').attr('fill', 'none').attr('stroke', '#2f5f96').attr('stroke-width', 2)
      .attr('d', `M${data.band.map((b) => `${px(x(b.step))},${px(y(b.median))}`).join('L')}`);
  }
  svg.append('line').attr('class', 'threshold').attr('x1', M.left).attr('x2', width - M.right).attr('y1', px(y(data.threshold))).attr('y2', px(y(data.threshold)))
    .attr('stroke', '#c0392b').attr('stroke-dasharray', '5,4');
  return svg.node()!;
}
