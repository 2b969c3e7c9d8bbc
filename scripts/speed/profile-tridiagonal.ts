// Where the tridiagonal kernel's time goes on this machine's WebGPU (SwiftShader): the real
// kernel beside variants with one part replaced by something nearly free, each measured by the
// same bench in its own process. A measurement, not a kernel: the variants' counts are wrong
// on purpose and are never used.
//
//   npx tsx scripts/speed/profile-tridiagonal.ts [--n 64,512] [--samples 60000] [--variants real,…]
//   npx tsx scripts/speed/profile-tridiagonal.ts --variants goe-dense-full,goe-early-exit --n 8,32,64
//
// Variants: philox-hash (Philox4x32-10 → two rounds of a multiply-free xor-shift-add mix),
// threefry (Philox4x32-10 → Threefry4x32-20, scripts/speed/threefry-variant.ts),
// normals-cheap (Box–Muller → a linear map of the words), chi-mean (Marsaglia–Tsang χ² →
// its mean k), all three (all-cheap), philox-only (the kernel's Philox calls with everything
// else cheap) and no-log (the squeeze's rare logarithm dropped). Prints one JSON line per (variant, N) and then a table of time shares.

import { parseArgs } from 'node:util';
import { checkKnownAnswers, threefryWgsl } from './threefry-variant.ts';
import { printShares, runVariants, serveEditedShaders, type ShaderEdit } from './variant-runner.ts';

checkKnownAnswers();

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '64,512' },
    variants: { type: 'string', default: 'real,philox-hash,normals-cheap,chi-mean,philox-only,all-cheap' },
    samples: { type: 'string', default: '400000' },
    variant: { type: 'string' },
    /** With --variant: print the variant's summary CSV instead of timing it (P(min) = minima/samples). */
    check: { type: 'boolean', default: false },
  },
});

