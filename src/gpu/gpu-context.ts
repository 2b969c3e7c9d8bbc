// One device with what every GPU entry point shares: the typegpu root, the pipeline cache and
// the lost promise.

import tgpu, { type TgpuRoot } from 'typegpu';
import type { SamplerEnd } from '../failure.ts';
import { reasonOf } from '../failure.ts';
import { acquireDevice } from './device.ts';
import { PipelineCache } from './pipeline-cache.ts';

export interface GpuContext {
  device: GPUDevice;
  root: TgpuRoot;
  pipelines: PipelineCache;
  description: string;
  /** Whether the adapter runs on the CPU (device.ts): the P(min) kernel's batching follows it. */
  cpuAdapter: boolean;
  /** Resolves when the device is lost (`closed` when our own destroy() ended it); never rejects. */
  lost: Promise<SamplerEnd>;
  destroy(): void;
}

/** Throws NoAdapterError when the provider has no adapter or refuses a device. */
export async function openGpuContext(gpu: GPU): Promise<GpuContext> {
  const { device, description, cpuAdapter } = await acquireDevice(gpu);
  const root = tgpu.initFromDevice({ device });
  let closing = false;
  // Dawn's message is empty for a destroyed device: the reason falls back to the loss reason.
  // A device destroyed by someone else (a driver, a test's preload) is lost, not closed.
  const lost = device.lost.then(
    (info): SamplerEnd => (closing ? { kind: 'closed' } : { kind: 'device-lost', reason: info.message || info.reason || 'device lost' }),
    (error: unknown): SamplerEnd => ({ kind: 'device-lost', reason: reasonOf(error) }),
  );
  return {
    device,
    root,
    pipelines: new PipelineCache(device, root),
    description,
    cpuAdapter,
    lost,
    destroy: () => {
      closing = true;
      device.destroy();
    },
  };
}
