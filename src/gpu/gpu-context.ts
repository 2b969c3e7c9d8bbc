// One device with what every GPU entry point shares: the typegpu root, the pipeline cache and
// the lost promise.

import tgpu, { type TgpuRoot } from 'typegpu';
import { acquireDevice } from './device.ts';
import { PipelineCache } from './pipeline-cache.ts';

export interface GpuContext {
  device: GPUDevice;
  root: TgpuRoot;
  pipelines: PipelineCache;
  description: string;
  /** Resolves with the reason when the device is lost (or destroyed); never rejects. */
  lost: Promise<string>;
  destroy(): void;
}

/** Throws NoAdapterError when the provider has no adapter or refuses a device. */
export async function openGpuContext(gpu: GPU): Promise<GpuContext> {
  const { device, description } = await acquireDevice(gpu);
  const root = tgpu.initFromDevice({ device });
  const lost = device.lost.then(
    (info) => info.message || info.reason || 'device lost',
    (error: unknown) => String(error),
  );
  return {
    device,
    root,
    pipelines: new PipelineCache(device, root),
    description,
    lost,
    destroy: () => device.destroy(),
  };
}
