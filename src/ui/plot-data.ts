// Turns cached results and theory into what the plots draw. The plots stay pure drawing code;
// the arithmetic on counts (probabilities per bin, k/N moments) happens here.

import { indexSdTheory } from '../stats/theory-curves.ts';
import { log10LargeDeviation, log10NaiveCoinFlip, semicircleIndexFraction } from '../stats/theory.ts';
import type { Summary } from '../stats/summary.ts';
import type { Theory } from '../model/ensemble.ts';
import type { IndexCell, IndexColumn, IndexPlotData } from '../plots/index-plot.ts';
import type { Log10Point, PMinPlotData } from '../plots/pmin-plot.ts';

/** log10 P(minimum) for (N, shift) where tabulated, else undefined. */
export type ExactLookup = (n: number, shift: number) => number | undefined;

/**
 * The two exact values known in closed form, used until the tabulated ones load:
 * P_1 = P(N(0, 2) > 0) = 1/2 and P_2 = (2 − √2)/4 (DESIGN.md §1), both at shift 0.
 */
export const CLOSED_FORM_LOG10_P = new Map<number, number>([
  [1, Math.log10(0.5)],
  [2, Math.log10((2 - Math.SQRT2) / 4)],
]);

export const closedFormExact: ExactLookup = (n, shift) => (shift === 0 ? CLOSED_FORM_LOG10_P.get(n) : undefined);

/** At most this many cells per column of the index plot: large N are binned in k/N. */
export const MAX_INDEX_BINS = 64;

export function pMinPlotData(
  rows: readonly Summary[],
  nRange: readonly [number, number],
  shift: number,
  exact: ExactLookup,
  /** The theory of the ensemble on screen: GOE's values and curves only where they apply. */
  theories: readonly Theory[],
): PMinPlotData {
  const [nMin, nMax] = nRange;
  const showExact = theories.includes('exact-table');
  const showGoeLaws = theories.includes('goe-large-deviation');
  const exactPoints: Log10Point[] = [];
  const naive: Log10Point[] = [];
  const largeDeviation: Log10Point[] = [];
  for (let n = nMin; n <= nMax; n++) {
    const log10P = showExact ? (exact(n, shift) ?? closedFormExact(n, shift)) : undefined;
    if (log10P !== undefined) exactPoints.push({ n, log10P });
    // Both curves describe the unshifted GOE only.
    if (showGoeLaws && shift === 0) {
      naive.push({ n, log10P: log10NaiveCoinFlip(n) });
      largeDeviation.push({ n, log10P: log10LargeDeviation(n) });
    }
  }
  return { rows, exact: exactPoints, naive, largeDeviation, nRange: [nMin, nMax] };
}

/** One column of the index plot from an index histogram (counts[k], k = 0..N). */
export function indexColumn(n: number, counts: ArrayLike<number>, summary: Summary | undefined): IndexColumn | undefined {
  let samples = 0;
  for (let k = 0; k <= n; k++) samples += counts[k] ?? 0;
  if (samples === 0) return undefined;
  const kPerBin = Math.ceil((n + 1) / MAX_INDEX_BINS);
  const cells: IndexCell[] = [];
  for (let first = 0; first <= n; first += kPerBin) {
    const last = Math.min(n, first + kPerBin - 1);
    let mass = 0;
    for (let k = first; k <= last; k++) mass += counts[k] ?? 0;
    // Bin k covers k/N ± 1/(2N), clipped to [0, 1].
    cells.push({
      lo: Math.max(0, (first - 0.5) / n),
      hi: Math.min(1, (last + 0.5) / n),
      probability: mass / samples,
      shade: 0,
    });
  }
  const fullest = Math.max(...cells.map((c) => c.probability));
  for (const cell of cells) cell.shade = cell.probability / fullest;
  return {
    n,
    samples,
    cells,
    mean: (summary?.indexMean ?? NaN) / n,
    sd: Math.sqrt(summary?.indexVar ?? NaN) / n,
  };
}

/** At most this many columns in the index plot: a wide N range shows evenly spaced N. */
export const MAX_INDEX_COLUMNS = 48;

/** Up to `count` items spread evenly over `items`, first and last included. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

export function indexPlotData(
  histograms: readonly { n: number; counts: ArrayLike<number> }[],
  rows: readonly Summary[],
  shift: number,
  theories: readonly Theory[],
): IndexPlotData {
  const mc = new Map(rows.filter((r) => r.method === 'mc').map((r) => [r.n, r]));
  const columns = spread(histograms, MAX_INDEX_COLUMNS)
    .map(({ n, counts }) => indexColumn(n, counts, mc.get(n)))
    .filter((c): c is IndexColumn => c !== undefined);
  return {
    columns,
    semicircleFraction: theories.includes('semicircle') ? semicircleIndexFraction(shift) : undefined,
    indexSd: indexSdTheory(theories, shift, columns.map((c) => c.n)),
  };
}
