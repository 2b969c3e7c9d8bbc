// Results measured in this page session, kept per (ensemble, parameters, N, shift, seed) so that moving a
// slider only samples what is new and a rerun continues each random stream where it stopped
// (the sweep's resumeFrom). Rare-event and exact rows are kept beside them, per method.

import type { Ensemble, EnsembleParams, Method, Statistic } from '../config.ts';
import type { Summary } from '../stats/summary.ts';

export interface StreamKey {
  ensemble: Ensemble;
  params: EnsembleParams;
  shift: number;
  seed: number;
  /** What Monte Carlo counted (absent: 'index'); P(min)-only rows are a stream of their own. */
  statistic?: Statistic;
  /**
   * The samples per N asked for. A Monte Carlo entry with more is not shown, downloaded or
   * resumed (its first `samples` matrices cannot be taken back out of the counts), so a link
   * reproduces its download; the next sweep replaces it. Not part of the key.
   */
  samples?: number;
}

interface Entry {
  summary: Summary;
  /** Monte Carlo only: the index histogram, or [minima, others] in a P(min) stream. */
  histogram?: Float64Array;
}

/** Parameters in a fixed order, so { a, b } and { b, a } are one stream. */
const paramsKey = (params: EnsembleParams): string =>
  Object.keys(params).sort().map((name) => `${name}=${params[name]}`).join(';');

// Exact rows belong to every seed (they carry none); P(min)-only Monte Carlo rows are 'mc-pmin'.
const keyOf = (stream: StreamKey, n: number, method: Method) =>
  `${stream.ensemble}|${paramsKey(stream.params)}|${stream.shift}|${method === 'exact' ? '' : stream.seed}|${n}|${method}${method === 'mc' && stream.statistic === 'pmin' ? '-pmin' : ''}`;

const fits = (stream: StreamKey, entry: Entry | undefined): entry is Entry =>
  entry !== undefined && (entry.summary.method !== 'mc' || stream.samples === undefined || entry.summary.samples <= stream.samples);

export class ResultsCache {
  readonly #entries = new Map<string, Entry>();

  /** Stores sweep output: Monte Carlo summaries with the counts they came from. */
  storeSweep(summaries: readonly Summary[], histograms: ReadonlyMap<number, Float64Array>, statistic?: Statistic): void {
    for (const summary of summaries) {
      const histogram = histograms.get(summary.n);
      this.#entries.set(keyOf({ ...summary, statistic }, summary.n, summary.method), {
        summary,
        histogram: histogram ? Float64Array.from(histogram) : undefined,
      });
    }
  }

  /** Stores rows without histograms (rare-event, exact). */
  storeRows(rows: readonly Summary[]): void {
    for (const summary of rows) this.#entries.set(keyOf(summary, summary.n, summary.method), { summary });
  }

  /** Histograms to resume from, per N, for a Monte Carlo sweep of this stream. */
  resumeFrom(stream: StreamKey, ns: readonly number[]): Map<number, Float64Array> {
    const resumed = new Map<number, Float64Array>();
    for (const n of ns) {
      const entry = this.#entries.get(keyOf(stream, n, 'mc'));
      if (fits(stream, entry) && entry.histogram) resumed.set(n, Float64Array.from(entry.histogram));
    }
    return resumed;
  }

  /** Seconds already spent per resumed N, so elapsed_s covers the whole stream. */
  resumeElapsedS(stream: StreamKey, ns: readonly number[]): Map<number, number> {
    const elapsed = new Map<number, number>();
    for (const n of ns) {
      const entry = this.#entries.get(keyOf(stream, n, 'mc'));
      if (fits(stream, entry)) elapsed.set(n, entry.summary.elapsedS);
    }
    return elapsed;
  }

  /** Every row of this stream with nMin ≤ N ≤ nMax, by N then method. */
  rows(stream: StreamKey, nMin: number, nMax: number, methods: readonly Method[] = ['mc', 'rare', 'exact']): Summary[] {
    const rows: Summary[] = [];
    for (let n = nMin; n <= nMax; n++) {
      for (const method of methods) {
        const entry = this.#entries.get(keyOf(stream, n, method));
        if (fits(stream, entry)) rows.push(entry.summary);
      }
    }
    return rows;
  }

  /** Monte Carlo index histograms of this stream with nMin ≤ N ≤ nMax, ascending N (none for P(min)). */
  histograms(stream: StreamKey, nMin: number, nMax: number): { n: number; counts: Float64Array }[] {
    const found: { n: number; counts: Float64Array }[] = [];
    if (stream.statistic === 'pmin') return found;
    for (let n = nMin; n <= nMax; n++) {
      const entry = this.#entries.get(keyOf(stream, n, 'mc'));
      if (fits(stream, entry) && entry.histogram) found.push({ n, counts: entry.histogram });
    }
    return found;
  }
}
