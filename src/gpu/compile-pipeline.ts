// One compute pipeline compiled inside error scopes. Shader errors do not throw in WebGPU
// (FACTS.md): without the scopes a broken kernel silently reads back zeros, so a failure of
// either scope, a rejected createComputePipelineAsync or a missing pipeline becomes a
// ShaderCompileError naming the kernel, with the compiler's messages when it gave any.

import { ShaderCompileError } from './errors.ts';

export interface CompiledPipeline {
  pipeline: GPUComputePipeline;
  /** Seconds spent compiling (0 when cached). */
  compileS: number;
}

export interface PipelineSpec {
  /** Names the kernel in GPU object labels and in the ShaderCompileError. */
  label: string;
  /** Build the WGSL and the layout, inside the error scopes so that their errors count too. */
  source: () => string;
  bindGroupLayout: () => GPUBindGroupLayout;
  entryPoint: string;
  /** Pipeline-overridable constants (`override` in the WGSL). */
  constants: Record<string, number>;
}

/** The compiles still running on each device (see compilesSettled). */
const running = new WeakMap<GPUDevice, Set<Promise<unknown>>>();

/**
 * Resolves once every compile started on `device` so far has settled. The GPU tests' harness
 * and the CLI (src/cli/node-gpu-backend.ts, within a bound) wait for it before they destroy
 * the device and let go of the Dawn instance: background
 * compiles (the device recount's) still pending then are the suspect of dawn.node aborting the
 * test process ("terminate called after throwing … std::system_error", a futex error).
 */
export async function compilesSettled(device: GPUDevice): Promise<void> {
  await Promise.allSettled([...(running.get(device) ?? [])]);
}

/**
 * compilesSettled, waiting at most `timeoutMs`: true when every compile settled in time, false
 * when the wait gave up. For a process that must exit even if a compile never settles (a hung
 * driver); the timer is cleared either way, so it never keeps Node alive by itself.
 */
export async function compilesSettledWithin(device: GPUDevice, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([compilesSettled(device).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function compilePipeline(device: GPUDevice, spec: PipelineSpec): Promise<CompiledPipeline> {
  const compile = compileInScopes(device, spec);
  const set = running.get(device) ?? new Set();
  running.set(device, set);
  set.add(compile);
  void compile.then(
    () => set.delete(compile),
    () => set.delete(compile),
  );
  return compile;
}

async function compileInScopes(device: GPUDevice, spec: PipelineSpec): Promise<CompiledPipeline> {
  const started = performance.now();
  const { label } = spec;
  device.pushErrorScope('validation');
  device.pushErrorScope('internal');
  let pipeline: GPUComputePipeline | undefined;
  let failure: unknown;
  let module: GPUShaderModule | undefined;
  try {
    module = device.createShaderModule({ label: `${label} shader`, code: spec.source() });
    pipeline = await device.createComputePipelineAsync({
      label: `${label} pipeline`,
      layout: device.createPipelineLayout({ label: `${label} pipeline layout`, bindGroupLayouts: [spec.bindGroupLayout()] }),
      compute: { module, entryPoint: spec.entryPoint, constants: spec.constants },
    });
  } catch (error) {
    failure = error;
  }
  const internal = await device.popErrorScope();
  const validation = await device.popErrorScope();
  const scoped = validation ?? internal;
  if (failure !== undefined || scoped || !pipeline) {
    const messages = module ? await compilationErrors(module) : [];
    const reason = failure instanceof Error ? failure.message : (scoped?.message ?? String(failure));
    throw new ShaderCompileError(label, [reason, ...messages].filter(Boolean).join('\n'));
  }
  return { pipeline, compileS: (performance.now() - started) / 1000 };
}

async function compilationErrors(module: GPUShaderModule): Promise<string[]> {
  try {
    const info = await module.getCompilationInfo();
    return info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
  } catch {
    return [];
  }
}
