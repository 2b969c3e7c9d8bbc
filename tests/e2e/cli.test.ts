// The built CLI as a person runs it (node bin/saddle-lab.js): exit codes that need a real
// process — no adapter (3), signals with partial results kept (130, 143, 129), a lost GPU (1),
// output files that are complete or untouched.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords, ROOT } from './page-fixture.ts';

interface Finished { code: number | null; stdout: string; stderr: string }

interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /** Sends `signal` (default SIGINT, like Ctrl-C) after this many ms. */
  interruptAfterMs?: number;
  signal?: NodeJS.Signals;
  /** Arguments for node itself, before the script (a preload). */
  nodeArgs?: string[];
}

function cli(args: string[], options: CliOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [...(options.nodeArgs ?? []), 'bin/saddle-lab.js', ...args], { cwd: ROOT, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    if (options.interruptAfterMs !== undefined) setTimeout(() => child.kill(options.signal ?? 'SIGINT'), options.interruptAfterMs);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const LOSE_DEVICE = join(ROOT, 'tests/e2e/fixtures/lose-device.mjs');

const scratch = () => mkdtempSync(join(tmpdir(), 'saddle-cli-'));

describe('the saddle-lab command', () => {
  it('exits 3 with a clear message when --backend gpu finds no adapter', async () => {
    const env = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/no_icd.json' };
    const { code, stderr } = await cli(['sweep', '--n', '2', '--samples', '10', '--backend', 'gpu'], { env });
    expect(code).toBe(3);
    expect(stderr).toMatch(/no WebGPU adapter.*--backend cpu/);
  });

  // Dawn, started with no Vulkan driver to find, prints three loader warnings and a native source
  // location before it answers; every GPU path checks the driver files first (src/cli/no-gpu.ts).
  for (const args of [
    ['sweep', '--n', '4', '--samples', '100', '--spectrum', join(tmpdir(), 'saddle-no-gpu-spectrum.csv')],
    ['descend', '--p', '3', '--n', '8', '--runs', '2'],
    ['width', '--k', '4', '--width', '1', '--runs', '2'],
  ]) {
    it(`says "no adapter" in one line and exits 3: ${args[0]} ${args.includes('--spectrum') ? '--spectrum ' : ''}--backend gpu`, async () => {
      const env = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/no_icd.json' };
      const { code, stderr } = await cli([...args, '--backend', 'gpu'], { env });
      expect(code).toBe(3);
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^saddle-lab( \w+)?: no WebGPU adapter: the Vulkan driver files named by the environment do not exist \(\/nonexistent\/no_icd\.json\)\. .*--backend cpu$/)]);
    });
  }

  it('keeps the partial counts of every N on Ctrl-C and exits 130', async () => {
    const out = join(scratch(), 'partial.csv');
    const { code } = await cli(['sweep', '--n', '1:3', '--samples', '1e12', '--backend', 'cpu', '--out', out], { interruptAfterMs: 3000 });
    expect(code).toBe(130);
    const rows = csvRecords(readFileSync(out, 'utf8'));
    expect(rows.map((r) => r['n'])).toEqual(['1', '2', '3']);
    for (const row of rows) expect(Number(row['samples'])).toBeGreaterThan(0);
  });

  it('keeps the finished rare-event rows on Ctrl-C', async () => {
    const out = join(scratch(), 'rare.csv');
    // N = 3 takes well under a second; N = 1000 over a minute, so the interrupt lands there.
    const { code } = await cli(['sweep', '--method', 'rare', '--n', '3,1000', '--out', out], { interruptAfterMs: 6000 });
    expect(code).toBe(130);
    const rows = csvRecords(readFileSync(out, 'utf8'));
    expect(rows.map((r) => [r['n'], r['method']])).toEqual([['3', 'rare']]);
  });

  it('exits 1, not 0, when the GPU device is lost mid-sweep, and keeps what it sampled', async () => {
    const out = join(scratch(), 'lost.csv');
    // The preload destroys the Dawn device 3 s in; 1e8 samples per N take far longer.
    const { code, stderr } = await cli(['sweep', '--n', '1:6', '--samples', '1e8', '--out', out], { nodeArgs: ['--import', LOSE_DEVICE] });
    expect(code).toBe(1);
    expect(stderr).toMatch(/partial results written: GPU device lost: \S/);
    const rows = csvRecords(readFileSync(out, 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row['samples'])).toBeLessThan(1e8);
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`keeps the partial counts on ${signal} (timeout, kill, CI cancellation) and exits ${code}`, async () => {
      const dir = scratch();
      const out = join(dir, 'partial.csv');
      writeFileSync(out, 'old\n');
      const result = await cli(['sweep', '--n', '1:3', '--samples', '1e12', '--backend', 'cpu', '--out', out], { interruptAfterMs: 3000, signal });
      expect(result.code).toBe(code);
      const rows = csvRecords(readFileSync(out, 'utf8'));
      expect(rows.map((r) => r['n'])).toEqual(['1', '2', '3']);
      expect(readdirSync(dir)).toEqual(['partial.csv']); // no temporary file left beside it
    });
  }

  it('leaves an existing --out untouched when the run is refused (no adapter, exit 3)', async () => {
    const out = join(scratch(), 'kept.csv');
    writeFileSync(out, 'old results\n');
    const env = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/no_icd.json' };
    const { code } = await cli(['sweep', '--n', '2', '--samples', '10', '--out', out], { env });
    expect(code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('old results\n');
  });

  it('names the flag and path of a failed write and puts the CSV on stdout instead', async () => {
    const { code, stdout, stderr } = await cli(['sweep', '--n', '2', '--samples', '100', '--backend', 'cpu', '--out', '/dev/full']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot write --out "/dev/full": ENOSPC');
    expect(csvRecords(stdout).map((r) => r['samples'])).toEqual(['100']);
  });

  it('counts the same with 1 and 3 CPU threads (worker_threads), both ensembles', async () => {
    const dir = scratch();
    const run = async (ensemble: string, threads: number) => {
      const hist = join(dir, `${ensemble}-${threads}.csv`);
      const args = ['sweep', '--ensemble', ensemble, '--n', '2:5,31', '--samples', '20001', '--seed', '8', '--backend', 'cpu', '--threads', String(threads)];
      const { code, stderr } = await cli([...args, '--out', join(dir, 's.csv'), '--hist', hist]);
      expect(code, stderr).toBe(0);
      return readFileSync(hist, 'utf8');
    };
    for (const ensemble of ['goe', 'goe-tridiagonal']) {
      const one = await run(ensemble, 1);
      expect(one.split('\n').length).toBeGreaterThan(40);
      expect(await run(ensemble, 3)).toBe(one);
    }
  });

  it('refuses an unwritable --out before sampling anything', async () => {
    const { code, stderr } = await cli(['sweep', '--n', '2', '--backend', 'cpu', '--out', '/nonexistent/dir/s.csv']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write --out "/nonexistent/dir/s.csv"');
  });
});
