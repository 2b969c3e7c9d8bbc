import { describe, expect, it } from 'vitest';
import { parseShard, shardRange } from '../../src/engine/shard.ts';

describe('shards of a stream', () => {
  it('reads i/K with 0 ≤ i < K', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard(' 2 / 3 ')).toEqual({ index: 2, count: 3 });
    for (const bad of ['3/3', '1/0', '-1/3', '1', 'a/b', '1/3/4', '']) {
      expect(() => parseShard(bad)).toThrow(`invalid shard: ${JSON.stringify(bad)} (must be i/K with integers 0 ≤ i < K`);
    }
  });

  it('tiles [0, S) with K disjoint ranges whose sizes differ by at most one', () => {
    for (const [samples, count] of [[10, 3], [1000, 7], [5, 5], [1e6, 1], [2 ** 53 - 1, 7], [2 ** 40 + 3, 1000]]) {
      let next = 0;
      const sizes: number[] = [];
      for (let index = 0; index < count; index++) {
        const range = shardRange({ index, count }, samples);
        expect(range.firstIndex).toBe(next);
        next += range.samples;
        sizes.push(range.samples);
      }
      expect(next).toBe(samples);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
