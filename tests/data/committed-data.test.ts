// The committed measurements under data/ must still be what their README commands produce. A
// full regeneration takes minutes to hours, so this reruns a small, fixed prefix of each through
// the same code path and compares it byte for byte with the committed rows: a change that moves
// any last digit (as the portable Box–Muller of the CPU twin did to every p-spin file, unseen
// for a stop) fails here, and the fix is to rerun the README's command and commit the files.
// Every run is seeded; the streams are counter-based, so run r of disorder d (p-spin) or run r
// of (k, n) (width) does not depend on how many runs the command asked for.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { memoryIo } from '../cli/helpers.ts';

const ROOT = process.cwd(); // vitest runs from the repository root
const lines = (text: string) => text.trimEnd().split('\n');
const committed = (path: string) => lines(readFileSync(resolve(ROOT, path), 'utf8'));

/** Runs `saddle-lab argv --out x.csv` in-process and returns the CSV's lines. */
async function cli(argv: string[]): Promise<string[]> {
  const io = memoryIo();
  expect(await main([...argv, '--out', 'x.csv'], io), io.err).toBe(0);
  return lines(io.files.get('x.csv')!);
}

// Each command of scripts/measure-pspin.sh with its variables filled in and fewer runs and
// disorders; the script's runs are ordered disorder by disorder, run by run.
const DESCENTS: { file: string; argv: string[] }[] = [
  {
    file: 'data/pspin/ends-p3-n16.csv',
    argv: ['descend', '--p', '3', '--n', '16', '--optimizer', 'momentum', '--eta', '0.1', '--beta', '0.9', '--steps', '20000', '--seed', '7', '--backend', 'cpu'],
  },
  {
    file: 'data/pspin/ends-p2-n16.csv',
    argv: ['descend', '--p', '2', '--n', '16', '--optimizer', 'momentum', '--eta', '0.1', '--beta', '0.9', '--steps', '20000', '--seed', '7', '--backend', 'cpu'],
  },
  {
    file: 'data/pspin/momentum-beta0.csv',
    argv: ['descend', '--p', '3', '--n', '32', '--optimizer', 'gd', '--eta', '0.1', '--beta', '0', '--steps', '20000', '--seed', '11', '--backend', 'cpu'],
  },
];

describe('the committed data still regenerate', () => {
  for (const { file, argv } of DESCENTS) {
    it(`${file}: its first two runs, byte for byte`, async () => {
      const rows = await cli([...argv, '--runs', '2', '--disorders', '1']);
      expect(rows).toHaveLength(3);
      expect(rows).toEqual(committed(file).slice(0, 3));
    });
  }

  it('data/pspin/critical-p3-n32.csv: the critical points seeded in the first 4 steps of disorder 0, byte for byte', async () => {
    // Seeds after 0, 1, 2, 4 steps of the same descents; points found are merged in seed order,
    // so they are the committed rows of disorder 0 with step ≤ 4.
    const rows = await cli(['critical', '--p', '3', '--n', '32', '--runs', '8', '--disorders', '1', '--optimizer', 'gd', '--eta', '0.05', '--beta', '0', '--steps', '4', '--seed', '13', '--backend', 'cpu']);
    const [header, ...body] = committed('data/pspin/critical-p3-n32.csv');
    const col = (name: string) => header!.split(',').indexOf(name);
    const expected = body.filter((row) => row.split(',')[col('disorder')] === '0' && Number(row.split(',')[col('step')]) <= 4);
    expect(expected.length).toBeGreaterThan(3);
    expect(rows).toEqual([header, ...expected]);
  });

  it('data/width/k6-12/spurious-minima.csv: the spectra of the spurious minima first met in 3 runs at k = 8, 9, 10, byte for byte', () => {
    // The README's script itself (k = 6…12 there, 500 runs): a spurious minimum's row names the
    // first run that reached it, and its three smallest Hessian eigenvalues come from that run's
    // polished point, so they do not depend on the run count. (Its loss column is the lowest of
    // the cluster's members, which does.)
    const out = mkdtempSync(join(tmpdir(), 'saddle-width-'));
    execFileSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/measure-width.ts', '--runs', '3', '--stages', 'square', '--k', '8:10', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const key = (row: string) => row.split(',').filter((_, i) => [0, 1, 4].includes(i)).join(','); // k, n, first_run
    const spectrum = (row: string) => row.split(',').slice(5).join(','); // lambda_1..3
    const [header, ...fresh] = lines(readFileSync(join(out, 'spurious-minima.csv'), 'utf8'));
    const [committedHeader, ...saved] = committed('data/width/k6-12/spurious-minima.csv');
    expect(header).toBe(committedHeader);
    const matched = fresh.filter((row) => saved.some((s) => key(s) === key(row)));
    expect(matched.length).toBeGreaterThanOrEqual(3);
    for (const row of matched) expect(spectrum(row), key(row)).toBe(spectrum(saved.find((s) => key(s) === key(row))!));
  }, 120_000);
});
