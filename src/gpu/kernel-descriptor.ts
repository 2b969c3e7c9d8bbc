// A compute kernel described as data — its WGSL, its bindings by name, the constants its
// pipeline is built with — compiled once per device and cached under a key derived from all of
// that, and bound by name rather than by binding number in two files that must agree (STYLE 10).
// Written for the descent kernels (issue 8) so that they need not bend the histogram Sampler;
// the histogram pipelines (pipeline-cache.ts) predate it.

import { ShaderCompileError } from './errors.ts';

export type BindingKind = 'uniform' | 'storage' | 'read-only-storage';

export interface KernelDescriptor<Name extends string = string> {
  label: string;
  /** Complete WGSL (constants already injected), entry point `main`. */
  code: string;
  bindings: Readonly<Record<Name, { binding: number; kind: BindingKind }>>;
}

export interface Kernel<Name extends string = string> {
  readonly label: string;
  readonly pipeline: GPUComputePipeline;
  /** A bind group from buffers named as in the descriptor; a missing name is a type error. */
  bind(resources: Readonly<Record<Name, GPUBuffer>>): GPUBindGroup;
  /** Seconds spent compiling (0 when it came from the cache). */
  readonly compileS: number;
}

/** WGSL `const` declarations for u32 constants, the header every descriptor's code starts with. */
export function wgslConstants(constants: Readonly<Record<string, number>>): string {
  return Object.entries(constants)
    .map(([name, value]) => `const ${name}: u32 = ${value >>> 0}u;`)
    .join('\n');
}

function cacheKey(descriptor: KernelDescriptor): string {
  const bindings = Object.entries(descriptor.bindings).map(([name, b]) => `${name}@${b.binding}:${b.kind}`);
  return `${descriptor.label}|${bindings.join(',')}|${descriptor.code}`;
}

export class KernelCache {
  readonly #pending = new Map<string, Promise<Kernel>>();

  constructor(private readonly device: GPUDevice) {}

  async get<Name extends string>(descriptor: KernelDescriptor<Name>): Promise<Kernel<Name>> {
    const key = cacheKey(descriptor);
    const pending = this.#pending.get(key);
    if (pending) return { ...(await pending), compileS: 0 } as Kernel<Name>;
    const compiling = this.#compile(descriptor);
    this.#pending.set(key, compiling as Promise<Kernel>);
    compiling.catch(() => this.#pending.delete(key));
    return compiling;
  }

  async #compile<Name extends string>(descriptor: KernelDescriptor<Name>): Promise<Kernel<Name>> {
    const started = performance.now();
    const { device } = this;
    const { label } = descriptor;
    const entries = Object.values<{ binding: number; kind: BindingKind }>(descriptor.bindings).map(({ binding, kind }) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type: kind },
    }));
    device.pushErrorScope('validation');
    device.pushErrorScope('internal');
    const module = device.createShaderModule({ label: `${label} shader`, code: descriptor.code });
    const layout = device.createBindGroupLayout({ label: `${label} layout`, entries });
    let pipeline: GPUComputePipeline | undefined;
    let failure: unknown;
    try {
      pipeline = await device.createComputePipelineAsync({
        label: `${label} pipeline`,
        layout: device.createPipelineLayout({ label: `${label} pipeline layout`, bindGroupLayouts: [layout] }),
        compute: { module, entryPoint: 'main' },
      });
    } catch (error) {
      failure = error;
    }
    const internal = await device.popErrorScope();
    const validation = await device.popErrorScope();
    const scoped = validation ?? internal;
    if (failure !== undefined || scoped || !pipeline) {
      const info = await module.getCompilationInfo().catch(() => undefined);
      const messages = info?.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`) ?? [];
      const reason = failure instanceof Error ? failure.message : (scoped?.message ?? String(failure));
      throw new ShaderCompileError(label, [reason, ...messages].filter(Boolean).join('\n'));
    }
    const bindings = descriptor.bindings;
    const built = pipeline;
    return {
      label,
      pipeline: built,
      compileS: (performance.now() - started) / 1000,
      bind: (resources) =>
        device.createBindGroup({
          label: `${label} bind group`,
          layout,
          entries: (Object.keys(bindings) as Name[]).map((name) => ({ binding: bindings[name].binding, resource: { buffer: resources[name] } })),
        }),
    };
  }
}
