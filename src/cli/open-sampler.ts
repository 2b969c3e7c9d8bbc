// The CLI's sampler: Dawn through the `webgpu` package, or the float64 CPU twin.

import type { BackendKind } from '../config.ts';
import { createCpuSampler } from '../cpu/cpu-sampler.ts';
import type { Sampler } from '../sampler.ts';

/** No adapter or device: the CLI exits 3 with this message. */
export class NoGpuError extends Error {
  override name = 'NoGpuError';
}

export interface OpenSampler {
  sampler: Sampler;
  close(): void;
}

export async function openSampler(backend: BackendKind): Promise<OpenSampler> {
  if (backend === 'cpu') {
    const sampler = createCpuSampler();
    return { sampler, close: () => sampler.destroy() };
  }
  // Loaded only for --backend gpu, so the CPU path never starts Dawn.
  const { nodeGpu } = await import('../gpu/node-gpu.ts');
  const { createGpuSampler } = await import('../gpu/gpu-sampler.ts');
  let provider;
  try {
    provider = await nodeGpu();
    const sampler = await createGpuSampler(provider.gpu);
    const opened = provider;
    return {
      sampler,
      close: () => {
        sampler.destroy();
        opened.release();
      },
    };
  } catch (error) {
    provider?.release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new NoGpuError(
      `no WebGPU adapter: ${reason}. Install Debian's chromium package (it brings the SwiftShader ` +
        'Vulkan driver) or use --backend cpu',
    );
  }
}
