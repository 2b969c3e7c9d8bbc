// Compute pipelines per (kernel, N, recordIndices), compiled lazily and asynchronously, and
// cached: compile time grows with the dense kernel's private array (FACTS.md), so each is
// built once per device. The kernel is what the ensemble's registry entry names (its sampling
// kind and WGSL function), so ensembles sharing a fill share pipelines. compilePipeline turns
// shader errors, which do not throw in WebGPU, into a ShaderCompileError.

import type { TgpuRoot } from 'typegpu';
import type { Ensemble, Statistic } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { compilePipeline, type CompiledPipeline } from './compile-pipeline.ts';
import { samplerLayout } from './kernel-layout.ts';
import { sharedBinCount } from './histogram-window.ts';
import { kernelSource, type KernelSampling } from './shader-source.ts';

/** Bins of a P(min) request: [minima, others]. */
const PMIN_BINS = 2;

/** Invocations per workgroup (the WGSL `override WORKGROUP_SIZE`); one matrix each for the index kernels. */
export const WORKGROUP_SIZE = 64;

/**
 * Matrices each invocation of the persistent P(min) kernel takes (shaders/pmin-main.wgsl) on a
 * GPU: enough that the per-invocation flush is spread thin, while a request of 10⁵ matrices
 * still fills hundreds of workgroups, as a real GPU needs.
 */
export const PMIN_MATRICES_PER_INVOCATION = 16;

/**
 * The same on an adapter that runs on the CPU (SwiftShader), where fewer, longer invocations
 * pay: what an invocation pays once (its arrays' zero-initialisation, the start of its row
 * steps, the flush) is spread over more matrices; which of these dominates was not measured
 * apart. Measured on SwiftShader, GOE at s = 0 (profile-pmin.ts --m): M = 16 gave 1.2–2.1M/s
 * at N = 8..64, M = 64 2.1–2.9M/s, 256 and 1024 the same within noise; at s = 0.9 every M
 * within noise. 64 keeps a request of 2¹⁸ matrices at 64 workgroups.
 */
export const PMIN_MATRICES_PER_INVOCATION_CPU = 64;

export type CompiledKernel = CompiledPipeline;

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

  /** The pipeline for (ensemble, n, statistic); resolves with compileS = 0 once cached. */
  async get(ensemble: Ensemble, n: number, { recordIndices = false, statistic = 'index' }: { recordIndices?: boolean; statistic?: Statistic } = {}): Promise<CompiledKernel> {
    const { sampling } = ensembleEntry(ensemble);
    const rowFill = statistic === 'pmin' && sampling.kind === 'dense' && sampling.rowFill ? `-${sampling.rowFill.wgsl.file}-${sampling.rowFill.wgsl.fn}-${sampling.rowFill.head?.fn ?? 'headless'}` : '';
    const kernel = `${statistic}${rowFill}`;
    const key = `${kernel}-${sampling.kind}-${sampling.wgsl.file}-${sampling.wgsl.fn}-n${n}${recordIndices ? '-record' : ''}`;
    let pending = this.#pending.get(key);
    if (pending) {
      const { pipeline } = await pending;
      return { pipeline, compileS: 0 };
    }
    pending = this.#compile(`${statistic === 'pmin' ? 'pmin ' : ''}${sampling.wgsl.fn}-n${n}${recordIndices ? '-record' : ''}`, sampling, n, recordIndices, statistic);
    this.#pending.set(key, pending);
    // A failed compile is not cached, so a later call reports the error again.
    pending.catch(() => this.#pending.delete(key));
    return pending;
  }

  #compile(label: string, sampling: KernelSampling, n: number, recordIndices: boolean, statistic: Statistic): Promise<CompiledKernel> {
    const sharedBins = statistic === 'pmin' ? PMIN_BINS : sharedBinCount(n);
    const code = kernelSource({ sampling, n, recordIndices, sharedBins, statistic });
    return compilePipeline(this.device, { label, source: () => code, bindGroupLayout: () => this.#bindGroupLayout, entryPoint: 'main', constants: { WORKGROUP_SIZE } });
  }
}
