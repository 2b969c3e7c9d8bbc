// The CLI's descent backend: Dawn through the `webgpu` package, or the float64 CPU twin.

import { createCpuDescentBackend } from '../cpu/cpu-descent.ts';
import type { DescentBackend } from '../landscape/descent.ts';
import type { WidthBackend } from '../width-config.ts';
import { NoGpuError } from './open-sampler.ts';

export async function openDescentBackend(kind: WidthBackend): Promise<{ backend: DescentBackend; close(): void }> {
  if (kind === 'cpu') return { backend: createCpuDescentBackend(), close: () => undefined };
  // Loaded only for --backend gpu, so the CPU path never starts Dawn.
  const { nodeGpu } = await import('../gpu/node-gpu.ts');
  const { createGpuDescentBackend } = await import('../gpu/descent-runner.ts');
  let provider;
  try {
    provider = await nodeGpu();
    const backend = await createGpuDescentBackend(provider.gpu);
    const opened = provider;
    return { backend, close: () => { backend.destroy(); opened.release(); } };
  } catch (error) {
    provider?.release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new NoGpuError(`no WebGPU adapter: ${reason}. Install Debian's chromium package (it brings the SwiftShader Vulkan driver) or use --backend cpu`);
  }
}
