// Where the tridiagonal kernel's time goes on this machine's WebGPU (SwiftShader): the real
// kernel beside variants with one part replaced by something nearly free, each measured by the
// same bench in its own process. A measurement, not a kernel: the variants' counts are wrong
// on purpose and are never used.
//
//   npx tsx scripts/speed/profile-tridiagonal.ts [--n 64,512] [--samples 400000]
//
// Variants: philox-hash (Philox4x32-10 → two rounds of a multiply-free xor-shift-add mix),
// normals-cheap (Box–Muller → a linear map of the words), chi-mean (Marsaglia–Tsang χ² →
// its mean k), all three, and philox-only (the kernel's Philox calls with everything else
// cheap). Prints one JSON line per (variant, N) and then a table of time shares.

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '64,512' },
    samples: { type: 'string', default: '400000' },
    variant: { type: 'string' },
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
type Edit = [file: string, pattern: RegExp, replacement: string];
const PHILOX_EDIT: Edit = ['prelude.wgsl', /fn philox4x32\([\s\S]*?\n}/, CHEAP_PHILOX];
const NORMAL_EDIT: Edit = ['prelude.wgsl', /fn normal_pair\([\s\S]*?\n}/, CHEAP_NORMALS];
const CHI_EDIT: Edit = ['tridiagonal-goe.wgsl', /var gamma = gamma_attempt\(d, c, z\.y, w\.z\);[\s\S]*?previous_squared = 2\.0 \* gamma;/, 'previous_squared = 2.0 * d + 0.6666667 + z.y * 1e-30;'];
const VARIANTS: Record<string, Edit[]> = {
  real: [],
  'philox-hash': [PHILOX_EDIT],
  'normals-cheap': [NORMAL_EDIT],
  'chi-mean': [CHI_EDIT],
  'philox-only': [NORMAL_EDIT, CHI_EDIT],
  'all-cheap': [PHILOX_EDIT, NORMAL_EDIT, CHI_EDIT],
};

if (values.variant) {
  await measure(values.variant);
} else {
  const lines: Record<string, number>[] = [];
  for (const variant of Object.keys(VARIANTS)) {
    const run = () =>
      spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--variant', variant, '--n', values.n!, '--samples', values.samples!], {
        encoding: 'utf8',
        env: { ...process.env, VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json', XDG_RUNTIME_DIR: '/tmp' },
      });
    let child = run();
    // dawn.node on SwiftShader now and then dies by a signal at exit (FACTS.md): once more.
    if (child.status === null) child = run();
    if (child.status !== 0) throw new Error(`${variant}: status ${child.status} signal ${child.signal}: ${child.stderr}`);
    for (const text of child.stdout.trim().split('\n')) {
      process.stdout.write(text + '\n');
      lines.push(JSON.parse(text));
    }
  }
  // Time per matrix of each variant as a share of the real kernel's.
  console.log('\n| N | ' + Object.keys(VARIANTS).join(' | ') + ' |');
  console.log('|---|' + Object.keys(VARIANTS).map(() => '---').join('|') + '|');
  for (const n of values.n!.split(',').map(Number)) {
    const of = (v: string) => lines.find((l) => (l as unknown as { variant: string }).variant === v && l.n === n)!.matrices_per_s!;
    const real = of('real');
    console.log(`| ${n} | ` + Object.keys(VARIANTS).map((v) => `${(real / of(v)).toFixed(2)} (${of(v)}/s)`).join(' | ') + ' |');
  }
}

async function measure(variant: string): Promise<void> {
  const edits = VARIANTS[variant];
  if (!edits) throw new Error(`unknown variant ${variant}`);
  const { register } = await import('node:module');
  // Like scripts/raw-imports.ts, but the served text is edited first.
  const hooks = `
import { readFile } from 'node:fs/promises';
const edits = ${JSON.stringify(edits.map(([f, p, r]) => [f, p.source, r]))};
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('?raw')) {
    let text = await readFile(new URL(url.slice(0, -4)), 'utf8');
    for (const [file, pattern, replacement] of edits) {
      if (!url.slice(0, -4).endsWith('/' + file)) continue;
      const next = text.replace(new RegExp(pattern), () => replacement);
      if (next === text) throw new Error('variant edit did not apply to ' + file + ': ' + pattern);
      text = next;
    }
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}`;
  register('data:text/javascript,' + encodeURIComponent(hooks));
  const { benchCommand } = await import('../../src/cli/bench-command.ts');
  const { DEFAULT_CONFIG } = await import('../../src/config.ts');
  const config = { ...DEFAULT_CONFIG, ensemble: 'goe-tridiagonal' as const, backend: 'gpu' as const, ns: values.n!.split(',').map(Number), samples: Number(values.samples) };
  const out: string[] = [];
  await benchCommand(config, { stdout: (t) => void out.push(t), stderr: (t) => void process.stderr.write(t), progress: () => {}, writeFile: () => {} }, new AbortController().signal);
  for (const line of out.join('').trim().split('\n')) {
    const parsed = JSON.parse(line);
    console.log(JSON.stringify({ variant, n: parsed.n, matrices_per_s: parsed.matrices_per_s, seconds: parsed.seconds }));
  }
}
