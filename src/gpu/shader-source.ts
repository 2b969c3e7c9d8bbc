// Shader assembly: the only module that imports shaders/*.wgsl. A sampling kernel is the
// prelude (Philox, uniforms, normals), shaders/sampling.wgsl (matrix index, histogram
// reduction) and shaders/gamma.wgsl, then the ensemble's WGSL as its registry entry names it —
// for a dense ensemble its fill plus the shared shaders/dense-inertia.wgsl — a two-line
// `matrix_index` glue calling it, and the common entry point shaders/sampling-main.wgsl. For
// P(min) alone shaders/pmin-early-exit.wgsl and its persistent entry point shaders/pmin-main.wgsl
// replace them: the glue gives them `pmin_row` (the entry's row fill; without one the whole fill
// runs first), and bins 0/1 are [minima, others]. typegpu
// resolves the externals of one pipeline: N and its workgroup histogram size as WGSL consts,
// the Params struct and the bind group layout.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import type { Statistic } from '../config.ts';
import type { DenseSampling, StreamingSampling, WgslFunction } from '../model/ensemble.ts';
import denseInertia from '../../shaders/dense-inertia.wgsl?raw';
import pminEarlyExit from '../../shaders/pmin-early-exit.wgsl?raw';
import pminMain from '../../shaders/pmin-main.wgsl?raw';
import goeFill from '../../shaders/fills/goe.wgsl?raw';
import wignerFills from '../../shaders/fills/wigner.wgsl?raw';
import wishartFills from '../../shaders/fills/wishart.wgsl?raw';
import df32 from '../../shaders/df32.wgsl?raw';
import df32Probe from '../../shaders/df32-probe.wgsl?raw';
import df32Gamma from '../../shaders/df32-gamma.wgsl?raw';
import df32Inertia from '../../shaders/df32-inertia.wgsl?raw';
import df32Random from '../../shaders/df32-random.wgsl?raw';
import df32Wigner from '../../shaders/fills/df32-wigner.wgsl?raw';
import df32Wishart from '../../shaders/fills/df32-wishart.wgsl?raw';
import gamma from '../../shaders/gamma.wgsl?raw';
import descent from '../../shaders/landscape/descent.wgsl?raw';
import teacherStudent from '../../shaders/landscape/teacher-student.wgsl?raw';
import philoxProbe from '../../shaders/philox-probe.wgsl?raw';
import prelude from '../../shaders/prelude.wgsl?raw';
import matrixWords from '../../shaders/matrix-words.wgsl?raw';
import samplingWgsl from '../../shaders/sampling.wgsl?raw';
import samplingMain from '../../shaders/sampling-main.wgsl?raw';
import recountArgs from '../../shaders/recount-args.wgsl?raw';
import recountMain from '../../shaders/recount-main.wgsl?raw';
import spectrum from '../../shaders/spectrum.wgsl?raw';
import tridiagonalGoe from '../../shaders/tridiagonal-goe.wgsl?raw';
import pspinCoupling from '../../shaders/landscape/pspin-coupling.wgsl?raw';
import pspinDisorder from '../../shaders/landscape/pspin-disorder.wgsl?raw';
import pspinDisorderProbe from '../../shaders/landscape/pspin-disorder-probe.wgsl?raw';
import pspinGradient from '../../shaders/landscape/pspin-gradient.wgsl?raw';
import pspinStep from '../../shaders/landscape/pspin-step.wgsl?raw';
import { Params, samplerLayout } from './kernel-layout.ts';
import { DescentParams, descentLayout, RunStatus } from './descent-layout.ts';
import { pspinCouplingLayout, pspinGradientLayout, pspinProbeLayout, pspinStepLayout } from './pspin-layout.ts';
import { recountArgsLayout, recountLayout } from './recount-layout.ts';
import { spectrumLayout } from './spectrum-layout.ts';

/**
 * The WGSL files an entry's `wgsl.file` may name, by path below shaders/. A table of files,
 * not of ensembles: entries sharing a file (or a test entry reusing one) need no line here.
 */
const SHADER_FILES: Readonly<Record<string, string>> = {
  'fills/df32-wigner.wgsl': df32Wigner,
  'fills/df32-wishart.wgsl': df32Wishart,
  'fills/goe.wgsl': goeFill,
  'fills/wigner.wgsl': wignerFills,
  'fills/wishart.wgsl': wishartFills,
  'tridiagonal-goe.wgsl': tridiagonalGoe,
};

