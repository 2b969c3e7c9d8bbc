// The CLI's spectrum counter: dense ensembles on the GPU (shaders/spectrum.wgsl) for
// --backend gpu, everything else on the float64 CPU twin (Householder + Sturm, or the
// tridiagonal model directly).

import type { BackendKind } from '../config.ts';
import { ensembleSpectrumCounts } from '../cpu/spectrum.ts';
import type { SpectrumCounter } from '../engine/spectrum-run.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { openOnNodeGpu } from './node-gpu-backend.ts';

export interface OpenSpectrumCounter {
  counter: SpectrumCounter;
  close(): Promise<void>;
}

const cpuCounter: SpectrumCounter = {
  backend: 'cpu',
  counts: async (r) => ensembleSpectrumCounts(ensembleEntry(r.ensemble), { seed: r.seed, n: r.n, shift: r.shift, params: r.params }, r.firstIndex, r.count, r.thresholds),
};

export async function openSpectrumCounter(backend: BackendKind): Promise<OpenSpectrumCounter> {
  if (backend === 'cpu') return { counter: cpuCounter, close: async () => {} };
  const { gpuSpectrumCounts } = await import('../gpu/spectrum-runner.ts');
  const { value: context, close } = await openOnNodeGpu((opened) => opened, (opened) => opened.destroy());
  const counter: SpectrumCounter = {
    backend: 'gpu',
    counts: async (r) => {
      const entry = ensembleEntry(r.ensemble);
      if (entry.sampling.kind !== 'dense') return cpuCounter.counts(r);
      return gpuSpectrumCounts(context, { entry, seed: r.seed, n: r.n, shift: r.shift, params: r.params, firstIndex: r.firstIndex, count: r.count, thresholds: r.thresholds });
    },
  };
  return { counter, close };
}
