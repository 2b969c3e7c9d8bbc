// P(min) shards (sweep --statistic pmin --shard i/K on the CPU twin, in process) merged from
// their summaries alone against one run of the whole streams: the same bytes but elapsed_s; a
// mix with index shards, a missing, an overlapping or an unfinished shard is refused by name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { mergeShards, type ShardFile } from '../../src/engine/merge-shards.ts';
import { memoryIo } from '../cli/helpers.ts';

// wigner-t: a parameter column (nu) and a row fill; shift 0.3 keeps minima frequent up to N = 7.
const SETTINGS = ['--ensemble', 'wigner-t', '--nu', '2.5', '--n', '1:4,7', '--samples', '2000', '--shift', '0.3', '--seed', '5', '--backend', 'cpu'];

async function sweep(extra: string[]): Promise<{ summary: string; hist?: string }> {
  const io = memoryIo();
  const code = await main(['sweep', ...SETTINGS, '--out', 's.csv', ...extra], io);
  expect(code, io.err).toBe(0);
  return { summary: io.files.get('s.csv')!, hist: io.files.get('h.csv') };
}

/** The CSV without its elapsed_s column, the one field that differs between runs. */
function withoutElapsed(csv: string): string {
  const [header, ...rows] = csv.trim().split('\n');
  const at = header!.split(',').indexOf('elapsed_s');
  return [header, ...rows].map((line) => line!.split(',').filter((_, i) => i !== at).join(',')).join('\n');
}

let whole: string;
let shards: ShardFile[];
let indexShards: ShardFile[][];

beforeAll(async () => {
  whole = (await sweep(['--statistic', 'pmin'])).summary;
  shards = [];
  indexShards = [];
  for (const i of [0, 1, 2]) {
    shards.push({ file: `p${i}.csv`, text: (await sweep(['--statistic', 'pmin', '--shard', `${i}/3`])).summary });
    const index = await sweep(['--shard', `${i}/3`, '--hist', 'h.csv']);
    indexShards.push([{ file: `s${i}.csv`, text: index.summary }, { file: `h${i}.csv`, text: index.hist! }]);
  }
});

describe('merging P(min) shards', () => {
  it('gives the one-run CSV byte for byte but elapsed_s, in any file order, from the summaries alone', () => {
    const merged = mergeShards([shards[2]!, shards[0]!, shards[1]!]);
    expect(merged.statistic).toBe('pmin');
    expect(merged.histogramText).toBeUndefined();
    expect(withoutElapsed(merged.summaryText)).toBe(withoutElapsed(whole));
    expect(merged.summaryText.split('\n')[0]).toBe(whole.split('\n')[0]);
    // Not vacuous: the rows carry minima, and the index-only columns stay empty as in one run.
    expect(whole).toMatch(/^wigner-t,1,0.3,2.5,mc,cpu,5,2000,[1-9]\d*,,/m);
  });

  it('labels every row with its statistic and shard, and samples only its index range', () => {
    expect(shards[1]!.text.split('\n')[0]).toMatch(/,elapsed_s,statistic,shard,first_index$/);
    expect(shards[1]!.text.trim().split('\n').slice(1).every((l) => l.endsWith(',pmin,1/3,666'))).toBe(true);
    const samples = shards.map((s) => Number(s.text.split('\n')[1]!.split(',')[7]));
    expect(samples).toEqual([666, 667, 667]);
    // The shards' minima add up to the one run's at every N: disjoint parts of one stream.
    const minima = (csv: string) => csv.trim().split('\n').slice(1).map((l) => Number(l.split(',')[8]));
    const added = shards.map((s) => minima(s.text)).reduce((a, b) => a.map((x, i) => x + b[i]!));
    expect(added).toEqual(minima(whole));
  });

  it('refuses a mix of P(min) and index shards, naming the file and the statistic', () => {
    expect(() => mergeShards([...indexShards[0]!, ...indexShards[1]!, shards[2]!])).toThrow(
      'p2.csv: different settings: statistic pmin, while s0.csv has statistic index',
    );
    expect(() => mergeShards([shards[0]!, shards[1]!, ...indexShards[2]!])).toThrow(
      's2.csv: different settings: statistic index, while p0.csv has statistic pmin',
    );
  });

  it('refuses a missing and an overlapping shard, as for index shards', () => {
    expect(() => mergeShards([shards[0]!, shards[2]!])).toThrow('p0.csv: missing the summary of shard 1/3; have p0.csv (0/3), p2.csv (2/3)');
    expect(() => mergeShards([...shards, { file: 'again.csv', text: shards[1]!.text }])).toThrow('again.csv: overlaps p1.csv: both are the summary of shard 1/3');
  });

  it('refuses an unfinished shard and a minima count past its samples', () => {
    const short = { file: 'short.csv', text: shards[2]!.text.replace(/^(wigner-t,1,0.3,2.5,mc,cpu,5,)667,/m, '$1600,') };
    expect(() => mergeShards([shards[0]!, shards[1]!, short])).toThrow(/short\.csv: shard 2\/3: at N = 1 the shards' index ranges are not one stream of 1933 split 3 ways/);
    const bad = { file: 'bad.csv', text: shards[2]!.text.replace(/^(wigner-t,1,0.3,2.5,mc,cpu,5,667,)\d+,/m, '$1700,') };
    expect(() => mergeShards([shards[0]!, shards[1]!, bad])).toThrow('bad.csv: minima "700" at N = 1 is not a count of at most samples 667');
  });

  it('saddle-lab merge writes the one-run CSV, and refuses --hist with P(min) shards (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-pmin-merge-'));
    const paths = shards.map((s) => join(dir, s.file));
    shards.forEach((s, i) => writeFileSync(paths[i]!, s.text));
    const io = memoryIo();
    expect(await main(['merge', ...paths, '--out', 'm.csv'], io), io.err).toBe(0);
    expect(withoutElapsed(io.files.get('m.csv')!)).toBe(withoutElapsed(whole));
    const refused = memoryIo();
    expect(await main(['merge', ...paths, '--out', 'm.csv', '--hist', 'mh.csv'], refused)).toBe(2);
    expect(refused.err).toBe('saddle-lab: invalid hist: "mh.csv" (the shards are --statistic pmin, which counts no index histogram: merge them without --hist)\n');
    expect(refused.files.size).toBe(0);
  });
});
