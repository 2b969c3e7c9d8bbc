// Device acquisition from an injected GPU provider (navigator.gpu in a browser, nodeGpu() in
// Node), asking for the adapter's largest limits where the kernels can use them.

import { NoAdapterError } from './errors.ts';

export interface AcquiredDevice {
  device: GPUDevice;
  /** "swiftshader (google)", or the adapter's description. */
  description: string;
  /** Whether the adapter runs on the CPU (SwiftShader, or one that says it is a fallback). */
  cpuAdapter: boolean;
}

/** Whether an adapter with this info runs on the CPU. */
export function runsOnCpu(info: GPUAdapterInfo | undefined): boolean {
  if (!info) return false;
  // isFallbackAdapter is recent (not every Dawn or browser has it); SwiftShader names itself.
  return info.isFallbackAdapter === true || /swiftshader/i.test(`${info.architecture} ${info.description} ${info.device}`);
}

function describe(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'WebGPU adapter';
  const name = info.description || info.architecture || info.device || 'WebGPU adapter';
  return info.vendor ? `${name} (${info.vendor})` : name;
}

export async function acquireDevice(gpu: GPU, label = 'saddle-lab'): Promise<AcquiredDevice> {
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    throw new NoAdapterError(`requestAdapter failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!adapter) throw new NoAdapterError('no WebGPU adapter available');
  const { limits } = adapter;
  try {
    const device = await adapter.requestDevice({
      label,
      requiredLimits: {
        // The tridiagonal histogram at N = 4096 needs 16 388 bytes of workgroup memory.
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
      },
    });
    return { device, description: describe(adapter.info), cpuAdapter: runsOnCpu(adapter.info) };
  } catch (error) {
    throw new NoAdapterError(`requestDevice failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
