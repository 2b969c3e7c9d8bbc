// Picks the sampler the page runs on: WebGPU when the browser offers an adapter, else the
// float64 CPU twin in a Web Worker. The badge says which, in words a person can act on.

import type { BackendKind } from '../config.ts';
import { reasonOf } from '../failure.ts';
import type { Sampler } from '../sampler.ts';
import type { CpuWorkers } from './cpu-workers.ts';

export interface Backend {
  sampler: Sampler;
  kind: BackendKind;
  /** Text for the backend badge. */
  badge: string;
}

export const NO_WEBGPU_BADGE = 'CPU fallback — no WebGPU';

export function cpuBackend(worker: CpuWorkers, why: string): Backend {
  return { sampler: worker.sampler(), kind: 'cpu', badge: why };
}

/**
 * `preference` 'cpu' skips WebGPU. Any failure to get a device (no navigator.gpu, no adapter,
 * a refused device) falls back to the CPU with the reason in the badge; this never rejects.
 */
export async function openBackend(preference: BackendKind, gpu: GPU | undefined, worker: CpuWorkers): Promise<Backend> {
  if (preference === 'cpu') return cpuBackend(worker, 'CPU (chosen in the URL) — float64 in a Web Worker');
  if (!gpu) return cpuBackend(worker, NO_WEBGPU_BADGE);
  try {
    // Loaded on demand: the CPU fallback never parses the GPU code (typegpu is most of it), and
    // the first paint does not wait for it.
    const { createGpuSampler } = await import('../gpu/gpu-sampler.ts');
    const sampler = await createGpuSampler(gpu);
    return { sampler, kind: 'gpu', badge: `WebGPU — ${sampler.description}` };
  } catch (error) {
    const reason = reasonOf(error);
    // "no WebGPU adapter available" is the common case and needs no more words than the badge.
    const detail = /^no WebGPU adapter/i.test(reason) ? '' : ` (${reason})`;
    return cpuBackend(worker, `${NO_WEBGPU_BADGE} adapter${detail}`);
  }
}
