// How every CLI command opens something on Dawn (the `webgpu` package): the Dawn instance is
// loaded only here, so a --backend cpu run never starts it; it stays referenced until the
// command closes what it opened (FACTS.md), and is released at once when opening fails. Any
// failure on the way is a NoGpuError (exit 3) carrying the command's advice.

/** No adapter or device: the CLI exits 3 with this message. */
export class NoGpuError extends Error {
  override name = 'NoGpuError';
}

export interface OnNodeGpu<T> {
  value: T;
  /** Destroys the value, then releases Dawn. */
  close(): void;
}

export async function openOnNodeGpu<T>(
  open: (gpu: GPU) => Promise<T>,
  destroy: (value: T) => void,
  noGpuMessage: (error: unknown) => string,
): Promise<OnNodeGpu<T>> {
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
    throw new NoGpuError(noGpuMessage(error));
  }
}
