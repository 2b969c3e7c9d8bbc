// A shard's CSV (sweep --shard i/K): the one-run format plus two last columns on every row,
// `shard` = "i/K" and `first_index`, the stream index of the shard's first matrix, so that
// `saddle-lab merge` can tell shards apart and check that their ranges tile each stream.

import { csvField } from './csv.ts';

export const SHARD_COLUMNS = ['shard', 'first_index'] as const;

export function withShardColumns(csvText: string, label: string, firstIndex: number): string {
  const lines = csvText.replace(/\n$/, '').split('\n');
  const extra = [csvField(label), csvField(firstIndex)].join(',');
  return lines.map((line, i) => `${line},${i === 0 ? SHARD_COLUMNS.join(',') : extra}`).join('\n') + '\n';
}
