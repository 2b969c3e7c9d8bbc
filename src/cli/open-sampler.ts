// The CLI's sampler: Dawn through the `webgpu` package, or the float64 CPU twin on every core.

import type { BackendKind } from '../config.ts';
import { createThreadedCpuSampler, defaultThreads } from './cpu-threads.ts';
import { openOnNodeGpu } from './node-gpu-backend.ts';
import type { Sampler } from '../sampler.ts';

export { NoGpuError } from './node-gpu-backend.ts';

export interface OpenSampler {
  sampler: Sampler;
  close(): void;
}

/** `threads`: CPU threads for --backend cpu (default every core); the counts do not depend on it. */
export async function openSampler(backend: BackendKind, threads = defaultThreads()): Promise<OpenSampler> {
  if (backend === 'cpu') {
    const sampler = createThreadedCpuSampler(threads);
    return { sampler, close: () => sampler.destroy() };
  }
  const { createGpuSampler } = await import('../gpu/gpu-sampler.ts');
  const { value: sampler, close } = await openOnNodeGpu(createGpuSampler, (opened) => opened.destroy());
  return { sampler, close };
}
