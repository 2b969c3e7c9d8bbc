// Where the early-exit P(min) kernel's time goes on this machine's WebGPU (SwiftShader): the
// real kernel (bench --statistic pmin, dense GOE) beside variants that strip it down to a part,
// each measured by the same bench in its own process. A measurement, not a kernel: the
// variants' counts are wrong on purpose and are never used.
//
//   npx tsx scripts/speed/profile-pmin.ts [--n 8,32,64] [--samples 1000000] [--shift 0] [--m M] [--variants real,…] [--numpy]
//
// Variants (each keeps the persistent entry point, pmin_count and the flush; with --m M each
// invocation takes M matrices, default the kernel's):
//   empty       each matrix's result is a bit of its counter words: dispatch, loop, counting.
//   philox      one Philox block and one Box–Muller pair (row 0's draw), no arrays.
//   row0        row 0 through the row fill into an N-float row buffer declared per matrix:
//               adds the buffer's zero-initialisation and the row fill's loop.
//   arrays      row0 plus the kernel's other arrays declared per matrix (inverse pivots: N
//               floats, L: N(N+1)/2), as before the kernel was persistent.
//   floor       Philox block 0 and both its Box–Muller pairs, rows 0 and 1's pivots
//               in registers, every matrix decided there (what any kernel drawing these
//               streams pays for the 85% of GOE matrices at s = 0 that end by row 1).
//   notail      the real kernel with every matrix its head (rows 0..2) leaves undecided
//               counted as a minimum: real − notail is the row steps' share.
//   deadtail    the real kernel with the row steps compiled but never run (the head's
//               undecided counted as minima, the queue never filled): real − deadtail is what
//               running the row steps costs, deadtail − notail what their presence costs.
//   nosuspect   the real kernel without the SUSPECT test of the matrices the row steps decide.
//   threefry    the real kernel with Threefry4x32-20 in Philox's place (threefry-variant.ts).
//   real        the kernel.
// Prints one JSON line per (variant, N), then each variant's time per matrix relative to real.

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { checkKnownAnswers, threefryWgsl } from './threefry-variant.ts';
import { printShares, rateOf, runVariants, serveEditedShaders, type ShaderEdit } from './variant-runner.ts';

checkKnownAnswers();

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '8,32,64' },
    variants: { type: 'string', default: 'real,notail,floor,philox,empty,threefry' },
    m: { type: 'string' },
    samples: { type: 'string', default: '1000000' },
    shift: { type: 'string', default: '0' },
    variant: { type: 'string' },
    /** Also run numpy's lazy early exit (numpy_reference.py pmin) per N and print each variant's rate against it. */
    numpy: { type: 'boolean', default: false },
  },
});

type Edit = ShaderEdit;

/**
 * Replaces pmin_lazy_run by a grid-stride loop whose matrix work is `body` (it sets `result`);
 * the original stays, renamed and unused.
 */
const lazyRun = (body: string): Edit => ['pmin-early-exit.wgsl', /fn pmin_lazy_run\(first: u32, stride: u32, counts: ptr<function, vec2<u32>>\) \{/, `fn pmin_lazy_run(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {
  let count = layout.$.params.count;
  if (first >= count) {
    return;
  }
  for (var local = first; ; local += stride) {
    let words = matrix_words(local);
    var result = 0u;
${body}
    pmin_count(local, result, counts);
    if (count - local <= stride) {
      break;
    }
  }
}
fn pmin_lazy_run_unused(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {`];

// The head's undecided matrices counted as minima instead of queued for the row steps.
const UNDECIDED_AS_MINIMA: Edit = ['pmin-early-exit.wgsl', /queue\[queued\] = local;\n        queued\+\+;\n      \} else \{\n        pmin_count\(local, result, counts\);\n      \}/, 'result = 0u;\n      }\n      pmin_count(local, result, counts);'];

