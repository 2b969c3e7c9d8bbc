// The float64 CPU sampler: the oracle for the GPU tests and the fallback where no adapter
// exists. Pure computation with no Node or DOM imports, so it also runs inside a Web Worker.

import type { Ensemble } from '../config.ts';
import type { SamplerEnd } from '../failure.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { resultLength, type BatchRequest, type Sampler } from '../sampler.ts';
import { float64Index, float64IsMinimum, minimumScratch } from './float64-twin.ts';
import { packedLength } from './pivots.ts';

/** Histogram counts stay exact in float64 up to 2^53; one request never gets near it. */
const CPU_MAX_BATCH = 2 ** 32 - 1;

function sampleOne(request: BatchRequest): Float64Array {
  const { n, shift, seed, params, firstIndex, count } = request;
  const entry = ensembleEntry(request.ensemble);
  if (request.statistic === 'pmin') return minimaOf(request);
  const histogram = new Float64Array(n + 1);
  const scratch = new Float64Array(packedLength(n));
  for (let m = 0; m < count; m++) histogram[float64Index(entry, { seed, n, shift, index: firstIndex + m, params }, scratch)]++;
  return histogram;
}

/** [minima, others] by the early-exit twin (lazy rows where the entry has a row fill). */
function minimaOf(request: BatchRequest): Float64Array {
  const { n, shift, seed, params, firstIndex, count } = request;
  const entry = ensembleEntry(request.ensemble);
  const scratch = minimumScratch(n);
  let minima = 0;
  for (let m = 0; m < count; m++) if (float64IsMinimum(entry, { seed, n, shift, index: firstIndex + m, params }, scratch)) minima++;
  const counts = new Float64Array(resultLength(request));
  counts[0] = minima;
  counts[1] = count - minima;
  return counts;
}

export function createCpuSampler(): Sampler {
  let destroyed = false;
  let markLost: (end: SamplerEnd) => void = () => {};
  const lost = new Promise<SamplerEnd>((resolve) => {
    markLost = resolve;
  });
  return {
    backend: 'cpu',
    description: 'CPU float64',
    maxBatch: CPU_MAX_BATCH,
    prepare(_ensemble: Ensemble, _n: number): Promise<number> {
      return Promise.resolve(0);
    },
    sample(requests: readonly BatchRequest[]): Promise<Float64Array[]> {
      if (destroyed) return Promise.reject(new Error('the CPU sampler was destroyed'));
      try {
        return Promise.resolve(requests.map(sampleOne));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    lost,
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      markLost({ kind: 'closed' });
    },
  };
}