/** What a pipeline is built from: the entry's sampling (kind and WGSL), not its id. */
export type KernelSampling = Pick<DenseSampling, 'kind' | 'wgsl' | 'rowFill'> | Pick<StreamingSampling, 'kind' | 'wgsl'>;

export interface KernelOptions {
  sampling: KernelSampling;
  n: number;
  /** Also write each matrix's index to the `indices` binding (measurements and tests only). */
  recordIndices: boolean;
  /** Bins of the per-workgroup histogram window (histogram-window.ts); 2 for 'pmin'. */
  sharedBins: number;
  /** Absent or 'index': the index kernel; 'pmin': the early-exit kernel (dense only). */
  statistic?: Statistic;
}

function shaderFile(file: string): string {
  const text = SHADER_FILES[file];
  if (text === undefined) throw new RangeError(`no WGSL file ${JSON.stringify(file)} (known: ${Object.keys(SHADER_FILES).join(', ')})`);
  return text;
}

/**
 * The P(min) kernel's hooks: `pmin_row` and `pmin_head` (the entry's row fill and its head,
 * empty without one; PMIN_HEAD says whether there is a head), `pmin_fill`
 * (its whole fill) and `pmin_run`, which loops over the invocation's matrices drawing rows as
 * the factorisation reaches them, or, without a row fill, filling each matrix whole first.
 */
function pminGlue(sampling: KernelSampling & { kind: 'dense' }): string {
  // Without a row fill pmin_lazy_run is never called, but WGSL resolves every name it uses.
  const row = sampling.rowFill ? `  ${sampling.rowFill.wgsl.fn}(words, k, row);\n` : '';
  const head = sampling.rowFill?.head;
  const run = sampling.rowFill ? 'pmin_lazy_run' : 'pmin_filled_run';
  return `fn pmin_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>) {\n${row}}\n`
    + `const PMIN_HEAD: bool = ${head !== undefined};\n`
    + `fn pmin_head(words: vec2<u32>, part: u32) -> vec4<f32> {\n  return ${head ? `${head.fn}(words, part)` : 'vec4<f32>()'};\n}\n`
    + `fn pmin_fill(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {\n  ${sampling.wgsl.fn}(words, a);\n}\n`
    + `fn pmin_run(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {\n  ${run}(first, stride, counts);\n}\n`;
}

/** The WGSL files a dense kernel needs: the whole fill's, and the row fill's when another. */
function fillFiles(sampling: KernelSampling & { kind: 'dense' }, statistic: Statistic): string[] {
  const files = new Set([sampling.wgsl.file]);
  if (statistic === 'pmin' && sampling.rowFill) {
    files.add(sampling.rowFill.wgsl.file);
    if (sampling.rowFill.head) files.add(sampling.rowFill.head.file);
  }
  return [...files].map(shaderFile);
}

/** `matrix_index(local)`: the ensemble's result for matrix `local` of the request. */
function glue({ kind, wgsl }: KernelSampling): string {
  return kind === 'dense'
    ? `fn matrix_index(local: u32) -> u32 {\n  var a: array<f32, PACKED_CAPACITY>;\n  ${wgsl.fn}(matrix_words(local), &a);\n  return dense_inertia(&a);\n}\n`
    : `fn matrix_index(local: u32) -> u32 {\n  return ${wgsl.fn}(local);\n}\n`;
}

