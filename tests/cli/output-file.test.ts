// Output files are complete or untouched: written beside the target and renamed at the end.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardAllOutputs, openOutput, OutputError, samePath } from '../../src/cli/output-file.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'saddle-out-'));

describe('openOutput', () => {
  it('leaves an existing file as it was until commit, then replaces it whole', () => {
    const dir = scratch();
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'old\n');
    const output = openOutput('--out', path);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    output.commit('new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('keeps the old file and removes its temporary file when discarded', () => {
    const dir = scratch();
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'old\n');
    openOutput('--out', path).discard();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('discards every open output at once (a second signal)', () => {
    const dir = scratch();
    openOutput('--out', join(dir, 'a.csv'));
    openOutput('--hist', join(dir, 'b.csv'));
    discardAllOutputs();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes effect once: a committed output survives discard and discardAllOutputs, a discarded one writes nothing', () => {
    const dir = scratch();
    const kept = openOutput('--out', join(dir, 'kept.csv'));
    kept.commit('kept\n');
    const dropped = openOutput('--hist', join(dir, 'dropped.csv'));
    dropped.discard();
    dropped.commit('late\n');
    kept.discard();
    discardAllOutputs();
    expect(readdirSync(dir)).toEqual(['kept.csv']);
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('kept\n');
  });

  it('keeps the mode of the file it replaces', () => {
    const path = join(scratch(), 'r.csv');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    openOutput('--out', path).commit('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('refuses a missing directory, naming the flag and the path', () =>
    expect(() => openOutput('--hist', '/nonexistent/dir/h.csv')).toThrow('cannot write --hist "/nonexistent/dir/h.csv": ENOENT'));

  it('refuses a directory', () => expect(() => openOutput('--out', scratch())).toThrow(/cannot write --out ".*": is a directory/));

  it('refuses a file whose directory takes no new files (/proc/version) before the run', () =>
    expect(() => openOutput('--out', '/proc/version')).toThrow(OutputError));

  it('writes a device in place and reports its write error with the flag and path (/dev/full)', () => {
    const output = openOutput('--out', '/dev/full');
    expect(() => output.commit('x\n')).toThrow('cannot write --out "/dev/full": ENOSPC');
  });

  it('writes /dev/null in place without renaming anything over it', () => {
    openOutput('--out', '/dev/null').commit('x\n');
    expect(existsSync('/dev/null')).toBe(true);
  });
});

describe('samePath', () => {
  it('sees ./a and a as one file', () => expect(samePath('a.csv', './a.csv')).toBe(true));
  it('tells two names apart', () => expect(samePath('a.csv', 'b.csv')).toBe(false));
});
