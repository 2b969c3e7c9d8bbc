// sweep --statistic pmin: the early-exit kernel's rows, with the index-only columns empty,
// the same minima as the index sampler, and index runs unchanged byte for byte.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { parseCommandLine } from '../../src/cli/options.ts';
import { memoryIo } from './helpers.ts';

const sweep = async (extra: string[]) => {
  const io = memoryIo();
  const code = await main(['sweep', '--ensemble', 'goe', '--n', '1:3', '--samples', '3000', '--shift', '0.2', '--seed', '9', '--backend', 'cpu', ...extra], io);
  expect(code).toBe(0);
  // elapsed_s (the last column) is the one field a rerun changes.
  return io.out.trimEnd().split('\n').map((line) => line.split(',').slice(0, -1));
};

describe('sweep --statistic', () => {
  it('index is the default and leaves the settings as they were', () => {
    expect(parseCommandLine(['sweep', '--statistic', 'index']).config).toEqual(parseCommandLine(['sweep']).config);
    expect(parseCommandLine(['sweep', '--statistic', 'pmin']).config.statistic).toBe('pmin');
  });

  it('index gives the same CSV with and without the flag (but elapsed_s)', async () => {
    expect(await sweep(['--statistic', 'index'])).toEqual(await sweep([]));
  });

  it('pmin: same columns, same minima and p_min as the index run; maxima and index moments empty', async () => {
    const [header, ...index] = await sweep([]);
    const [pminHeader, ...pmin] = await sweep(['--statistic', 'pmin']);
    expect(pminHeader).toEqual(header);
    const at = (name: string) => header!.indexOf(name);
    pmin.forEach((row, i) => {
      for (const same of ['n', 'samples', 'minima', 'p_min', 'p_min_lo', 'p_min_hi', 'log10_p_min']) expect(row[at(same)]).toBe(index[i]![at(same)]);
      for (const empty of ['maxima', 'index_mean', 'index_var']) expect(row[at(empty)]).toBe('');
    });
    expect(Number(pmin[0]![at('minima')])).toBeGreaterThan(0);
  });

  it('bench --statistic pmin prints lines that say so', async () => {
    const io = memoryIo();
    expect(await main(['bench', '--statistic', 'pmin', '--n', '4', '--samples', '2000', '--backend', 'cpu'], io)).toBe(0);
    expect(JSON.parse(io.out.trim())).toMatchObject({ n: 4, statistic: 'pmin', backend: 'cpu' });
  });
});
