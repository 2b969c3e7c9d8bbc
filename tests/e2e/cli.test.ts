// The built CLI as a person runs it (node bin/saddle-lab.js): exit codes that need a real
// process — no adapter (3), Ctrl-C with partial results kept (130), an unwritable --out (2).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords, ROOT } from './page-fixture.ts';

interface Finished { code: number | null; stderr: string }

/** Runs the CLI; `interruptAfterMs` sends SIGINT like Ctrl-C. */
function cli(args: string[], options: { env?: NodeJS.ProcessEnv; interruptAfterMs?: number } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/saddle-lab.js', ...args], { cwd: ROOT, env: options.env ?? process.env });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    if (options.interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), options.interruptAfterMs);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const scratch = () => mkdtempSync(join(tmpdir(), 'saddle-cli-'));

describe('the saddle-lab command', () => {
  it('exits 3 with a clear message when --backend gpu finds no adapter', async () => {
    const env = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/no_icd.json' };
    const { code, stderr } = await cli(['sweep', '--n', '2', '--samples', '10', '--backend', 'gpu'], { env });
    expect(code).toBe(3);
    expect(stderr).toMatch(/no WebGPU adapter.*--backend cpu/);
  });

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

  it('refuses an unwritable --out before sampling anything', async () => {
    const { code, stderr } = await cli(['sweep', '--n', '2', '--backend', 'cpu', '--out', '/nonexistent/dir/s.csv']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write --out "/nonexistent/dir/s.csv"');
  });
});
