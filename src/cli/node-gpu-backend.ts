// How every CLI command opens something on Dawn (the `webgpu` package): the Dawn instance is
// loaded only here, so a --backend cpu run never starts it; it stays referenced until the
// command closes what it opened (FACTS.md), and is released at once when opening fails. Any
// failure on the way is a NoGpuError (exit 3) in one line; where the file system shows that the
// Vulkan loader will find no driver, that is said before Dawn starts (no-gpu.ts).

import { reasonOf } from '../failure.ts';
import type { GpuContext } from '../gpu/gpu-context.ts';
import { checkVulkanDrivers, noGpu } from './no-gpu.ts';

export { NoGpuError } from './no-gpu.ts';

/**
 * How long close() waits for the device's pending pipeline compiles before it destroys the
 * device anyway. Destroying a device under a background compile (the device recount's, started
 * by prepare() and often unfinished when a short run ends) is the suspect of dawn.node aborting
 * the process (futex / std::system_error) after the results are in, so close() waits for them;
 * but a compile that never settles (a hung driver) must not keep the command from exiting, and
 * past this bound destroying is the lesser harm. The bound is several times the slowest compile
 * a run starts, the df32 recount at N = 64 (the dense limit) on SwiftShader, as
 * `saddle-lab bench --n 64` reports it in compile_s; a real GPU compiles faster.
 */
export const CLOSE_COMPILE_WAIT_MS = 30_000;

export interface OnNodeGpu<T> {
  value: T;
  /** Waits (within CLOSE_COMPILE_WAIT_MS) for pending compiles, destroys the value, releases Dawn. */
  close(): Promise<void>;
}

/**
 * Opens a device on Dawn and builds the value on it; `destroy` must destroy the device too
 * (the GPU runners' `ownsContext` default).
 */
export async function openOnNodeGpu<T>(
  onContext: (context: GpuContext) => T | Promise<T>,
  destroy: (value: T) => void,
): Promise<OnNodeGpu<T>> {
  checkVulkanDrivers();
  const { nodeGpu } = await import('../gpu/node-gpu.ts');
  const { openGpuContext } = await import('../gpu/gpu-context.ts');
  const { compilesSettledWithin } = await import('../gpu/compile-pipeline.ts');
  let provider;
  let context: GpuContext | undefined;
  try {
    provider = await nodeGpu();
    context = await openGpuContext(provider.gpu);
    const value = await onContext(context);
    const { device } = context;
    const opened = provider;
    return {
      value,
      close: async () => {
        await compilesSettledWithin(device, CLOSE_COMPILE_WAIT_MS);
        destroy(value);
        opened.release();
      },
    };
  } catch (error) {
    context?.destroy();
    provider?.release();
    throw noGpu(reasonOf(error));
  }
}
