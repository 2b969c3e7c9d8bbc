// What the CPU worker does with each message, apart from the worker global itself so that a
// test can drive it in-process: sampling through the CPU twin, rare-event estimates and
// spectrum counts.

import { createCpuSampler } from '../cpu/cpu-sampler.ts';
import { ensembleSpectrumCounts } from '../cpu/spectrum.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { rareSummaries } from '../engine/rare-rows.ts';
import { describeFailure, reasonOf } from '../failure.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

export function createWorkerHandler(post: Post): (message: ToWorker) => Promise<void> {
  const sampler = createCpuSampler();
  return async (message) => {
    try {
      if (message.type === 'sample') {
        const histograms = await sampler.sample(message.requests);
        post({ type: 'sampled', id: message.id, histograms }, histograms.map((h) => h.buffer));
      } else if (message.type === 'spectrum') {
        const r = message.request;
        const counts = ensembleSpectrumCounts(ensembleEntry(r.ensemble), { seed: r.seed, n: r.n, shift: r.shift, params: r.params }, r.firstIndex, r.count, r.thresholds);
        post({ type: 'spectrum-done', id: message.id, counts }, counts ? [counts.buffer] : []);
      } else {
        const { rows, failure } = await rareSummaries(message.config, {
          onProgress: (n, fractionDone) => post({ type: 'rare-progress', id: message.id, n, fractionDone }),
        });
        if (failure) post({ type: 'error', id: message.id, message: describeFailure(failure) });
        else post({ type: 'rare-done', id: message.id, rows });
      }
    } catch (error) {
      post({ type: 'error', id: message.id, message: reasonOf(error) });
    }
  };
}
