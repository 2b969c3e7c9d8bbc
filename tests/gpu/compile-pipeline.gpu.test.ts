import { afterAll, describe, expect, it } from 'vitest';
import { compilePipeline, type PipelineSpec } from '../../src/gpu/compile-pipeline.ts';
import { ShaderCompileError } from '../../src/gpu/errors.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const spec = (code: string): PipelineSpec => ({
  label: 'probe-kernel',
  source: () => code,
  bindGroupLayout: () => harness!.context.device.createBindGroupLayout({ label: 'probe layout', entries: [] }),
  entryPoint: 'main',
  constants: { WORKGROUP_SIZE: 4 },
});

describe.skipIf(!harness)('compilePipeline (the error scopes every cache compiles in)', () => {
  it('compiles a valid kernel with its override constants and reports the seconds spent', async () => {
    const compiled = await compilePipeline(harness!.context.device, spec('override WORKGROUP_SIZE: u32;\n@compute @workgroup_size(WORKGROUP_SIZE) fn main() {}'));
    expect(compiled.pipeline).toBeDefined();
    expect(compiled.compileS).toBeGreaterThanOrEqual(0);
  });

  it('turns a WGSL error, which WebGPU does not throw, into a ShaderCompileError naming the kernel and the line', async () => {
    const broken = compilePipeline(harness!.context.device, spec('override WORKGROUP_SIZE: u32;\n@compute @workgroup_size(WORKGROUP_SIZE) fn main() {\n  let x: u32 = undefined_name;\n}'));
    await expect(broken).rejects.toBeInstanceOf(ShaderCompileError);
    await expect(broken).rejects.toMatchObject({ label: 'probe-kernel', message: expect.stringMatching(/^pipeline probe-kernel failed to compile: [\s\S]*\n3:\d+ [\s\S]*undefined_name/) });
  });

  it('reports an unknown entry point as a ShaderCompileError too', async () => {
    const wrongEntry = { ...spec('override WORKGROUP_SIZE: u32;\n@compute @workgroup_size(WORKGROUP_SIZE) fn main() {}'), entryPoint: 'absent' };
    await expect(compilePipeline(harness!.context.device, wrongEntry)).rejects.toMatchObject({ name: 'ShaderCompileError', label: 'probe-kernel' });
  });
});
