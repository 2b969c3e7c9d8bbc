// The harness both speed profiles share (profile-pmin.ts, profile-tridiagonal.ts): a variant is
// a list of edits to the WGSL the kernels load, each variant is measured in a process of its
// own (the edited text is served to that process only), and the parent prints the variants'
// time per matrix as shares of the first one's.

import { spawnSync } from 'node:child_process';

/** One edit of a served WGSL file: [file name suffix, search, replacement]. */
export type ShaderEdit = [file: string, pattern: RegExp, replacement: string];

/** A variant's rate at one N, one JSON line of a child's stdout. */
export interface VariantRate {
  variant: string;
  n: number;
  matrices_per_s: number;
}

/**
 * Runs this script again once per variant with `--variant V` and `childArgs`, on SwiftShader
 * unless VK_ICD_FILENAMES says otherwise; echoes and returns the children's JSON lines.
 */
export function runVariants(variants: readonly string[], childArgs: readonly string[]): VariantRate[] {
  const lines: VariantRate[] = [];
  for (const variant of variants) {
    const run = () =>
      spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--variant', variant, ...childArgs], {
        encoding: 'utf8',
        env: { ...process.env, VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json', XDG_RUNTIME_DIR: '/tmp' },
      });
    let child = run();
    // dawn.node on SwiftShader now and then dies by a signal at exit (FACTS.md): once more.
    if (child.status === null) child = run();
    if (child.status !== 0) throw new Error(`${variant}: status ${child.status} signal ${child.signal}: ${child.stderr}`);
    for (const text of child.stdout.trim().split('\n')) {
      process.stdout.write(text + '\n');
      lines.push(JSON.parse(text) as VariantRate);
    }
  }
  return lines;
}

/** The rate of `variant` at `n` among `lines`. */
export function rateOf(lines: readonly VariantRate[], variant: string, n: number): number {
  const line = lines.find((l) => l.variant === variant && l.n === n);
  if (!line) throw new Error(`no rate for ${variant} at N = ${n}`);
  return line.matrices_per_s;
}

/** Markdown table: each variant's time per matrix as a share of the first's, and its rate. */
export function printShares(lines: readonly VariantRate[], variants: readonly string[], ns: readonly number[], rate: (perSecond: number) => string): void {
  console.log('\n| N | ' + variants.join(' | ') + ' |');
  console.log('|---|' + variants.map(() => '---').join('|') + '|');
  for (const n of ns) {
    const first = rateOf(lines, variants[0]!, n);
    console.log(`| ${n} | ` + variants.map((v) => `${(first / rateOf(lines, v, n)).toFixed(2)} (${rate(rateOf(lines, v, n))})`).join(' | ') + ' |');
  }
}

/**
 * In a child: serves every `*.wgsl?raw` import with `edits` applied (like scripts/raw-imports.ts,
 * which serves the files as they are), throwing where an edit does not apply. Call before the
 * first dynamic import that reaches src/gpu/shader-source.ts.
 */
export async function serveEditedShaders(edits: readonly ShaderEdit[]): Promise<void> {
  const { register } = await import('node:module');
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
}
