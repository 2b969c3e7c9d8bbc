// Opens a Dawn device for the GPU tier, or explains loudly why not. With REQUIRE_GPU=1 (CI) a
// missing adapter is an error, so the tier fails instead of passing by skipping everything.

import { compilesSettled } from '../../src/gpu/compile-pipeline.ts';
import { openGpuContext, type GpuContext } from '../../src/gpu/gpu-context.ts';
import { nodeGpu } from '../../src/gpu/node-gpu.ts';

export interface GpuHarness {
  context: GpuContext;
  close(): Promise<void>;
}

export async function openGpuHarness(): Promise<GpuHarness | undefined> {
  const provider = await nodeGpu();
  try {
    const context = await openGpuContext(provider.gpu);
    return {
      context,
      async close() {
        await compilesSettled(context.device);
        context.destroy();
        provider.release();
      },
    };
  } catch (error) {
    provider.release();
    // Dawn loads the system's Vulkan loader; Debian ships it as libvulkan1 (chromium keeps a
    // private copy in /usr/lib/chromium that LD_LIBRARY_PATH can point at instead).
    const hint = 'needs libvulkan.so.1 (apt-get install libvulkan1) and VK_ICD_FILENAMES pointing at SwiftShader';
    const reason = `${error instanceof Error ? error.message : String(error)}; ${hint}`;
    if (process.env.REQUIRE_GPU === '1') {
      throw new Error(`REQUIRE_GPU=1 but no WebGPU device: ${reason} (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES})`);
    }
    console.warn(`\n!!! GPU TESTS SKIPPED: no WebGPU device (${reason}). Set REQUIRE_GPU=1 to make this an error.\n`);
    return undefined;
  }
}
