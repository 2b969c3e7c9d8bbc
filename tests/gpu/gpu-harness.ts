// Opens a Dawn device for the GPU tier, or explains loudly why not. With REQUIRE_GPU=1 (CI) a
// missing adapter is an error, so the tier fails instead of passing by skipping everything.

import { compilesSettled } from '../../src/gpu/compile-pipeline.ts';
import { openGpuContext, type GpuContext } from '../../src/gpu/gpu-context.ts';
import { nodeGpu } from '../../src/gpu/node-gpu.ts';

export interface GpuHarness {
  context: GpuContext;
  /**
   * The harness's Dawn instance, for a test that needs a device of its own (to destroy it):
   * open it here rather than from a second nodeGpu(), whose instance, released mid-file, V8
   * may collect while Dawn still holds the destroyed device's objects — the suspect of the
   * GPU tier's `std::system_error` aborts (once in CI at 5faa2d8, once at bef7803, both in
   * tests/gpu/gpu-sampler.gpu.test.ts, whose two such tests did exactly that).
   */
  gpu: GPU;
  close(): Promise<void>;
}

export async function openGpuHarness(): Promise<GpuHarness | undefined> {
  const provider = await nodeGpu();
  try {
    const context = await openGpuContext(provider.gpu);
    return {
      context,
      gpu: provider.gpu,
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
