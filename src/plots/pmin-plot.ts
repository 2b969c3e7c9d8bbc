// Plot A: P(minimum) against N. Monte Carlo points with 95% interval bars, zero-count N as
// upper-bound markers (never as 0), rare-event estimates, exact values and the two theory
// curves (naive 2^-N and exp(−(ln 3/4)N²)). Marks are placed by log10 P so that values far
// below the float64 range still plot. Pure: data in, <svg> out, no statistics here.

import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Summary } from '../stats/summary.ts';
import { formatCount, formatLog10 } from './format.ts';
import { drawLegend, LEGEND_ROW_HEIGHT_PX, type LegendEntry } from './legend.ts';
import { probabilityAxis } from './probability-axis.ts';
import { px, svgRoot, type Margins, type PlotOptions } from './svg.ts';

export interface Log10Point {
  n: number;
  log10P: number;
}

export interface PMinPlotData {
  /** Monte Carlo and rare-event rows; rows with method 'exact' are ignored (see `exact`). */
  rows: readonly Summary[];
  /** Exact P(minimum) at the rows' shift, where known. */
  exact: readonly Log10Point[];
  /** log10 2^-N; empty when it does not apply (shift ≠ 0). */
  naive: readonly Log10Point[];
  /** log10 exp(−(ln 3/4)N²); empty when it does not apply. */
  largeDeviation: readonly Log10Point[];
  /** The N range the person asked for; the x axis covers it even before data arrives. */
  nRange: readonly [number, number];
}

export type MarkKind = 'mc' | 'bound' | 'rare';

export const MARK_LABEL: Record<MarkKind | 'exact' | 'naive' | 'largeDeviation', string> = {
  mc: 'Monte Carlo, 95% interval',
  bound: 'no minimum seen: 95% upper bound',
  rare: 'rare-event estimate, 95% interval',
  exact: 'exact',
  naive: 'naive guess 2⁻ᴺ',
  largeDeviation: 'exp(−(ln 3/4)·N²)',
};

const MARGINS: Margins = { top: 34, right: 18, bottom: 46, left: 70 };
/**
 * The legend sits below the axes, never over them: inside the plot area any fixed corner covers
 * some data (the bottom left held the upper-bound markers of N ≈ 5–10 on a wide N range). Its
 * band holds the theory lines drawn plus all three point kinds, so the figure does not grow
 * while a sweep adds points.
 */
const POINT_KINDS = 3;
const LEGEND_COLUMN_WIDTH_PX = 260;
const LEGEND_GAP_PX = 8;
const CAP_HALF_WIDTH_PX = 4;
const HINT = 'Hover or focus a point for its numbers.';

/** What a row is drawn as. A zero-count Monte Carlo row only bounds P from above. */
export function markKind(row: Summary): MarkKind | undefined {
  if (row.method === 'rare') return 'rare';
  if (row.method !== 'mc') return undefined;
  return row.minima === 0 ? 'bound' : 'mc';
}

/** One line of text describing a row: N, estimate, interval and sample count. */
export function describeRow(row: Summary): string {
  const kind = markKind(row);
  const interval = `95%: ${formatLog10(row.log10PMinLo)} – ${formatLog10(row.log10PMinHi)}`;
  if (kind === 'bound') {
    return `N = ${row.n}: no minimum in ${formatCount(row.samples)} samples, P < ${formatLog10(row.log10PMinHi)}`;
  }
  const what = kind === 'rare' ? 'rare-event' : `${formatCount(row.minima)} minima / ${formatCount(row.samples)} samples`;
  return `N = ${row.n}: P = ${formatLog10(row.log10PMin)} (${interval}), ${what}`;
}

/** A cap at the bound with an arrow pointing down: "somewhere below here". */
function boundPath(cx: number, top: number, scale: number): string {
  const [w, h, a] = [5 * scale, 15 * scale, 4 * scale].map(px) as [number, number, number];
  return `M${cx - w},${top}H${cx + w}M${cx},${top}v${h - 1}M${cx - a},${px(top + h - 6 * scale)}L${cx},${top + h}L${cx + a},${px(top + h - 6 * scale)}`;
}

