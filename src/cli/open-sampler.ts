// The CLI's sampler: Dawn through the `webgpu` package, or the float64 CPU twin on every core.

import type { BackendKind } from '../config.ts';
import { createThreadedCpuSampler, defaultThreads } from './cpu-threads.ts';
import { openOnNodeGpu } from './node-gpu-backend.ts';
import type { Sampler } from '../sampler.ts';

export { NoGpuError } from './node-gpu-backend.ts';

export interface OpenSampler {
  sampler: Sampler;
  /** Resolves once the sampler is destroyed (for the GPU, after its pending compiles; node-gpu-backend.ts). */
  close(): Promise<void>;
}

/** `threads`: CPU threads for --backend cpu (default every core); the counts do not depend on it. */
export async function openSampler(backend: BackendKind, threads = defaultThreads()): Promise<OpenSampler> {
  if (backend === 'cpu') {
    const sampler = createThreadedCpuSampler(threads);
    return { sampler, close: async () => sampler.destroy() };
  }
  const { samplerOnContext } = await import('../gpu/gpu-sampler.ts');
  const { value: sampler, close } = await openOnNodeGpu((context) => samplerOnContext(context), (opened) => opened.destroy());
  return { sampler, close };
}
