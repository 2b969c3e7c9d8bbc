// Axes and labels the Width plots share.

import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import type { Margins, SvgSelection } from '../svg.ts';

export const WIDTH_MARGINS: Margins = { top: 16, right: 18, bottom: 46, left: 64 };

export function drawAxes(
  svg: SvgSelection, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, size: { width: number; height: number },
  labels: { x: string; y: string }, format: { x?: (v: number) => string; y?: (v: number) => string; xTicks?: number[] } = {},
): void {
  const m = WIDTH_MARGINS;
  const bottom = axisBottom(x);
  if (format.xTicks) bottom.tickValues(format.xTicks);
  if (format.x) bottom.tickFormat((v) => format.x!(Number(v)));
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${size.height - m.bottom})`).call(bottom);
  const left = axisLeft(y).ticks(5);
  if (format.y) left.tickFormat((v) => format.y!(Number(v)));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${m.left},0)`).call(left);
  svg.append('text').attr('class', 'axis-label').attr('x', (m.left + size.width - m.right) / 2).attr('y', size.height - 8).attr('text-anchor', 'middle').text(labels.x);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(16,${(m.top + size.height - m.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(labels.y);
}

/** Colours per student-width factor, and per end class. */
export const SERIES_COLOURS = ['#2f5f96', '#c0392b', '#27ae60', '#8e44ad', '#d68910', '#17a589'];
export const CLASS_COLOURS: Record<string, string> = {
  'global-minimum': '#27ae60', 'spurious-minimum': '#c0392b', saddle: '#d68910', 'not-converged': '#7f8c8d', minimum: '#2f5f96',
};
