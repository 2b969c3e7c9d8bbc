// The y axis of Plot A. A logarithmic scale is the natural axis for P(minimum), but float64
// ends near 1e-308 and d3's log scale maps 0 to NaN, so below LOG_AXIS_FLOOR_LOG10 the plot
// switches to a linear axis in log10 P. Either way callers position marks by log10 P.

import { axisLeft, type Axis } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';

/** Below 1e-300 a log scale's ticks and positions lose precision: use log10 on a linear axis. */
export const LOG_AXIS_FLOOR_LOG10 = -300;
const TICK_COUNT = 6;

export interface ProbabilityAxis {
  kind: 'log' | 'log10';
  /** [lowest, highest] log10 P shown. */
  domainLog10: [number, number];
  /** Pixel position of a log10 probability. */
  y(log10P: number): number;
  axis: Axis<number>;
  label: string;
}

/**
 * An axis covering [log10Lo, log10Hi] (widened to whole decades), drawn into the pixel range
 * [bottom, top]. Non-finite inputs are the caller's bug: they collapse to one decade below 1.
 */
export function probabilityAxis(log10Lo: number, log10Hi: number, bottomPx: number, topPx: number): ProbabilityAxis {
  let lo = Number.isFinite(log10Lo) ? Math.floor(log10Lo) : -1;
  let hi = Number.isFinite(log10Hi) ? Math.ceil(log10Hi) : 0;
  if (hi <= lo) hi = lo + 1;
  if (lo >= LOG_AXIS_FLOOR_LOG10) {
    const scale = scaleLog().domain([10 ** lo, 10 ** hi]).range([bottomPx, topPx]).clamp(true);
    return {
      kind: 'log',
      domainLog10: [lo, hi],
      y: (log10P) => scale(10 ** log10P),
      // '.0e' keeps labels short: the default format prints hundreds of digits near 1e-300.
      axis: axisLeft<number>(scale).ticks(TICK_COUNT, '.0e'),
      label: 'P(minimum), log scale',
    };
  }
  const scale = scaleLinear().domain([lo, hi]).range([bottomPx, topPx]).nice(TICK_COUNT).clamp(true);
  [lo, hi] = scale.domain() as [number, number];
  const ticks = scale.ticks(TICK_COUNT).filter(Number.isInteger);
  return {
    kind: 'log10',
    domainLog10: [lo, hi],
    y: (log10P) => scale(log10P),
    axis: axisLeft<number>(scale)
      .tickValues(ticks)
      .tickFormat((t) => (t === 0 ? '1' : `1e${t}`)),
    label: 'P(minimum), axis linear in log₁₀ P',
  };
}
