// The sweep: brings every requested N up to `samples` matrices, a round at a time. A round is
// one sampler call holding one batch per unfinished N, so a GPU works on all dimensions in one
// submission. Batch sizes come from a cost model calibrated on the rounds already run, so a
// round takes about `roundTargetS` whatever the mix of N: progress stays live and Stop stays
// prompt. Matrix indices are consecutive per N stream, so the counts depend only on
// (seed, ensemble, N, shift, samples), never on batch sizes or timing.

import type { RunConfig } from '../config.ts';
import { cooperative } from '../cooperative.ts';
import { failure as failureOf, type Failure } from '../failure.ts';
import { resultLength, type BatchRequest, type Sampler } from '../sampler.ts';
import { mergeInto, sampleCount, summarize } from '../stats/index-histogram.ts';
import { summarizeMinima } from '../stats/minimum-count.ts';
import type { Summary } from '../stats/summary.ts';
import { statisticCost } from './cost-model.ts';

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
  /** Per N: the index histogram, or [minima, others] for config.statistic 'pmin'. */
  histograms: ReadonlyMap<number, Float64Array>;
  /** True when the signal stopped the sweep or the sampler failed before every N was done. */
  stopped: boolean;
  /** Why the sampler failed (a lost device, say); partial results are still in the result. */
  failure?: Failure;
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
  const { ensemble, params, shift, seed, samples } = config;
  const statistic = config.statistic ?? 'index';
  const offset = options.firstIndex ?? 0;
  const cost = (n: number) => statisticCost(ensemble, n, params, statistic);
  const roundTargetS = options.roundTargetS ?? DEFAULT_ROUND_TARGET_S;
  const streams: Stream[] = config.ns.map((n) => {
    const counts = new Float64Array(resultLength({ n, statistic }));
    const resumed = options.resumeFrom?.get(n);
    if (resumed) mergeInto(counts, resumed);
    return { n, counts, done: sampleCount(counts), elapsedS: options.resumeElapsedS?.get(n) ?? 0 };
  });
  const matricesTotal = streams.length * samples;
  const startDone = streams.reduce((sum, s) => sum + Math.min(s.done, samples), 0);

  const summarizeCounts = statistic === 'pmin' ? summarizeMinima : summarize;
  const summaries = (): Summary[] =>
    streams
      .filter((s) => s.done > 0)
      .map((s) =>
        summarizeCounts(
          { ensemble, params, n: s.n, shift, seed, method: 'mc', backend: sampler.backend, elapsedS: s.elapsedS },
          s.counts,
        ),
      );
  const histograms = (): Map<number, Float64Array> => new Map(streams.map((s) => [s.n, s.counts]));

  let compileS = 0;
  let samplingS = 0;
  let costPerSecond = 0; // relative cost units per second, learned from the rounds run
  let failure: Failure | undefined;
  const lost = lostAsRejection(sampler);
  const prepared = new Set<number>();
  const cooperate = cooperative(YIELD_EVERY_S * 1000);

  while (!options.signal?.aborted) {
    const active = streams.filter((s) => s.done < samples);
    if (active.length === 0) break;
    try {
      // Compile lazily, one new N per round, smallest first: the first points appear after
      // one compilation, and the N already compiled keep sampling while the rest compile.
      const unprepared = active.find((s) => !prepared.has(s.n));
      if (unprepared) {
        compileS += await Promise.race([sampler.prepare(ensemble, unprepared.n, statistic), lost.promise]);
        prepared.add(unprepared.n);
      }
      if (options.signal?.aborted) break;
      const ready = active.filter((s) => prepared.has(s.n));
      const costBudget = costPerSecond > 0 ? (costPerSecond * roundTargetS) / ready.length : 0;
      const requests = ready.map((s): BatchRequest => ({
        ensemble, params, n: s.n, shift, seed,
        firstIndex: offset + s.done,
        count: batchSize(s, samples, sampler.maxBatch, cost(s.n), costBudget, ready.length),
        ...(statistic === 'pmin' ? { statistic } : {}),
      }));
      const started = now();
      // Raced with `lost`: a call pending on a device that is gone must not hang the sweep.
      const batches = await Promise.race([sampler.sample(requests), lost.promise]);
      const roundS = Math.max(now() - started, 1e-6);
      samplingS += roundS;

      let roundCost = 0;
      for (const r of requests) roundCost += r.count * cost(r.n);
      requests.forEach((r, i) => {
        const s = ready[i]!;
        mergeInto(s.counts, batches[i]!);
        s.done += r.count;
        s.elapsedS += (roundS * r.count * cost(r.n)) / roundCost;
      });
      costPerSecond = roundCost / roundS;
    } catch (error) {
      failure = await classify(error, sampler);
      break;
    }
    // An in-process sampler resolves without ever leaving the microtask queue: yielding lets
    // timers, signal handlers and Stop run.
    await cooperate();

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

  lost.dispose();
  const stopped = streams.some((s) => s.done < samples);
  return { summaries: summaries(), histograms: histograms(), stopped, failure, compileS, samplingS };
}

/** The sampler's `lost` as a promise that rejects with the loss, to race each call against. */
function lostAsRejection(sampler: Sampler): { promise: Promise<never>; dispose(): void } {
  let live = true;
  const promise = sampler.lost.then((end) => {
    if (live && end.kind === 'device-lost') throw new DeviceLost(end.reason);
    return new Promise<never>(() => {});
  });
  promise.catch(() => undefined); // raced, never awaited alone
  return { promise, dispose: () => (live = false) };
}

class DeviceLost extends Error {}

/** How long a failed call waits for `lost` to say whether the device went with it. */
const LOST_GRACE_MS = 500;

/**
 * A lost device often surfaces first as a failed call (Dawn rejects mapAsync with an empty
 * message) and only then through `device.lost`: wait briefly for it before calling the
 * failure a sampler error.
 */
async function classify(error: unknown, sampler: Sampler): Promise<Failure> {
  if (error instanceof DeviceLost) return failureOf('device-lost', error);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const grace = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOST_GRACE_MS);
  });
  const end = await Promise.race([sampler.lost, grace]);
  clearTimeout(timer);
  if (end?.kind === 'device-lost') return { kind: 'device-lost', reason: end.reason };
  return failureOf('sampler-error', error);
}

function batchSize(s: Stream, samples: number, maxBatch: number, cost: number, costBudget: number, streamsInRound: number): number {
  const remaining = samples - s.done;
  const wanted =
    costBudget > 0
      ? Math.floor(costBudget / cost)
      : Math.min(FIRST_ROUND_MATRICES, Math.floor(FIRST_ROUND_COST / (streamsInRound * cost)));
  return Math.max(1, Math.min(remaining, maxBatch, wanted));
}
