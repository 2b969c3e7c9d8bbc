import { describe, expect, it } from 'vitest';
import { BenchListError, parseBenchList, startSamples, withSamples } from '../../scripts/device/bench-list.ts';

describe('the device benchmark list', () => {
  it('reads one item per line, skipping comments and blank lines, numbered by line', () => {
    const items = parseBenchList('# head\n\nlab 40 --ensemble goe --n 8 --samples 1e6  # dense\ntorch 70 --method sturm --n 512\n');
    expect(items).toEqual([
      { line: 3, side: 'lab', timeoutS: 40, args: ['--ensemble', 'goe', '--n', '8', '--samples', '1e6'] },
      { line: 4, side: 'torch', timeoutS: 70, args: ['--method', 'sturm', '--n', '512'] },
    ]);
  });

  it('names the line and the value of a bad side, a bad timeout and a lab item without --samples', () => {
    expect(() => parseBenchList('gpu 40 --n 8', 'h200.list')).toThrow('h200.list:1: invalid side: "gpu" (must be lab or torch)');
    expect(() => parseBenchList('\nlab soon --n 8 --samples 1', 'h200.list')).toThrow('h200.list:2: invalid timeout_s: "soon"');
    expect(() => parseBenchList('lab 40 --n 8', 'x')).toThrow(BenchListError);
    expect(() => parseBenchList('# nothing\n', 'x')).toThrow('x: no items');
  });

  it('replaces only the --samples value between attempts', () => {
    const args = ['--ensemble', 'goe', '--samples', '1e6', '--n', '8'];
    expect(startSamples(args)).toBe(1e6);
    expect(withSamples(args, 123)).toEqual(['--ensemble', 'goe', '--samples', '123', '--n', '8']);
    expect(args[3]).toBe('1e6');
  });

  it('parses the committed device and quick lists', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['h200.list', 'quick.list']) {
      const items = parseBenchList(readFileSync(new URL(`../../scripts/device/${name}`, import.meta.url), 'utf8'), name);
      expect(items.some((i) => i.side === 'lab') && items.some((i) => i.side === 'torch')).toBe(true);
    }
  });
});
