// Shards of a sweep (DESIGN.md §10): `--shard i/K` runs a disjoint part of every N's stream.
// Matrix indices are the Philox counter, so shard i of K samples indices
// [⌊i·S/K⌋, ⌊(i+1)·S/K⌋) of each stream of S matrices: the K shards tile [0, S) exactly, and
// their histograms add up to the one-run histogram whatever machine ran which shard.

import { ConfigError } from '../config.ts';

export interface Shard {
  /** 0-based: shard 0/K is the first. */
  index: number;
  count: number;
}

const SHARD = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const RULE = 'must be i/K with integers 0 ≤ i < K, e.g. 0/3, 1/3, 2/3';

export function parseShard(text: string, field = 'shard'): Shard {
  const match = SHARD.exec(text);
  if (!match) throw new ConfigError(field, text, RULE);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (!Number.isSafeInteger(count) || count < 1 || index >= count) throw new ConfigError(field, text, RULE);
  return { index, count };
}

export const shardLabel = (shard: Shard): string => `${shard.index}/${shard.count}`;

/** The first matrix index and the number of matrices of `shard` in a stream of `samples`. */
export function shardRange(shard: Shard, samples: number): { firstIndex: number; samples: number } {
  // BigInt: i·S exceeds 2^53 for large streams, and the boundaries must be exact.
  const bound = (i: number) => Number((BigInt(i) * BigInt(samples)) / BigInt(shard.count));
  const firstIndex = bound(shard.index);
  return { firstIndex, samples: bound(shard.index + 1) - firstIndex };
}