/** WGSL text edits per variant: [file suffix, search, replacement]. */
const CHEAP_PHILOX = `fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var x = counter ^ vec4<u32>(key, key.yx);
  for (var round = 0u; round < 2u; round++) {
    x = vec4<u32>(x.y ^ (x.x << 7u), x.z + (x.y >> 9u), x.w ^ (x.z << 13u), x.x + (x.w >> 5u)) + vec4<u32>(0x9e3779b9u);
  }
  return x;
}`;
const CHEAP_NORMALS = `fn normal_pair(w0: u32, w1: u32) -> vec2<f32> {
  return vec2<f32>(f32(w0), f32(w1)) * 4.656612873077393e-10 - vec2<f32>(1.0);
}`;
type Edit = ShaderEdit;
const PHILOX_EDIT: Edit = ['prelude.wgsl', /fn philox4x32\([\s\S]*?\n}/, CHEAP_PHILOX];
const NORMAL_EDIT: Edit = ['prelude.wgsl', /fn normal_pair\([\s\S]*?\n}/, CHEAP_NORMALS];
const CHI_EDIT: Edit = ['tridiagonal-goe.wgsl', /var gamma = gamma_attempt\([\s\S]*?previous_squared = 2\.0 \* gamma;/, 'previous_squared = 2.0 * d + 0.6666667 + z.y * 1e-30;'];
// P(min) alone by an early-exit up-looking LDLᵀ of dense GOE: row k is generated (from the
// same Philox blocks as the full fill) only while pivots 0..k−1 are positive. Returns 0 for a
// minimum and 1 otherwise, so only the k = 0 bin means anything: a speed probe for issue 11
// item 1, not a kernel.
const EARLY_EXIT = `fn dense_index(local: u32) -> u32 {
  let words = matrix_words(local);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let shift = layout.$.params.diagonalShift;
  var l: array<f32, BLOCKS * 4u>;
  var d: array<f32, N>;
  for (var k = 0u; k < N; k++) {
    let row = k * (k + 1u) / 2u;
    let end = row + k;
    for (var block = row / 4u; 4u * block <= end; block++) {
      let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
      let v = vec4<f32>(normal_pair(w.x, w.y), normal_pair(w.z, w.w));
      for (var q = 0u; q < 4u; q++) {
        let t = 4u * block + q;
        if (t >= row && t <= end) {
          l[t] = v[q];
        }
      }
    }
    var pivot = SQRT2 * l[end] + shift;
    for (var j = 0u; j < k; j++) {
      let rj = j * (j + 1u) / 2u;
      var u = l[row + j];
      for (var i = 0u; i < j; i++) {
        u -= l[row + i] * d[i] * l[rj + i];
      }
      let lkj = u / d[j];
      l[row + j] = lkj;
      pivot -= u * lkj;
    }
    if (pivot < 0.0) {
      return 1u;
    }
    d[k] = select(pivot, PIVOT_TINY, pivot == 0.0);
  }
  return 0u;
}
`;
const VARIANTS: Record<string, Edit[]> = {
  real: [],
  'philox-hash': [PHILOX_EDIT],
  // Threefry4x32-20, a real multiply-free generator, in Philox's place (threefry-variant.ts).
  threefry: [['prelude.wgsl', /fn philox4x32\([\s\S]*?\n}/, threefryWgsl()]],
  'normals-cheap': [NORMAL_EDIT],
  'chi-mean': [CHI_EDIT],
  'philox-only': [NORMAL_EDIT, CHI_EDIT],
  'all-cheap': [PHILOX_EDIT, NORMAL_EDIT, CHI_EDIT],
  // The squeeze's rare logarithm only (its attempt then always rejects).
  'no-log': [['gamma.wgsl', /return select\(-1\.0, d \* v, log_uniform\(uniform_word\) < 3\.0 \* d \* log_tail\(x\)\);/, 'return -1.0;']],
  'goe-dense-full': [],
  'goe-early-exit': [['dense-goe.wgsl', /fn dense_index\(local: u32\) -> u32 \{[\s\S]*?return negatives \| select\(0u, SUSPECT, suspect\);\n}/, EARLY_EXIT]],
};
/** Variants on the dense GOE kernel; the rest edit the tridiagonal one. */
const ensembleOf = (variant: string) => (variant.startsWith('goe-') ? ('goe' as const) : ('goe-tridiagonal' as const));

if (values.variant) {
  await measure(values.variant);
} else {
  const chosen = values.variants!.split(',');
  const lines = runVariants(chosen, ['--n', values.n!, '--samples', values.samples!]);
  printShares(lines, chosen, values.n!.split(',').map(Number), (perSecond) => `${perSecond}/s`);
}

async function measure(variant: string): Promise<void> {
  const edits = VARIANTS[variant];
  if (!edits) throw new Error(`unknown variant ${variant}`);
  await serveEditedShaders(edits);
  const { benchCommand } = await import('../../src/cli/bench-command.ts');
  const { DEFAULT_CONFIG } = await import('../../src/config.ts');
  const config = { ...DEFAULT_CONFIG, ensemble: ensembleOf(variant), backend: 'gpu' as const, ns: values.n!.split(',').map(Number), samples: Number(values.samples) };
  const { processIo } = await import('../../src/cli/io.ts');
  const io = { ...processIo, stdout: (t: string) => void out.push(t), progress: () => {} };
  const out: string[] = [];
  if (values.check) {
    const { sweepCommand } = await import('../../src/cli/sweep-command.ts');
    console.log((await sweepCommand(config, io, new AbortController().signal)).summaryText);
    return;
  }
  await benchCommand(config, io, new AbortController().signal);
  for (const line of out.join('').trim().split('\n')) {
    const parsed = JSON.parse(line);
    console.log(JSON.stringify({ variant, n: parsed.n, matrices_per_s: parsed.matrices_per_s, seconds: parsed.seconds }));
  }
}
