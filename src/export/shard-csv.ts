// A shard's CSV (sweep --shard i/K): the one-run format plus three last columns on every row,
// `statistic` (index or pmin: which counts the shard holds, so that merge rebuilds its rows with
// the right code and refuses to add the two kinds), `shard` = "i/K" and `first_index`, the
// stream index of the shard's first matrix, so that `saddle-lab merge` can tell shards apart and
// check that their ranges tile each stream.

import type { Statistic } from '../config.ts';
import { csvField } from './csv.ts';

export const SHARD_COLUMNS = ['statistic', 'shard', 'first_index'] as const;

export interface ShardLabel {
  statistic: Statistic;
  /** "i/K". */
  shard: string;
  firstIndex: number;
}

export function withShardColumns(csvText: string, { statistic, shard, firstIndex }: ShardLabel): string {
  const lines = csvText.replace(/\n$/, '').split('\n');
  const extra = [csvField(statistic), csvField(shard), csvField(firstIndex)].join(',');
  return lines.map((line, i) => `${line},${i === 0 ? SHARD_COLUMNS.join(',') : extra}`).join('\n') + '\n';
}
