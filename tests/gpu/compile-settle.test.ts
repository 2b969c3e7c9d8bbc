// compilesSettledWithin: the CLI's bounded wait for pending compiles before it destroys its
// device (src/cli/node-gpu-backend.ts). A fake device whose createComputePipelineAsync the test
// settles by hand stands in for Dawn, so a compile that never settles can be made on purpose.
import { describe, expect, it } from 'vitest';
import { compilePipeline, compilesSettledWithin } from '../../src/gpu/compile-pipeline.ts';

/** A device whose pipeline compiles stay pending until the test calls finish(). */
function deviceWithManualCompiles() {
  const pending: Array<() => void> = [];
  const device = {
    pushErrorScope: () => {},
    popErrorScope: async () => null,
    createShaderModule: () => ({ getCompilationInfo: async () => ({ messages: [] }) }),
    createPipelineLayout: () => ({}),
    createComputePipelineAsync: () => new Promise((resolve) => pending.push(() => resolve({ label: 'fake pipeline' }))),
  } as unknown as GPUDevice;
  const finish = () => pending.splice(0).forEach((resolve) => resolve());
  return { device, finish, pending };
}

const spec = {
  label: 'fake-kernel',
  source: () => '',
  bindGroupLayout: () => ({}) as GPUBindGroupLayout,
  entryPoint: 'main',
  constants: {},
};

describe('compilesSettledWithin (the CLI waits for compiles before destroying its device, within a bound)', () => {
  it('is true at once on a device that never compiled anything', async () => {
    expect(await compilesSettledWithin({} as GPUDevice, 10_000)).toBe(true);
  });

  it('is true once a pending compile settles before the bound', async () => {
    const { device, finish, pending } = deviceWithManualCompiles();
    const compiled = compilePipeline(device, spec);
    await Promise.resolve();
    expect(pending).toHaveLength(1);
    let finished = false;
    const waited = compilesSettledWithin(device, 10_000);
    setTimeout(() => {
      finished = true;
      finish();
    }, 20);
    expect(await waited).toBe(true);
    expect(finished).toBe(true);
    await expect(compiled).resolves.toMatchObject({ pipeline: { label: 'fake pipeline' } });
  });

  it('gives up with false when a compile never settles, after about the bound', async () => {
    const { device } = deviceWithManualCompiles();
    void compilePipeline(device, spec);
    const started = performance.now();
    expect(await compilesSettledWithin(device, 50)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('does not reject when a compile failed: a failure is settled too', async () => {
    const device = { ...deviceWithManualCompiles().device, createComputePipelineAsync: async () => Promise.reject(new Error('broken')) } as unknown as GPUDevice;
    await expect(compilePipeline(device, spec)).rejects.toMatchObject({ name: 'ShaderCompileError' });
    expect(await compilesSettledWithin(device, 10_000)).toBe(true);
  });
});
