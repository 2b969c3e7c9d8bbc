// The CLI's sampler: Dawn through the `webgpu` package, or the float64 CPU twin on every core.

import { existsSync } from 'node:fs';
import type { BackendKind } from '../config.ts';
import { reasonOf } from '../failure.ts';
import { createThreadedCpuSampler, defaultThreads } from './cpu-threads.ts';
import { NoGpuError, openOnNodeGpu } from './node-gpu-backend.ts';
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
  // Vulkan drivers named by the environment but absent: say so before Dawn prints three lines of
  // loader warnings and a native source location on the way to the same conclusion.
  const drivers = process.env['VK_DRIVER_FILES'] ?? process.env['VK_ICD_FILENAMES'];
  if (drivers && drivers.split(':').every((path) => path === '' || !existsSync(path))) {
    throw new NoGpuError(
      `no WebGPU adapter: the Vulkan driver files named by the environment do not exist (${drivers}). ` +
        'Install Debian\'s chromium package (it brings the SwiftShader Vulkan driver) or use --backend cpu',
    );
  }
  const { createGpuSampler } = await import('../gpu/gpu-sampler.ts');
  const { value: sampler, close } = await openOnNodeGpu(createGpuSampler, (opened) => opened.destroy(), (error) =>
    `no WebGPU adapter: ${reasonOf(error)}. Install Debian's chromium package (it brings the SwiftShader ` +
      'Vulkan driver) or use --backend cpu');
  return { sampler, close };
}
