// Pipelines keyed by a kernel descriptor: the WGSL source, the bind-group layout, the override
// constants and a cache key. Each descriptor is compiled once per device, asynchronously
// (compile time grows with private arrays, FACTS.md), by compilePipeline (error scopes).

import type { TgpuBindGroupLayout, TgpuRoot } from 'typegpu';
import { compilePipeline, type CompiledPipeline } from './compile-pipeline.ts';

export type { CompiledPipeline };

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

  #compile(descriptor: KernelDescriptor): Promise<CompiledPipeline> {
    return compilePipeline(this.device, {
      label: descriptor.key,
      source: () => descriptor.source(),
      bindGroupLayout: () => this.root.unwrap(descriptor.layout),
      entryPoint: descriptor.entryPoint ?? 'main',
      constants: { ...descriptor.constants },
    });
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
