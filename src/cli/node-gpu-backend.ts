// How every CLI command opens something on Dawn (the `webgpu` package): the Dawn instance is
// loaded only here, so a --backend cpu run never starts it; it stays referenced until the
// command closes what it opened (FACTS.md), and is released at once when opening fails. Any
// failure on the way is a NoGpuError (exit 3) in one line; where the file system shows that the
// Vulkan loader will find no driver, that is said before Dawn starts (no-gpu.ts).

import { reasonOf } from '../failure.ts';
import { checkVulkanDrivers, noGpu } from './no-gpu.ts';

export { NoGpuError } from './no-gpu.ts';

export interface OnNodeGpu<T> {
  value: T;
  /** Destroys the value, then releases Dawn. */
  close(): void;
}

export async function openOnNodeGpu<T>(
  open: (gpu: GPU) => Promise<T>,
  destroy: (value: T) => void,
): Promise<OnNodeGpu<T>> {
  checkVulkanDrivers();
  const { nodeGpu } = await import('../gpu/node-gpu.ts');
  let provider;
  try {
    provider = await nodeGpu();
    const value = await open(provider.gpu);
    const opened = provider;
    return {
      value,
      close: () => {
        destroy(value);
        opened.release();
      },
    };
  } catch (error) {
    provider?.release();
    throw noGpu(reasonOf(error));
  }
}
