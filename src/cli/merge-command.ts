// `saddle-lab merge FILE…`: the summary and --hist CSVs of every shard → the CSVs of one run.

import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.ts';
import { mergeShards, type Merged, type ShardFile } from '../engine/merge-shards.ts';

/** Reads the shard files; a file that cannot be read is a usage error naming it. */
export function readShardFiles(paths: readonly string[]): ShardFile[] {
  return paths.map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new MergeReadError(`cannot read ${JSON.stringify(file)}: ${error instanceof Error ? error.message : error}`);
    }
  });
}

export class MergeReadError extends Error {
  override name = 'MergeReadError';
}

/**
 * The one-run CSVs; main() writes them where --out and --hist say, as for sweep. P(min) shards
 * have no histogram, so --hist with them is refused (exit 2) rather than written empty.
 */
export function mergeCommand(paths: readonly string[], hist?: string): Merged {
  const merged = mergeShards(readShardFiles(paths));
  if (hist !== undefined && merged.histogramText === undefined) {
    throw new ConfigError('hist', hist, `the shards are --statistic ${merged.statistic}, which counts no index histogram: merge them without --hist`);
  }
  return merged;
}
