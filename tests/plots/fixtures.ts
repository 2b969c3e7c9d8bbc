// Literal, seeded-looking data for the plot tests: index histograms with round numbers,
// turned into Summary rows by the project's own summarize(), plus theory points.

import { summarize } from '../../src/stats/index-histogram.ts';
import type { Summary } from '../../src/stats/summary.ts';
import { log10LargeDeviation, log10NaiveCoinFlip } from '../../src/stats/theory.ts';
import type { PMinPlotData } from '../../src/plots/pmin-plot.ts';

/** counts[k] for N = 1..4 (1000 samples each; N = 4 saw no minimum). */
export const HISTOGRAMS: Record<number, number[]> = {
  1: [500, 500],
  2: [146, 708, 146],
  3: [21, 479, 479, 21],
  4: [0, 120, 760, 120, 0],
};

export const mcRow = (n: number): Summary =>
  summarize({ ensemble: 'goe', params: {}, n, shift: 0, method: 'mc', backend: 'cpu', seed: 7, elapsedS: 0.5 }, HISTOGRAMS[n]!);

export function rareRow(n: number, log10P: number, halfWidth: number): Summary {
  return {
    ...mcRow(1),
    n,
    method: 'rare',
    samples: 20000,
    minima: NaN,
    maxima: NaN,
    pMin: 10 ** log10P,
    pMinLo: 10 ** (log10P - halfWidth),
    pMinHi: 10 ** (log10P + halfWidth),
    log10PMin: log10P,
    log10PMinLo: log10P - halfWidth,
    log10PMinHi: log10P + halfWidth,
    indexMean: NaN,
    indexVar: NaN,
  };
}

export function theory(nMin: number, nMax: number) {
  const ns = Array.from({ length: nMax - nMin + 1 }, (_, i) => nMin + i);
  return {
    naive: ns.map((n) => ({ n, log10P: log10NaiveCoinFlip(n) })),
    largeDeviation: ns.map((n) => ({ n, log10P: log10LargeDeviation(n) })),
  };
}

export function smallData(): PMinPlotData {
  return {
    rows: [1, 2, 3, 4].map(mcRow).concat(rareRow(6, -4.9, 0.1)),
    exact: [
      { n: 1, log10P: Math.log10(0.5) },
      { n: 2, log10P: Math.log10((2 - Math.SQRT2) / 4) },
    ],
    ...theory(1, 6),
    nRange: [1, 6],
  };
}

/** Markup for a snapshot: one tag per line, numbers rounded to 0.1 so float noise cannot churn it. */
export const tidy = (node: Element): string =>
  node.outerHTML.replaceAll('><', '>\n<').replace(/-?\d+\.\d{2,}/g, (m) => String(Math.round(Number(m) * 10) / 10));
