import { describe, expect, it } from 'vitest';
import { runsOnCpu } from '../../src/gpu/device.ts';
import { NoAdapterError } from '../../src/gpu/errors.ts';
import { createGpuSampler } from '../../src/gpu/gpu-sampler.ts';

const fakeGpu = (requestAdapter: () => Promise<GPUAdapter | null>) => ({ requestAdapter }) as unknown as GPU;

describe('GPU sampler acquisition', () => {
  it('throws NoAdapterError when the provider has no adapter', async () => {
    await expect(createGpuSampler(fakeGpu(async () => null))).rejects.toBeInstanceOf(NoAdapterError);
  });

  it('throws NoAdapterError when requestAdapter itself fails', async () => {
    const failing = fakeGpu(async () => {
      throw new Error('blocklisted');
    });
    await expect(createGpuSampler(failing)).rejects.toThrow(/blocklisted/);
    await expect(createGpuSampler(failing)).rejects.toBeInstanceOf(NoAdapterError);
  });

  it('throws NoAdapterError when the adapter refuses a device', async () => {
    const adapter = {
      limits: { maxComputeWorkgroupStorageSize: 16384, maxStorageBufferBindingSize: 1 << 27, maxBufferSize: 1 << 28 },
      info: { vendor: 'test', architecture: '', device: '', description: '' },
      requestDevice: async () => {
        throw new Error('device limit exceeded');
      },
    } as unknown as GPUAdapter;
    await expect(createGpuSampler(fakeGpu(async () => adapter))).rejects.toBeInstanceOf(NoAdapterError);
  });

  it('tells a CPU adapter (SwiftShader by name, or one that says it is a fallback) from a GPU', () => {
    const info = (fields: Partial<GPUAdapterInfo>) => ({ vendor: '', architecture: '', device: '', description: '', ...fields }) as GPUAdapterInfo;
    expect(runsOnCpu(info({ vendor: 'google', architecture: 'swiftshader' }))).toBe(true);
    expect(runsOnCpu(info({ description: 'SwiftShader Device (Subzero)' }))).toBe(true);
    expect(runsOnCpu(info({ vendor: 'microsoft', isFallbackAdapter: true }))).toBe(true);
    expect(runsOnCpu(info({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200', isFallbackAdapter: false }))).toBe(false);
    expect(runsOnCpu(undefined)).toBe(false);
  });
});