const VARIANTS: Record<string, Edit[]> = {
  real: [],
  empty: [lazyRun('    result = words.x & 1u;')],
  philox: [lazyRun(`    let w = philox4x32(vec4<u32>(words.x, words.y, 0u, layout.$.params.streamTag), layout.$.params.key);
    let v = normal_pair(w.x, w.y);
    result = select(0u, 1u, SQRT2 * v.x + layout.$.params.diagonalShift < 0.0);`)],
  row0: [lazyRun(`    var row: array<f32, N>;
    pmin_row(words, 0u, &row);
    result = select(0u, 1u, row[0] < 0.0);`)],
  arrays: [lazyRun(`    var row: array<f32, N>;
    var inverse: array<f32, N>;
    var l: array<f32, PACKED_CAPACITY>;
    pmin_row(words, 0u, &row);
    inverse[words.x % N] = row[0];
    l[words.y % PACKED_CAPACITY] = row[0];
    result = select(0u, 1u, inverse[words.y % N] + l[words.x % PACKED_CAPACITY] < 0.0);`)],
  floor: [lazyRun(`    let w = philox4x32(vec4<u32>(words.x, words.y, 0u, layout.$.params.streamTag), layout.$.params.key);
    let lo = normal_pair(w.x, w.y);
    let hi = normal_pair(w.z, w.w);
    let s = layout.$.params.diagonalShift;
    let d0 = SQRT2 * lo.x + s;
    let d1 = SQRT2 * hi.x + s - lo.y * lo.y / d0;
    result = select(0u, 1u, d0 < 0.0 || d1 < 0.0);`)],
  notail: [UNDECIDED_AS_MINIMA, ['pmin-early-exit.wgsl', /pmin_rows_run\(&queue, queued, &row, &l, &inverse, counts\);/, '']],
  deadtail: [UNDECIDED_AS_MINIMA],
  // The row steps without the SUSPECT test of the matrices they decide.
  nosuspect: [['pmin-early-exit.wgsl', /result = pmin_result\(state, pmin_answer_unreliable\(decided, k, start, pivot, l, inverse, state\.trace, row\)\);/, 'result = pmin_result(state, false);']],
  threefry: [['prelude.wgsl', /fn philox4x32\([\s\S]*?\n}/, threefryWgsl()]],
  // The real kernel with M matrices per invocation (src/gpu/pipeline-cache.ts's default edited).
};

if (values.variant) {
  await measure(values.variant);
} else {
  const chosen = values.variants!.split(',');
  const ns = values.n!.split(',').map(Number);
  const lines = runVariants(chosen, ['--n', values.n!, '--samples', values.samples!, '--shift', values.shift!, ...(values.m ? ['--m', values.m] : [])]);
  printShares(lines, chosen, ns, (perSecond) => `${Math.round(perSecond / 1000)}k/s`);
  if (values.numpy) {
    // The same run, after the variants: each variant's rate as a share of numpy's (DESIGN §10's
    // comparison for P(min) alone), the floor's included.
    console.log('\n| N | numpy lazy early exit | ' + chosen.map((v) => `${v} / numpy`).join(' | ') + ' |');
    console.log('|---|---|' + chosen.map(() => '---').join('|') + '|');
    for (const n of ns) {
      const out = spawnSync('python3', ['scripts/speed/numpy_reference.py', 'pmin', String(n), '3'], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`numpy_reference.py: ${out.stderr}`);
      const numpy = JSON.parse(out.stdout.trim().split('\n').at(-1)!).matrices_per_s as number;
      console.log(`| ${n} | ${(numpy / 1e6).toFixed(2)}M/s | ` + chosen.map((v) => (rateOf(lines, v, n) / numpy).toFixed(3)).join(' | ') + ' |');
    }
  }
}

async function measure(variant: string): Promise<void> {
  const edits = VARIANTS[variant];
  if (!edits) throw new Error(`unknown variant ${variant} (known: ${Object.keys(VARIANTS).join(', ')})`);
  await serveEditedShaders(edits);
  const { nodeGpu } = await import('../../src/gpu/node-gpu.ts');
  const { openGpuContext } = await import('../../src/gpu/gpu-context.ts');
  const { samplerOnContext } = await import('../../src/gpu/gpu-sampler.ts');
  const provider = await nodeGpu();
  const sampler = samplerOnContext(await openGpuContext(provider.gpu), values.m ? { pminMatricesPerInvocation: Number(values.m) } : {});
  const total = Number(values.samples);
  // Requests of BATCH matrices, one submission each, as a sweep's rounds of one N.
  const BATCH = 2 ** 18;
  for (const n of values.n!.split(',').map(Number)) {
    const request = { ensemble: 'goe' as const, params: {}, n, shift: Number(values.shift), seed: 1, statistic: 'pmin' as const };
    await sampler.prepare(request.ensemble, n, 'pmin');
    await sampler.sample([{ ...request, firstIndex: 0, count: 4096 }]);
    const start = performance.now();
    for (let done = 0; done < total; done += BATCH) {
      await sampler.sample([{ ...request, firstIndex: 4096 + done, count: Math.min(BATCH, total - done) }]);
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(JSON.stringify({ variant, m: values.m ?? 'default', n, matrices_per_s: Math.round(total / seconds), seconds: Number(seconds.toFixed(3)), suspects: sampler.suspectMatrices }));
  }
  sampler.destroy();
  provider.release();
}