function log10Extent(data: PMinPlotData): [number, number] {
  const values: number[] = [];
  const inRange = (n: number) => n >= data.nRange[0] && n <= data.nRange[1];
  for (const row of data.rows) {
    const kind = markKind(row);
    if (!kind || !inRange(row.n)) continue;
    values.push(row.log10PMinHi);
    if (kind !== 'bound') values.push(row.log10PMinLo, row.log10PMin);
  }
  for (const list of [data.exact, data.naive, data.largeDeviation]) {
    for (const point of list) if (inRange(point.n)) values.push(point.log10P);
  }
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [-1, 0];
  return [Math.min(...finite), Math.max(0, ...finite)];
}

export function pMinPlot(data: PMinPlotData, options: PlotOptions): SVGSVGElement {
  const width = options.widthPx ?? 720;
  /** The axes' part of the figure; the legend band comes below it. */
  const height = options.heightPx ?? 430;
  const [nLo, nHi] = data.nRange;
  const inRange = (p: Log10Point) => p.n >= nLo && p.n <= nHi && Number.isFinite(p.log10P);
  const curves = ([
    ['naive', data.naive],
    ['largeDeviation', data.largeDeviation],
    ['exact', data.exact],
  ] as const).map(([name, points]) => [name, points.filter(inRange)] as const).filter(([, shown]) => shown.length > 0);
  const legendColumns = Math.max(1, Math.floor((width - MARGINS.left) / LEGEND_COLUMN_WIDTH_PX));
  const legendBandPx = LEGEND_GAP_PX + Math.ceil((POINT_KINDS + curves.length) / legendColumns) * LEGEND_ROW_HEIGHT_PX + 6;
  const id = `${options.idPrefix ?? 'plot'}-pmin`;
  const svg = svgRoot(
    options.document,
    width,
    height + legendBandPx,
    id,
    'Probability that a random Hessian is a minimum, against dimension N',
    'Points: measured fractions with 95% intervals; downward markers: upper bounds where no minimum was seen; lines: theory.',
  );
  const x = scaleLinear()
    .domain([nLo - 0.5, nHi + 0.5])
    .range([MARGINS.left, width - MARGINS.right]);
  const [lo, hi] = log10Extent(data);
  const yAxis = probabilityAxis(lo, hi, height - MARGINS.bottom, MARGINS.top);
  const y = (log10P: number) => px(yAxis.y(Math.max(log10P, yAxis.domainLog10[0])));
  const plotWidth = width - MARGINS.left - MARGINS.right;
  // Marks shrink when many N share the axis, and a Monte Carlo and a rare-event mark at the
  // same N step aside so that neither hides the other.
  const stepPx = plotWidth / (nHi - nLo + 1);
  const radius = Math.min(4, Math.max(1.5, stepPx / 5));
  const scale = radius / 4;
  const dodgePx = Math.min(6, stepPx / 5);
  const kindsAt = new Map<number, Set<MarkKind>>();
  for (const row of data.rows) {
    const kind = markKind(row);
    if (kind) kindsAt.set(row.n, (kindsAt.get(row.n) ?? new Set()).add(kind));
  }
  const dodge = (row: Summary, kind: MarkKind) => (kindsAt.get(row.n)!.has('rare') && kindsAt.get(row.n)!.size > 1 ? (kind === 'rare' ? dodgePx : -dodgePx) : 0);

  const xTicks = x.ticks(Math.min(12, nHi - nLo + 1)).filter(Number.isInteger);
  svg
    .append('g')
    .attr('class', 'axis x')
    .attr('transform', `translate(0,${height - MARGINS.bottom})`)
    .call(axisBottom(x).tickValues(xTicks).tickFormat((t) => String(t)));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', MARGINS.left + plotWidth / 2)
    .attr('y', height - 8)
    .attr('text-anchor', 'middle')
    .text('dimension N');
  svg
    .append('g')
    .attr('class', `axis y ${yAxis.kind}`)
    .attr('transform', `translate(${MARGINS.left},0)`)
    .call(yAxis.axis.tickSizeInner(-plotWidth))
    .call((g) => g.selectAll('.tick line').attr('class', 'grid'));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(16,${(MARGINS.top + height - MARGINS.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yAxis.label);

  const curve = line<Log10Point>()
    .x((p) => px(x(p.n)))
    .y((p) => y(p.log10P));
  const legend: LegendEntry[] = [];
  for (const [name, shown] of curves) {
    svg.append('path').attr('class', `curve ${name}`).attr('fill', 'none').attr('d', curve(shown));
    legend.push({ kind: name, label: MARK_LABEL[name] });
  }
  const exactMarks = svg.append('g').attr('class', 'exact-points');
  for (const p of data.exact.filter(inRange)) {
    exactMarks
      .append('circle')
      .attr('class', 'mark exact')
      .attr('cx', px(x(p.n)))
      .attr('cy', y(p.log10P))
      .attr('r', Math.min(3.5, radius))
      .append('title')
      .text(`N = ${p.n}: exact P = ${formatLog10(p.log10P, 4)}`);
  }

  const readout = svg
    .append('text')
    .attr('class', 'readout')
    .attr('x', MARGINS.left)
    .attr('y', 18)
    .attr('aria-live', 'polite')
    .text(HINT);
  const marks = svg.append('g').attr('class', 'points');
  const kindsSeen = new Set<MarkKind>();
  for (const row of data.rows) {
    const kind = markKind(row);
    if (!kind || row.n < nLo || row.n > nHi) continue;
    kindsSeen.add(kind);
    const cx = px(x(row.n) + dodge(row, kind));
    const text = describeRow(row);
    const g = marks
      .append('g')
      .attr('class', `point ${kind}`)
      .attr('tabindex', 0)
      .attr('role', 'img')
      .attr('aria-label', text)
      .attr('data-n', row.n);
    g.append('title').text(text);
    const top = y(row.log10PMinHi);
    if (kind === 'bound') {
      g.append('path')
        .attr('class', 'mark bound')
        .attr('d', boundPath(cx, top, scale));
    } else {
      const bottom = y(row.log10PMinLo);
      g.append('path')
        .attr('class', `bar ${kind}`)
        .attr('d', `M${cx},${top}V${bottom}M${cx - CAP_HALF_WIDTH_PX},${top}h${2 * CAP_HALF_WIDTH_PX}M${cx - CAP_HALF_WIDTH_PX},${bottom}h${2 * CAP_HALF_WIDTH_PX}`);
      const cy = y(row.log10PMin);
      if (kind === 'rare') {
        const d = px(6 * scale);
        g.append('path').attr('class', 'mark rare').attr('d', `M${cx},${cy - d}L${cx + d},${cy}L${cx},${cy + d}L${cx - d},${cy}Z`);
      } else {
        g.append('circle').attr('class', 'mark mc').attr('cx', cx).attr('cy', cy).attr('r', radius);
      }
    }
    const show = () => readout.text(text);
    const hide = () => readout.text(HINT);
    g.on('pointerenter', show).on('focus', show).on('pointerleave', hide).on('blur', hide);
  }
  const pointKinds = (['mc', 'bound', 'rare'] as const).filter((kind) => kindsSeen.has(kind));
  legend.unshift(...pointKinds.map((kind) => ({ kind, label: MARK_LABEL[kind] })));
  drawLegend(svg, legend, MARGINS.left + 6, height + LEGEND_GAP_PX, { columns: legendColumns, columnWidthPx: LEGEND_COLUMN_WIDTH_PX });
  return svg.node()!;
}
