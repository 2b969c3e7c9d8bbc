// Shader assembly: the only module that imports shaders/*.wgsl. A sampling kernel is the
// prelude (Philox, uniforms, normals), shaders/sampling.wgsl (matrix index, histogram
// reduction) and shaders/gamma.wgsl, then the ensemble's WGSL as its registry entry names it —
// for a dense ensemble its fill plus the shared shaders/dense-inertia.wgsl — a two-line
// `matrix_index` glue calling it, and the common entry point shaders/sampling-main.wgsl. typegpu
// resolves the externals of one pipeline: N and its workgroup histogram size as WGSL consts,
// the Params struct and the bind group layout.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import type { DenseSampling, StreamingSampling } from '../model/ensemble.ts';
import denseInertia from '../../shaders/dense-inertia.wgsl?raw';
import goeFill from '../../shaders/fills/goe.wgsl?raw';
import wignerFills from '../../shaders/fills/wigner.wgsl?raw';
import wishartFills from '../../shaders/fills/wishart.wgsl?raw';
import gamma from '../../shaders/gamma.wgsl?raw';
import philoxProbe from '../../shaders/philox-probe.wgsl?raw';
import prelude from '../../shaders/prelude.wgsl?raw';
import matrixWords from '../../shaders/matrix-words.wgsl?raw';
import samplingWgsl from '../../shaders/sampling.wgsl?raw';
import samplingMain from '../../shaders/sampling-main.wgsl?raw';
import spectrum from '../../shaders/spectrum.wgsl?raw';
import tridiagonalGoe from '../../shaders/tridiagonal-goe.wgsl?raw';
import { Params, samplerLayout } from './kernel-layout.ts';
import { spectrumLayout } from './spectrum-layout.ts';

/**
 * The WGSL files an entry's `wgsl.file` may name, by path below shaders/. A table of files,
 * not of ensembles: entries sharing a file (or a test entry reusing one) need no line here.
 */
const SHADER_FILES: Readonly<Record<string, string>> = {
  'fills/goe.wgsl': goeFill,
  'fills/wigner.wgsl': wignerFills,
  'fills/wishart.wgsl': wishartFills,
  'tridiagonal-goe.wgsl': tridiagonalGoe,
};

/** What a pipeline is built from: the entry's sampling (kind and WGSL), not its id. */
export type KernelSampling = Pick<DenseSampling, 'kind' | 'wgsl'> | Pick<StreamingSampling, 'kind' | 'wgsl'>;

export interface KernelOptions {
  sampling: KernelSampling;
  n: number;
  /** Also write each matrix's index to the `indices` binding (measurements and tests only). */
  recordIndices: boolean;
  /** Bins of the per-workgroup histogram window (histogram-window.ts). */
  sharedBins: number;
}

function shaderFile(file: string): string {
  const text = SHADER_FILES[file];
  if (text === undefined) throw new RangeError(`no WGSL file ${JSON.stringify(file)} (known: ${Object.keys(SHADER_FILES).join(', ')})`);
  return text;
}

/** `matrix_index(local)`: the ensemble's result for matrix `local` of the request. */
function glue({ kind, wgsl }: KernelSampling): string {
  return kind === 'dense'
    ? `fn matrix_index(local: u32) -> u32 {\n  var a: array<f32, PACKED_CAPACITY>;\n  ${wgsl.fn}(matrix_words(local), &a);\n  return dense_inertia(&a);\n}\n`
    : `fn matrix_index(local: u32) -> u32 {\n  return ${wgsl.fn}(local);\n}\n`;
}

/** WGSL for one sampling pipeline; entry point `main`. */
export function kernelSource({ sampling: kernel, n, recordIndices, sharedBins }: KernelOptions): string {
  const parts = [prelude, matrixWords, samplingWgsl, gamma, ...(kernel.kind === 'dense' ? [denseInertia] : []), shaderFile(kernel.wgsl.file), glue(kernel), samplingMain];
  return tgpu.resolve({
    template: parts.join('\n'),
    externals: {
      Params,
      layout: samplerLayout,
      N: tgpu.const(d.u32, n),
      SHARED_BINS: tgpu.const(d.u32, sharedBins),
      RECORD_INDICES: tgpu.const(d.bool, recordIndices),
    },
  });
}

/**
 * WGSL for the spectrum kernel of a dense ensemble (shaders/spectrum.wgsl): its fill, then
 * Householder + Sturm counts at `thresholds` thresholds; entry point `main`.
 */
export function spectrumKernelSource(fill: Pick<DenseSampling, 'wgsl'>, n: number, thresholds: number): string {
  const glue = `fn fill_matrix(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {\n  ${fill.wgsl.fn}(words, a);\n}\n`;
  return tgpu.resolve({
    template: [prelude, matrixWords, gamma, denseInertia, shaderFile(fill.wgsl.file), glue, spectrum].join('\n'),
    externals: {
      Params,
      layout: spectrumLayout,
      N: tgpu.const(d.u32, n),
      THRESHOLDS: tgpu.const(d.u32, thresholds),
    },
  });
}

/** WGSL of the Philox probe used by the GPU tests; entry point `main`. */
export function philoxProbeSource(): string {
  return [prelude, philoxProbe].join('\n');
}

/**
 * WGSL of a fill probe for a dense ensemble (measurements and tests only): each invocation
 * fills its matrix and writes the packed triangle's f32 bits to `indices`, PACKED_LENGTH words
 * per matrix, so tests can check the entry law and compare with the float64 fill.
 */
export function fillProbeSource(sampling: KernelSampling & { kind: 'dense' }, n: number): string {
  const probe = `@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    var a: array<f32, PACKED_CAPACITY>;
    ${sampling.wgsl.fn}(matrix_words(local), &a);
    for (var t = 0u; t < PACKED_LENGTH; t++) {
      layout.$.indices[local * PACKED_LENGTH + t] = bitcast<u32>(a[t]);
    }
  }
}
`;
  return tgpu.resolve({
    template: [prelude, matrixWords, samplingWgsl, gamma, denseInertia, shaderFile(sampling.wgsl.file), probe].join('\n'),
    externals: { Params, layout: samplerLayout, N: tgpu.const(d.u32, n), SHARED_BINS: tgpu.const(d.u32, 1), RECORD_INDICES: tgpu.const(d.bool, false) },
  });
}
