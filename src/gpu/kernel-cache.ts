// Pipelines keyed by a kernel descriptor: the WGSL source, the bind-group layout, the override
// constants and a cache key. Each descriptor is compiled once per device, asynchronously
// (compile time grows with private arrays, FACTS.md); shader errors, which do not throw in
// WebGPU, become a ShaderCompileError through error scopes.

import type { TgpuBindGroupLayout, TgpuRoot } from 'typegpu';
import { ShaderCompileError } from './errors.ts';

export interface KernelDescriptor {
  /** Identifies the pipeline: equal keys must mean equal source, layout and constants. */
  key: string;
  /** Builds the WGSL (called once per key and device). */
  source: () => string;
  layout: TgpuBindGroupLayout;
  /** Pipeline-overridable constants (`override` in the WGSL). */
  constants?: Readonly<Record<string, number>>;
  entryPoint?: string;
}

export interface CompiledPipeline {
  pipeline: GPUComputePipeline;
  /** Seconds spent compiling (0 when cached). */
  compileS: number;
}

export class KernelCache {
  readonly #pending = new Map<string, Promise<CompiledPipeline>>();

  constructor(
    private readonly device: GPUDevice,
    private readonly root: TgpuRoot,
  ) {}

  async get(descriptor: KernelDescriptor): Promise<CompiledPipeline> {
    const pending = this.#pending.get(descriptor.key);
    if (pending) {
      const { pipeline } = await pending;
      return { pipeline, compileS: 0 };
    }
    const compiling = this.#compile(descriptor);
    this.#pending.set(descriptor.key, compiling);
    // A failed compile is not cached, so a later call reports the error again.
    compiling.catch(() => this.#pending.delete(descriptor.key));
    return compiling;
  }

  async #compile(descriptor: KernelDescriptor): Promise<CompiledPipeline> {
    const started = performance.now();
    const { device } = this;
    const label = descriptor.key;
    device.pushErrorScope('validation');
    device.pushErrorScope('internal');
    let pipeline: GPUComputePipeline | undefined;
    let failure: unknown;
    let module: GPUShaderModule | undefined;
    try {
      module = device.createShaderModule({ label: `${label} shader`, code: descriptor.source() });
      pipeline = await device.createComputePipelineAsync({
        label: `${label} pipeline`,
        layout: device.createPipelineLayout({ label: `${label} pipeline layout`, bindGroupLayouts: [this.root.unwrap(descriptor.layout)] }),
        compute: { module, entryPoint: descriptor.entryPoint ?? 'main', constants: { ...descriptor.constants } },
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
}

async function compilationErrors(module: GPUShaderModule): Promise<string[]> {
  try {
    const info = await module.getCompilationInfo();
    return info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
  } catch {
    return [];
  }
}

const CACHES = new WeakMap<GPUDevice, KernelCache>();

/** The one cache of a device, so every runner on it shares compiled pipelines. */
export function kernelCacheFor(device: GPUDevice, root: TgpuRoot): KernelCache {
  let cache = CACHES.get(device);
  if (!cache) {
    cache = new KernelCache(device, root);
    CACHES.set(device, cache);
  }
  return cache;
}
