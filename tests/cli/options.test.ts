import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { FLAGS, parseCommandLine } from '../../src/cli/options.ts';
import { parameterNames } from '../../src/config.ts';
import { memoryIo } from './helpers.ts';

describe('parseCommandLine', () => {
  it('reads the sweep example of DESIGN.md §6', () => {
    const options = parseCommandLine(
      'sweep --ensemble goe --n 1:8 --samples 1e6 --shift 0 --seed 42 --method mc --out results.csv'.split(' '),
    );
    expect(options.command).toBe('sweep');
    expect(options.config).toEqual({
      ensemble: 'goe', params: {}, ns: [1, 2, 3, 4, 5, 6, 7, 8], samples: 1e6, shift: 0, seed: 42, method: 'mc', backend: 'gpu',
    });
    expect(options.out).toBe('results.csv');
  });
  it('reads a negative shift as a value', () => expect(parseCommandLine(['sweep', '--shift', '-0.5']).config.shift).toBe(-0.5));
  it('checks N against the ensemble given on the same line', () => {
    expect(parseCommandLine(['sweep', '--n', '4096', '--ensemble', 'goe-tridiagonal']).config.ns).toEqual([4096]);
  });
});

describe('bad input exits 2 with one line naming the flag and the value', () => {
  const cases: [string, string][] = [
    ['sweep --n 0', 'invalid n: "0"'],
    ['sweep --n 8:2', 'invalid n: "8:2"'],
    ['sweep --n 65', 'invalid n: "65"'],
    ['sweep --samples 0', 'invalid samples: "0"'],
    ['sweep --samples lots', 'invalid samples: "lots"'],
    ['sweep --ensemble gue', 'invalid ensemble: "gue"'],
    ['sweep --shift NaN', 'invalid shift: "NaN"'],
    ['sweep --seed -3', 'invalid seed: "-3"'],
    ['sweep --method magic', 'invalid method: "magic"'],
    ['sweep --backend tpu', 'invalid backend: "tpu"'],
    ['sweep --nn 3', 'unknown flag: --nn'],
    ['swep --n 3', 'unknown command: "swep"'],
    ['sweep --n', 'missing value for --n'],
    ['sweep --shard 3/3 --hist h.csv', 'invalid shard: "3/3" (must be i/K with integers 0 ≤ i < K'],
    ['sweep --shard 1/3', '--shard needs --hist'],
    ['sweep --shard 0/4 --samples 3 --hist h.csv', 'invalid shard: "0/4" (K must be at most --samples 3)'],
    ['sweep --method rare --shard 0/2 --hist h.csv', 'invalid shard: "0/2" (shards split the Monte Carlo streams'],
    ['bench --shard 0/2 --hist h.csv', 'invalid shard: "0/2"'],
    ['sweep --backend cpu --threads 0', 'invalid threads: "0" (must be an integer in [1, 256])'],
    ['sweep --backend cpu --threads 2.5', 'invalid threads: "2.5"'],
    ['sweep --backend gpu --threads 2', '--threads applies to --backend cpu with --method mc only'],
    ['sweep --backend cpu --method exact --n 3 --threads 2', '--threads applies to --backend cpu with --method mc only'],
    ['merge', 'merge needs the shard files'],
    ['merge a.csv --seed 3', '--seed does not apply to merge'],
    ['merge /nonexistent/s0.csv', 'cannot read "/nonexistent/s0.csv"'],
    ['sweep --n --out x.csv', 'missing value for --n'],
    ['sweep --n 1:', 'invalid n: "1:"'],
    ['sweep --n 0x10', 'invalid n: "0x10"'],
    ['sweep --samples 0b101', 'invalid samples: "0b101"'],
    ['sweep --seed 0x1', 'invalid seed: "0x1"'],
    ['sweep --n 2 --n 3', '--n given twice ("2" and "3")'],
    ['sweep --seed 1 --seed=1', '--seed given twice'],
    ['sweep --method rare --hist h.csv', '--hist does not apply to --method rare'],
    ['sweep --method exact --hist h.csv', '--hist does not apply to --method exact'],
    ['sweep --replicates 4', '--replicates does not apply to --method mc'],
    ['bench --out o.csv', '--out does not apply to bench'],
    ['bench --hist h.csv', '--hist does not apply to bench'],
    ['sweep --method rare --replicates 0', 'invalid replicates: "0" (must be an integer in [2, 10000])'],
    ['sweep --method rare --shift 1e5', 'invalid shift: "1e5" (must be a number in [-100, 6] for method rare)'],
    ['sweep --shift 1e10', 'invalid shift: "1e10"'],
    ['sweep --out same.csv --hist ./same.csv', '--out and --hist name the same file'],
    ['merge a.csv --out m.csv --hist m.csv', '--out and --hist name the same file'],
    ['sweep --ensemble wigner-t --nu 2', 'invalid nu: "2"'],
    ['sweep --ensemble goe --epsilon 0.1', 'invalid epsilon: "0.1"'],
    ['sweep --ensemble wishart --phi 20', 'invalid phi: "20"'],
    ['sweep --ensemble wishart --method exact', 'invalid method: "exact"'],
    ['sweep --ensemble gauss-newton-residual --epsilon -1', 'invalid epsilon: "-1"'],
    ['sweep --statistic min', 'invalid statistic: "min" (must be one of index, pmin)'],
    ['sweep --statistic pmin --hist h.csv', '--hist "h.csv" does not apply with --statistic pmin'],
    ['sweep --statistic pmin --spectrum s.csv', '--spectrum "s.csv" does not apply with --statistic pmin'],
    ['sweep --statistic pmin --shifts 0:1:0.5', '--shifts "0:1:0.5" does not apply with --statistic pmin'],
    ['sweep --statistic pmin --shard 0/2 --hist h.csv', '--hist "h.csv" does not apply with --statistic pmin'],
    ['sweep --statistic pmin --method exact', 'invalid statistic: "pmin" (applies to method mc only'],
    ['sweep --statistic pmin --ensemble goe-tridiagonal', 'invalid statistic: "pmin" (needs a dense ensemble'],
    ['bench --statistic pmin --ensemble goe-tridiagonal', 'invalid statistic: "pmin" (needs a dense ensemble'],
  ];
  for (const [line, message] of cases) {
    it(line, async () => {
      const io = memoryIo();
      expect(await main(line.split(' '), io)).toBe(2);
      expect(io.err).toContain(message);
      expect(io.err.trimEnd().split('\n')).toHaveLength(1);
      expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    });
  }
});

describe('--help', () => {
  it('documents every flag', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const flag of [...Object.keys(FLAGS), ...parameterNames()]) expect(io.out).toContain(`--${flag}`);
  });
});