/** WGSL for one sampling pipeline; entry point `main`. */
export function kernelSource({ sampling: kernel, n, recordIndices, sharedBins, statistic = 'index' }: KernelOptions): string {
  if (statistic === 'pmin' && kernel.kind !== 'dense') throw new RangeError(`no early-exit P(min) kernel for ${kernel.kind} sampling (${kernel.wgsl.fn})`);
  const parts = kernel.kind === 'dense'
    ? [prelude, matrixWords, samplingWgsl, gamma, denseInertia, ...fillFiles(kernel, statistic),
      ...(statistic === 'pmin' ? [pminMain, pminEarlyExit, pminGlue(kernel)] : [glue(kernel), samplingMain])]
    : [prelude, matrixWords, samplingWgsl, gamma, shaderFile(kernel.wgsl.file), glue(kernel), samplingMain];
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

/** What the device recount is built from: the entry's f32 fill (for shared constants) and its df32 twin. */
/**
 * A device recount: the entry's f32 fill file (for its constants), its df32 fill, and what the
 * recount adds to the histogram: the df32 index ('index'), or 0 for a minimum and 1 otherwise
 * ('pmin', the early-exit kernel's bins).
 */
export type RecountSampling = Pick<DenseSampling, 'wgsl'> & { recount: WgslFunction; statistic: Statistic };

/** The df32 fill and the helpers it may use (the f32 fill's file first, for its constants). */
function df32FillParts(sampling: RecountSampling): string[] {
  return [prelude, matrixWords, gamma, denseInertia, shaderFile(sampling.wgsl.file), df32, df32Random, df32Gamma, df32Inertia, shaderFile(sampling.recount.file)];
}

/**
 * WGSL of the device recount for a dense entry with a df32 fill (shaders/recount-main.wgsl):
 * the fill, the df32 inertia and the grid-stride pass over the suspect list; entry point `main`.
 */
export function recountKernelSource(sampling: RecountSampling, n: number, recordIndices: boolean): string {
  // P(min): a minimum is index 0, so the whole df32 index decides it (no early exit: the
  // recount runs on the few listed matrices, and its SUSPECT covers the whole factor).
  const answer = sampling.statistic === 'pmin' ? '  let index = df_dense_inertia(&a);\n  return min(index & ~SUSPECT, 1u) | (index & SUSPECT);\n' : '  return df_dense_inertia(&a);\n';
  const glue = `fn recount_index(local: u32) -> u32 {\n  var a: array<vec2<f32>, PACKED_CAPACITY>;\n  ${sampling.recount.fn}(matrix_words(local), &a);\n${answer}}\n`;
  return tgpu.resolve({
    template: [...df32FillParts(sampling), glue, recountMain].join('\n'),
    externals: { Params, layout: recountLayout, N: tgpu.const(d.u32, n), RECORD_INDICES: tgpu.const(d.bool, recordIndices) },
  });
}

/** WGSL of the recount's dispatch sizing (shaders/recount-args.wgsl); entry point `main`. */
export function recountArgsSource(recountWorkgroup: number, maxGroups: number): string {
  return tgpu.resolve({
    template: recountArgs,
    externals: { Params, layout: recountArgsLayout, RECOUNT_WORKGROUP: tgpu.const(d.u32, recountWorkgroup), MAX_GROUPS: tgpu.const(d.u32, maxGroups) },
  });
}

/**
 * WGSL of a df32 fill probe (tests only): each invocation fills its matrix with the entry's df32
 * fill and writes the packed triangle's (hi, lo) f32 bits to `indices`, 2·PACKED_LENGTH words per
 * matrix, so tests can compare them with the float64 fill.
 */
export function df32FillProbeSource(sampling: RecountSampling, n: number): string {
  const probe = `@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    var a: array<vec2<f32>, PACKED_CAPACITY>;
    ${sampling.recount.fn}(matrix_words(local), &a);
    for (var t = 0u; t < PACKED_LENGTH; t++) {
      layout.$.indices[2u * (local * PACKED_LENGTH + t)] = bitcast<u32>(a[t].x);
      layout.$.indices[2u * (local * PACKED_LENGTH + t) + 1u] = bitcast<u32>(a[t].y);
    }
  }
}
`;
  return tgpu.resolve({
    template: [...df32FillParts(sampling), probe].join('\n'),
    externals: { Params, layout: samplerLayout, N: tgpu.const(d.u32, n), SHARED_BINS: tgpu.const(d.u32, 1), RECORD_INDICES: tgpu.const(d.bool, false) },
  });
}

/** WGSL of the Philox probe used by the GPU tests; entry point `main`. */
export function philoxProbeSource(): string {
  return [prelude, philoxProbe].join('\n');
}

/** WGSL of the double-f32 probe used by the GPU tests; entry points `ops` and `transforms`. */
export function df32ProbeSource(): string {
  return [df32, df32Random, df32Probe].join('\n');
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

/**
 * WGSL of a row-fill probe (tests only): like fillProbeSource, but the triangle is assembled
 * by the entry's row fill, one row at a time into a row buffer poisoned with −f32::MAX, so a
 * test sees both the bits and (by a marked entry 0) any write past entry k of row k.
 */
export function rowFillProbeSource(sampling: KernelSampling & { kind: 'dense' }, n: number, { head = false } = {}): string {
  const rowFill = sampling.rowFill;
  if (!rowFill) throw new RangeError(`${sampling.wgsl.fn} has no row fill`);
  // With `head`, entries 0..5 (rows 0..2; fewer for N < 3) are the head's instead.
  if (head && !rowFill.head) throw new RangeError(`${rowFill.wgsl.fn} has no head`);
  const headEntries = head && rowFill.head && n >= 2
    ? `    let head = ${rowFill.head.fn}(words, 0u);
    let rest = ${rowFill.head.fn}(words, 1u);
    let entries = array<f32, 6>(head.x, head.y, head.z, head.w, rest.x, rest.y);
    for (var t = 0u; t < min(6u, PACKED_LENGTH); t++) {
      layout.$.indices[local * PACKED_LENGTH + t] = bitcast<u32>(entries[t]);
    }
`
    : '';
  const probe = `// −f32::MAX: a value no fill writes (WGSL refuses a NaN constant).
const POISON: u32 = 0xff7fffffu;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    let words = matrix_words(local);
    var leaked = false;
    var start = 0u;
    for (var k = 0u; k < N; k++) {
      var row: array<f32, N>;
      for (var j = 0u; j < N; j++) {
        row[j] = bitcast<f32>(POISON);
      }
      ${rowFill.wgsl.fn}(words, k, &row);
      for (var j = 0u; j < N; j++) {
        if (j <= k) {
          layout.$.indices[local * PACKED_LENGTH + start + j] = bitcast<u32>(row[j]);
        } else {
          leaked = leaked || bitcast<u32>(row[j]) != POISON;
        }
      }
      start += k + 1u;
    }
${headEntries}    // A row fill that wrote past entry k would overwrite what the early-exit kernel keeps in
    // its row buffer: entry 0 becomes the bits 0xffffffff (a NaN no fill writes).
    if (leaked) {
      layout.$.indices[local * PACKED_LENGTH] = 0xffffffffu;
    }
  }
}
`;
  return tgpu.resolve({
    template: [prelude, matrixWords, samplingWgsl, gamma, denseInertia, ...new Set([sampling.wgsl.file, rowFill.wgsl.file, ...(rowFill.head ? [rowFill.head.file] : [])].map(shaderFile)), probe].join('\n'),
    externals: { Params, layout: samplerLayout, N: tgpu.const(d.u32, n), SHARED_BINS: tgpu.const(d.u32, 1), RECORD_INDICES: tgpu.const(d.bool, false) },
  });
}

/**
 * Each landscape's WGSL (landscape_gradient, landscape_tangent, landscape_retract; see
 * src/landscape/landscape.ts), keyed by Landscape.kernel.shader. A new landscape adds its file here.
 */
export const LANDSCAPE_SHADERS: Readonly<Record<string, string>> = { 'teacher-student': teacherStudent };

/**
 * WGSL for one descent pipeline: the landscape's file, then the generic descent kernel, with
 * DIM and the landscape's constants as WGSL `const u32`. Entry point `main`.
 */
export function descentKernelSource(shader: string, dimension: number, constants: Readonly<Record<string, number>>): string {
  const landscape = LANDSCAPE_SHADERS[shader];
  if (landscape === undefined) throw new Error(`no WGSL registered for landscape ${JSON.stringify(shader)}`);
  const consts = Object.fromEntries(Object.entries(constants).map(([name, value]) => [name, tgpu.const(d.u32, value)]));
  return tgpu.resolve({
    template: [landscape, descent].join('\n'),
    externals: { DescentParams, RunStatus, layout: descentLayout, DIM: tgpu.const(d.u32, dimension), ...consts },
  });
}

/** The p-spin kernels (shaders/landscape/pspin-*.wgsl); the disorder ones start from the prelude's Philox. */
const PSPIN_KERNELS = {
  coupling: { files: [prelude, pspinDisorder, pspinCoupling], layout: pspinCouplingLayout },
  'disorder-probe': { files: [prelude, pspinDisorder, pspinDisorderProbe], layout: pspinProbeLayout },
  gradient: { files: [pspinGradient], layout: pspinGradientLayout },
  step: { files: [pspinStep], layout: pspinStepLayout },
} as const;
export type PspinKernel = keyof typeof PSPIN_KERNELS;

export function pspinKernelLayout<K extends PspinKernel>(kernel: K): (typeof PSPIN_KERNELS)[K]['layout'] {
  return PSPIN_KERNELS[kernel].layout;
}

/** WGSL of one p-spin kernel for (p, N), with P, N, Q = N^(p−1), TOTAL = N^p as WGSL consts. */
export function pspinKernelSource(kernel: PspinKernel, p: number, n: number): string {
  const { files, layout } = PSPIN_KERNELS[kernel];
  const consts = { P: p, N: n, Q: n ** (p - 1), TOTAL: n ** p };
  return tgpu.resolve({
    template: files.join('\n'),
    externals: { layout, ...Object.fromEntries(Object.entries(consts).map(([name, value]) => [name, tgpu.const(d.u32, value)])) },
  });
}
