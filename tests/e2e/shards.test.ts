// Past one machine (DESIGN.md §10): three shards of a GPU sweep run at once by GNU parallel, as a
// cluster would run them, merge into the CSVs of one run of the whole streams — byte for byte but
// elapsed_s — and a merge with a shard missing exits 2 naming the files it has. The same for
// --statistic pmin (the early-exit kernel), whose shards merge from their summaries alone, and a
// mix of the two statistics exits 2 naming the file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './page-fixture.ts';

const SETTINGS = ['--ensemble', 'goe', '--n', '2:6,16', '--samples', '3000', '--seed', '9', '--shift', '0.2', '--backend', 'gpu'];

function run(command: string, args: string[]) {
  const done = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { code: done.status, stderr: done.stderr + (done.error ? String(done.error) : '') };
}

/** The CSV without its elapsed_s column, the one field that differs between runs. */
function withoutElapsed(csv: string): string {
  const lines = csv.trim().split('\n');
  const at = lines[0]!.split(',').indexOf('elapsed_s');
  return lines.map((line) => line.split(',').filter((_, i) => i !== at).join(',')).join('\n');
}

describe('sweep shards on several processes', () => {
  it('merges three shards run by GNU parallel into the one-run CSVs, byte for byte but elapsed_s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-shards-'));
    const whole = run('node', ['bin/saddle-lab.js', 'sweep', ...SETTINGS, '--out', join(dir, 'whole.csv'), '--hist', join(dir, 'whole-index.csv')]);
    expect(whole.code, whole.stderr).toBe(0);
    const shards = run('parallel', [
      '--will-cite', '--halt', 'now,fail=1', '-j', '3',
      'node', 'bin/saddle-lab.js', 'sweep', ...SETTINGS, '--shard', '{}/3', '--out', join(dir, 's{}.csv'), '--hist', join(dir, 'h{}.csv'),
      ':::', '0', '1', '2',
    ]);
    expect(shards.code, shards.stderr).toBe(0);
    const files = ['s2.csv', 'h0.csv', 's0.csv', 'h2.csv', 'h1.csv', 's1.csv'].map((f) => join(dir, f));
    const merged = run('node', ['bin/saddle-lab.js', 'merge', ...files, '--out', join(dir, 'merged.csv'), '--hist', join(dir, 'merged-index.csv')]);
    expect(merged.code, merged.stderr).toBe(0);

    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(read('merged-index.csv')).toBe(read('whole-index.csv'));
    expect(withoutElapsed(read('merged.csv'))).toBe(withoutElapsed(read('whole.csv')));
    expect(read('merged.csv').split('\n')).toHaveLength(read('whole.csv').split('\n').length);

    const gap = run('node', ['bin/saddle-lab.js', 'merge', join(dir, 's0.csv'), join(dir, 'h0.csv'), join(dir, 's2.csv'), join(dir, 'h2.csv')]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain(`${join(dir, 's0.csv')}: missing the summary of shard 1/3`);
  });

  it('merges three --statistic pmin shards run by GNU parallel into the one-run CSV, and refuses a mix with index shards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-pmin-shards-'));
    const pmin = [...SETTINGS, '--statistic', 'pmin'];
    const whole = run('node', ['bin/saddle-lab.js', 'sweep', ...pmin, '--out', join(dir, 'whole.csv')]);
    expect(whole.code, whole.stderr).toBe(0);
    const shards = run('parallel', [
      '--will-cite', '--halt', 'now,fail=1', '-j', '3',
      'node', 'bin/saddle-lab.js', 'sweep', ...pmin, '--shard', '{}/3', '--out', join(dir, 'p{}.csv'),
      ':::', '0', '1', '2',
    ]);
    expect(shards.code, shards.stderr).toBe(0);
    const files = ['p1.csv', 'p2.csv', 'p0.csv'].map((f) => join(dir, f));
    const merged = run('node', ['bin/saddle-lab.js', 'merge', ...files, '--out', join(dir, 'merged.csv')]);
    expect(merged.code, merged.stderr).toBe(0);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(withoutElapsed(read('merged.csv'))).toBe(withoutElapsed(read('whole.csv')));
    expect(read('merged.csv').split('\n')).toHaveLength(read('whole.csv').split('\n').length);

    const index = run('node', ['bin/saddle-lab.js', 'sweep', ...SETTINGS, '--shard', '2/3', '--out', join(dir, 's2.csv'), '--hist', join(dir, 'h2.csv')]);
    expect(index.code, index.stderr).toBe(0);
    const mix = run('node', ['bin/saddle-lab.js', 'merge', join(dir, 'p0.csv'), join(dir, 'p1.csv'), join(dir, 's2.csv'), join(dir, 'h2.csv')]);
    expect(mix.code).toBe(2);
    expect(mix.stderr).toContain(`${join(dir, 's2.csv')}: different settings: statistic index, while ${join(dir, 'p0.csv')} has statistic pmin`);
  });
});
