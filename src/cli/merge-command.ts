// `saddle-lab merge FILE…`: the summary and --hist CSVs of every shard → the CSVs of one run.

import { readFileSync } from 'node:fs';
import { mergeShards, type ShardFile } from '../engine/merge-shards.ts';

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

/** The one-run CSVs; main() writes them where --out and --hist say, as for sweep. */
export function mergeCommand(paths: readonly string[]): { summaryText: string; histogramText: string } {
  return mergeShards(readShardFiles(paths));
}
