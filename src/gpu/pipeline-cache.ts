// Compute pipelines per (kernel, N, recordIndices), compiled lazily and asynchronously, and
// cached: compile time grows with the dense kernel's private array (FACTS.md), so each is
// built once per device. The kernel is what the ensemble's registry entry names (its sampling
// kind and WGSL function), so ensembles sharing a fill share pipelines. Shader errors do not throw in WebGPU; the error scope turns them
// into a ShaderCompileError instead of a pipeline that silently reads back zeros.

import type { TgpuRoot } from 'typegpu';
import type { Ensemble } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { ShaderCompileError } from './errors.ts';
import { samplerLayout } from './kernel-layout.ts';
import { sharedBinCount } from './histogram-window.ts';
import { kernelSource, type KernelSampling } from './shader-source.ts';

/** Invocations per workgroup (the WGSL `override WORKGROUP_SIZE`); one matrix each. */
export const WORKGROUP_SIZE = 64;

export interface CompiledKernel {
  pipeline: GPUComputePipeline;
  /** Seconds spent in createComputePipelineAsync (0 when cached). */
  compileS: number;
}

export class PipelineCache {
  readonly #pending = new Map<string, Promise<CompiledKernel>>();
  readonly #bindGroupLayout: GPUBindGroupLayout;

  constructor(
    private readonly device: GPUDevice,
    root: TgpuRoot,
  ) {
    this.#bindGroupLayout = root.unwrap(samplerLayout);
  }

  get bindGroupLayout(): GPUBindGroupLayout {
    return this.#bindGroupLayout;
  }

  /** The pipeline for (ensemble, n); resolves with compileS = 0 once cached. */
  async get(ensemble: Ensemble, n: number, recordIndices = false): Promise<CompiledKernel> {
    const { sampling } = ensembleEntry(ensemble);
    const key = `${sampling.kind}-${sampling.wgsl.file}-${sampling.wgsl.fn}-n${n}${recordIndices ? '-record' : ''}`;
    let pending = this.#pending.get(key);
    if (pending) {
      const { pipeline } = await pending;
      return { pipeline, compileS: 0 };
    }
    pending = this.#compile(`${sampling.wgsl.fn}-n${n}${recordIndices ? '-record' : ''}`, sampling, n, recordIndices);
    this.#pending.set(key, pending);
    // A failed compile is not cached, so a later call reports the error again.
    pending.catch(() => this.#pending.delete(key));
    return pending;
  }

  async #compile(label: string, sampling: KernelSampling, n: number, recordIndices: boolean): Promise<CompiledKernel> {
    const started = performance.now();
    const code = kernelSource({ sampling, n, recordIndices, sharedBins: sharedBinCount(n) });
    const { device } = this;
    device.pushErrorScope('validation');
    device.pushErrorScope('internal');
    const module = device.createShaderModule({ label: `${label} shader`, code });
    let pipeline: GPUComputePipeline | undefined;
    let failure: unknown;
    try {
      pipeline = await device.createComputePipelineAsync({
        label: `${label} pipeline`,
        layout: device.createPipelineLayout({ label: `${label} pipeline layout`, bindGroupLayouts: [this.#bindGroupLayout] }),
        compute: { module, entryPoint: 'main', constants: { WORKGROUP_SIZE } },
      });
    } catch (error) {
      failure = error;
    }
    const internal = await device.popErrorScope();
    const validation = await device.popErrorScope();
    const scoped = validation ?? internal;
    if (failure !== undefined || scoped || !pipeline) {
      const messages = await compilationMessages(module);
      const reason = failure instanceof Error ? failure.message : (scoped?.message ?? String(failure));
      throw new ShaderCompileError(label, [reason, ...messages].filter(Boolean).join('\n'));
    }
    return { pipeline, compileS: (performance.now() - started) / 1000 };
  }
}

async function compilationMessages(module: GPUShaderModule): Promise<string[]> {
  try {
    const info = await module.getCompilationInfo();
    return info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
  } catch {
    return [];
  }
}
