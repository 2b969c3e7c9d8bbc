import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { PSPIN_CRITICAL_COLUMNS, PSPIN_END_POINT_COLUMNS } from '../../src/export/pspin-csv.ts';
import { memoryIo } from './helpers.ts';

const rows = (text: string) => text.trim().split('\n').map((line) => line.split(','));

describe('saddle-lab descend and critical', () => {
  it.each([
    [['descend', '--p', '4'], 'invalid p: "4"'],
    [['descend', '--n', '300'], 'invalid n: "300"'],
    [['critical', '--eta', '-0.1'], 'invalid eta: "-0.1"'],
    [['descend', '--beta', '1'], 'invalid beta: "1"'],
    [['descend', '--optimizer', 'adam'], 'invalid optimizer: "adam"'],
    [['descend', '--runs', '0'], 'invalid runs: "0"'],
    [['descend', '--optimizer', 'gd', '--beta', '0.5'], 'invalid beta: "0.5"'],
    [['descend', '--frobnicate'], 'unknown flag: --frobnicate'],
  ])('exits 2 naming the flag for %j', async (argv, message) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toContain(message);
  });

  it('writes one end-point row per run and disorder, polished minima with u, index and λ_min (CPU twin)', async () => {
    const io = memoryIo();
    const code = await main(['descend', '--p', '3', '--n', '16', '--runs', '5', '--disorders', '2', '--backend', 'cpu', '--out', 'ends.csv'], io);
    expect(code).toBe(0);
    const [header, ...body] = rows(io.files.get('ends.csv')!);
    expect(header).toEqual([...PSPIN_END_POINT_COLUMNS]);
    expect(body).toHaveLength(10);
    const col = (name: string) => header!.indexOf(name);
    for (const row of body) {
      expect(row[col('class')]).toBe('minimum');
      expect(row[col('index')]).toBe('0');
      expect(Number(row[col('lambda_min')])).toBeGreaterThan(0);
      expect(Number(row[col('u')]) * 16).toBeCloseTo(Number(row[col('loss')]), 9);
    }
    expect(new Set(body.map((row) => row[col('disorder')]))).toEqual(new Set(['0', '1']));
  });

  it('writes distinct critical points whose index fraction is index/(N − 1) beside the theory', async () => {
    const io = memoryIo();
    const code = await main(['critical', '--p', '3', '--n', '16', '--runs', '3', '--disorders', '1', '--steps', '16', '--backend', 'cpu', '--out', 'crit.csv'], io);
    expect(code).toBe(0);
    const [header, ...body] = rows(io.files.get('crit.csv')!);
    expect(header).toEqual([...PSPIN_CRITICAL_COLUMNS]);
    expect(body.length).toBeGreaterThan(2);
    const col = (name: string) => header!.indexOf(name);
    for (const row of body) {
      expect(Number(row[col('index_fraction')])).toBeCloseTo(Number(row[col('index')]) / 15, 12);
      expect(Number(row[col('grad_norm')])).toBeLessThanOrEqual(1e-11 * 4);
    }
  });
});
