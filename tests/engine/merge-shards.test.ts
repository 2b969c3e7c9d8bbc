// Shards (sweep --shard i/K on the CPU twin, in process) merged against one run of the whole
// streams: the same bytes but elapsed_s; and every refusal names the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { mergeShards, type ShardFile } from '../../src/engine/merge-shards.ts';
import { memoryIo } from '../cli/helpers.ts';

const SETTINGS = ['--ensemble', 'goe', '--n', '1:4,7', '--samples', '2000', '--shift', '0.1', '--seed', '5', '--backend', 'cpu'];

async function sweep(extra: string[]): Promise<{ summary: string; hist: string }> {
  const io = memoryIo();
  const code = await main(['sweep', ...SETTINGS, '--out', 's.csv', '--hist', 'h.csv', ...extra], io);
  expect(code, io.err).toBe(0);
  return { summary: io.files.get('s.csv')!, hist: io.files.get('h.csv')! };
}

/** The CSV without its elapsed_s column, the one field that differs between runs. */
function withoutElapsed(csv: string): string {
  const [header, ...rows] = csv.trim().split('\n');
  const at = header!.split(',').indexOf('elapsed_s');
  return [header, ...rows].map((line) => line!.split(',').filter((_, i) => i !== at).join(',')).join('\n');
}

let whole: { summary: string; hist: string };
let shards: ShardFile[][];

beforeAll(async () => {
  whole = await sweep([]);
  shards = [];
  for (const i of [0, 1, 2]) {
    const part = await sweep(['--shard', `${i}/3`]);
    shards.push([{ file: `s${i}.csv`, text: part.summary }, { file: `h${i}.csv`, text: part.hist }]);
  }
});

describe('merging shards', () => {
  it('gives the one-run CSVs byte for byte but elapsed_s, in any file order', () => {
    const merged = mergeShards(shards.flat().reverse());
    expect(merged.histogramText).toBe(whole.hist);
    expect(withoutElapsed(merged.summaryText)).toBe(withoutElapsed(whole.summary));
    expect(merged.summaryText.split('\n')[0]).toBe(whole.summary.split('\n')[0]);
  });

  it('labels every row of a shard and samples only its index range', () => {
    const [summary, hist] = shards[1]!;
    expect(summary!.text.split('\n')[0]).toMatch(/,elapsed_s,statistic,shard,first_index$/);
    expect(summary!.text.trim().split('\n').slice(1).every((l) => l.endsWith(',index,1/3,666'))).toBe(true);
    expect(hist!.text.trim().split('\n').slice(1).every((l) => l.endsWith(',index,1/3,666'))).toBe(true);
    // 2000 matrices in three shards: 666, 667, 667 per N.
    const samples = shards.map(([s]) => Number(s!.text.split('\n')[1]!.split(',')[6]));
    expect(samples).toEqual([666, 667, 667]);
  });

  it('refuses a missing shard, naming what it has', () => {
    expect(() => mergeShards([...shards[0]!, ...shards[2]!])).toThrow(/s0\.csv: missing the summary of shard 1\/3; have s0\.csv \(0\/3\), s2\.csv \(2\/3\)/);
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, shards[2]![0]!])).toThrow('missing the histogram of shard 2/3');
  });

  it('refuses overlapping shards, naming both files', () => {
    const copy = { file: 'copy-of-s1.csv', text: shards[1]![0]!.text };
    expect(() => mergeShards([...shards.flat(), copy])).toThrow('copy-of-s1.csv: overlaps s1.csv: both are the summary of shard 1/3');
  });

  it('refuses shards of different settings: another seed, another K, another N list', async () => {
    const io = memoryIo();
    // A flag may be given once (a repeat is refused), so seed 6 replaces seed 5 in the settings.
    const seed6 = SETTINGS.map((value, i) => (SETTINGS[i - 1] === '--seed' ? '6' : value));
    await main(['sweep', ...seed6, '--shard', '2/3', '--out', 'o.csv', '--hist', 'oh.csv'], io);
    const otherSeed = [{ file: 'seed6.csv', text: io.files.get('o.csv')! }, { file: 'seed6-h.csv', text: io.files.get('oh.csv')! }];
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, ...otherSeed])).toThrow(/seed6\.csv: different settings from s0\.csv: .*seed=6.* against .*seed=5/);
    const four = { file: 'k4.csv', text: shards[2]![0]!.text.replaceAll(',2/3,', ',2/4,') };
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, four, shards[2]![1]!])).toThrow('k4.csv: different settings: shard 2/4, while s0.csv is one of 3 shards');
    const fewerN = { file: 'fewer.csv', text: shards[2]![0]!.text.split('\n').slice(0, -2).join('\n') + '\n' };
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, fewerN, shards[2]![1]!])).toThrow(/fewer\.csv: different settings from s0\.csv/);
  });

  it('refuses an unfinished shard and a histogram that is not its summary\'s', () => {
    const [summary, hist] = shards[2]!;
    // The same shard stopped early: fewer matrices at N = 1 in both files.
    const shortSummary = { file: 'short.csv', text: summary!.text.replace(/^goe,1,0.1,mc,cpu,5,667,/m, 'goe,1,0.1,mc,cpu,5,600,') };
    const lines = hist!.text.split('\n');
    const k0 = lines.findIndex((l) => l.startsWith('goe,1,0.1,0,'));
    const fields = lines[k0]!.split(',');
    const shortHist = { file: 'short-h.csv', text: [...lines.slice(0, k0), [...fields.slice(0, 4), Number(fields[4]) - 67, ...fields.slice(5)].join(','), ...lines.slice(k0 + 1)].join('\n') };
    const minima = Number(summary!.text.split('\n')[1]!.split(',')[7]);
    const fixedSummary = { ...shortSummary, text: shortSummary.text.replace(/^(goe,1,0.1,mc,cpu,5,600,)(\d+)/m, `$1${minima - 67}`) };
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, fixedSummary, shortHist])).toThrow("short.csv: shard 2/3: at N = 1 the shards' index ranges are not one stream of 1933 split 3 ways (s0.csv [0, 666), s1.csv [666, 1333), short.csv [1333, 1933))");
    expect(() => mergeShards([...shards[0]!, ...shards[1]!, summary!, shortHist])).toThrow('short-h.csv: does not match its summary s2.csv at N = 1');
  });

  it('refuses a file that is not a shard CSV', () => {
    expect(() => mergeShards([...shards.flat(), { file: 'whole.csv', text: whole.summary }])).toThrow('whole.csv: not a shard');
  });
});
