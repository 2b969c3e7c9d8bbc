// The CLI's descent backend: Dawn through the `webgpu` package, or the float64 CPU twin.

import { createCpuDescentBackend } from '../cpu/cpu-descent.ts';
import type { DescentBackend } from '../landscape/descent.ts';
import type { WidthBackend } from '../width-config.ts';
import { openOnNodeGpu } from './node-gpu-backend.ts';

export async function openDescentBackend(kind: WidthBackend): Promise<{ backend: DescentBackend; close(): Promise<void> }> {
  if (kind === 'cpu') return { backend: createCpuDescentBackend(), close: async () => undefined };
  const { descentBackendOnContext } = await import('../gpu/descent-runner.ts');
  const { value: backend, close } = await openOnNodeGpu((context) => descentBackendOnContext(context), (opened) => opened.destroy());
  return { backend, close };
}
