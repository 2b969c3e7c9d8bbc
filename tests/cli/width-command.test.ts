import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { csvRecords } from '../e2e/page-fixture.ts';
import { memoryIo } from './helpers.ts';

describe('saddle-lab width', () => {
  it('exits 2 naming the flag and the value of bad input', async () => {
    for (const [args, message] of [
      [['--k', '1:3'], 'invalid k: "1" (must be an integer in [2, 24])'],
      [['--width', '4'], 'invalid width: "4"'],
      [['--runs', '0'], 'invalid runs: "0"'],
      [['--optimizer', 'adam'], 'invalid optimizer: "adam" (must be one of gd, heavy-ball)'],
      [['--width', '1', '--n', '6'], 'invalid n: "6" (--n and --width exclude each other)'],
      [['--frobnicate'], 'unknown flag: --frobnicate'],
    ] as const) {
      const io = memoryIo();
      expect(await main(['width', ...args], io)).toBe(2);
      expect(io.err).toContain(message);
    }
  });

  it('writes one summary row per (k, n) and one end-point row per run on the CPU twin', async () => {
    const io = memoryIo();
    const code = await main(['width', '--k', '4', '--width', '1,1.5', '--runs', '6', '--backend', 'cpu', '--out', 's.csv', '--endpoints', 'e.csv'], io);
    expect(code).toBe(0);
    const rows = csvRecords(io.files.get('s.csv')!);
    expect(rows.map((r) => [r['k'], r['n'], r['runs']])).toEqual([['4', '4', '6'], ['4', '6', '6']]);
    for (const r of rows) {
      expect(Number(r['global']) + Number(r['spurious']) + Number(r['saddle']) + Number(r['not_converged'])).toBe(6);
    }
    expect(csvRecords(io.files.get('e.csv')!)).toHaveLength(12);
  });
});
