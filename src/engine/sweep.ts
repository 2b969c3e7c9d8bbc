// The sweep: brings every requested N up to `samples` matrices, a round at a time. A round is
// one sampler call holding one batch per unfinished N, so a GPU works on all dimensions in one
// submission. Batch sizes come from a cost model calibrated on the rounds already run, so a
// round takes about `roundTargetS` whatever the mix of N: progress stays live and Stop stays
// prompt. Matrix indices are consecutive per N stream, so the counts depend only on
// (seed, ensemble, N, shift, samples), never on batch sizes or timing.

import type { Ensemble, RunConfig } from '../config.ts';
import type { BatchRequest, Sampler } from '../sampler.ts';
import { emptyHistogram, mergeInto, sampleCount, summarize } from '../stats/index-histogram.ts';
import type { Summary } from '../stats/summary.ts';
import { relativeCost } from './cost-model.ts';

export interface SweepProgress {
  matricesDone: number;
  matricesTotal: number;
  matricesPerS: number;
  etaS: number;
  summaries: Summary[];
  histograms: ReadonlyMap<number, Float64Array>;
}

export interface SweepResult {
  summaries: Summary[];
  histograms: ReadonlyMap<number, Float64Array>;
  /** True when the signal stopped the sweep or the sampler failed before every N was done. */
  stopped: boolean;
  /** Why the sampler failed (a lost device, say); partial results are still in the result. */
  failure?: string;
  compileS: number;
  samplingS: number;
}

export interface SweepOptions {
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
  /** Per-N histograms already accumulated for this (ensemble, shift, seed); each stream resumes after them. */
  resumeFrom?: ReadonlyMap<number, Float64Array>;
  /** Wall time one round aims at. */
  roundTargetS?: number;
  /** Elapsed seconds already spent on resumed histograms, per N (kept in elapsed_s). */
  resumeElapsedS?: ReadonlyMap<number, number>;
  /** Index of every stream's first matrix: a shard's offset (shard.ts). Default 0. */
  firstIndex?: number;
}

/**
 * Before any timing is known a round gets this much relative cost (cost-model.ts), split over
 * the N in it, and at most FIRST_ROUND_MATRICES per N: small, so the first points come fast
 * even for a wide range of large N.
 */
const FIRST_ROUND_COST = 1e6;
const FIRST_ROUND_MATRICES = 1024;
const DEFAULT_ROUND_TARGET_S = 0.2;
const YIELD_EVERY_S = 0.05;

interface Stream {
  n: number;
  counts: Float64Array;
  done: number;
  elapsedS: number;
}

const now = (): number => performance.now() / 1000;

export async function runSweep(config: RunConfig, sampler: Sampler, options: SweepOptions = {}): Promise<SweepResult> {
  const { ensemble, shift, seed, samples } = config;
  const offset = options.firstIndex ?? 0;
  const roundTargetS = options.roundTargetS ?? DEFAULT_ROUND_TARGET_S;
  const streams: Stream[] = config.ns.map((n) => {
    const counts = emptyHistogram(n);
    const resumed = options.resumeFrom?.get(n);
    if (resumed) mergeInto(counts, resumed);
    return { n, counts, done: sampleCount(counts), elapsedS: options.resumeElapsedS?.get(n) ?? 0 };
  });
  const matricesTotal = streams.length * samples;
  const startDone = streams.reduce((sum, s) => sum + Math.min(s.done, samples), 0);

  const summaries = (): Summary[] =>
    streams
      .filter((s) => s.done > 0)
      .map((s) =>
        summarize(
          { ensemble, n: s.n, shift, seed, method: 'mc', backend: sampler.backend, elapsedS: s.elapsedS },
          s.counts,
        ),
      );
  const histograms = (): Map<number, Float64Array> => new Map(streams.map((s) => [s.n, s.counts]));

  let compileS = 0;
  let samplingS = 0;
  let costPerSecond = 0; // relative cost units per second, learned from the rounds run
  let failure: string | undefined;
  const prepared = new Set<number>();
  let lastYield = now();

  while (!options.signal?.aborted) {
    const active = streams.filter((s) => s.done < samples);
    if (active.length === 0) break;
    try {
      // Compile lazily, one new N per round, smallest first: the first points appear after
      // one compilation, and the N already compiled keep sampling while the rest compile.
      const unprepared = active.find((s) => !prepared.has(s.n));
      if (unprepared) {
        compileS += await sampler.prepare(ensemble, unprepared.n);
        prepared.add(unprepared.n);
      }
      if (options.signal?.aborted) break;
      const ready = active.filter((s) => prepared.has(s.n));
      const costBudget = costPerSecond > 0 ? (costPerSecond * roundTargetS) / ready.length : 0;
      const requests = ready.map((s): BatchRequest => ({
        ensemble, n: s.n, shift, seed,
        firstIndex: offset + s.done,
        count: batchSize(s, samples, sampler.maxBatch, ensemble, costBudget, ready.length),
      }));
      const started = now();
      const batches = await sampler.sample(requests);
      const roundS = Math.max(now() - started, 1e-6);
      samplingS += roundS;

      let roundCost = 0;
      for (const r of requests) roundCost += r.count * relativeCost(ensemble, r.n);
      requests.forEach((r, i) => {
        const s = ready[i]!;
        mergeInto(s.counts, batches[i]!);
        s.done += r.count;
        s.elapsedS += (roundS * r.count * relativeCost(ensemble, r.n)) / roundCost;
      });
      costPerSecond = roundCost / roundS;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      break;
    }
    // An in-process sampler resolves without ever leaving the microtask queue; yielding a
    // macrotask every YIELD_EVERY_S lets timers, Ctrl-C and Stop handlers run.
    if (now() - lastYield > YIELD_EVERY_S) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = now();
    }

    const matricesDone = streams.reduce((sum, s) => sum + Math.min(s.done, samples), 0);
    const matricesPerS = (matricesDone - startDone) / Math.max(samplingS, 1e-9);
    options.onProgress?.({
      matricesDone,
      matricesTotal,
      matricesPerS,
      etaS: (matricesTotal - matricesDone) / Math.max(matricesPerS, 1e-9),
      summaries: summaries(),
      histograms: histograms(),
    });
  }

  const stopped = streams.some((s) => s.done < samples);
  return { summaries: summaries(), histograms: histograms(), stopped, failure, compileS, samplingS };
}

function batchSize(s: Stream, samples: number, maxBatch: number, ensemble: Ensemble, costBudget: number, streamsInRound: number): number {
  const remaining = samples - s.done;
  const cost = relativeCost(ensemble, s.n);
  const wanted =
    costBudget > 0
      ? Math.floor(costBudget / cost)
      : Math.min(FIRST_ROUND_MATRICES, Math.floor(FIRST_ROUND_COST / (streamsInRound * cost)));
  return Math.max(1, Math.min(remaining, maxBatch, wanted));
}
