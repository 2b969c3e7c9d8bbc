// `saddle-lab merge FILE…`: the summary and --hist CSVs of every shard → the CSVs of one run.

import { readFileSync } from 'node:fs';
import { mergeShards, type ShardFile } from '../engine/merge-shards.ts';
import type { CliIo } from './io.ts';

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

export function mergeCommand(paths: readonly string[], out: string | undefined, hist: string | undefined, io: CliIo): void {
  const { summaryText, histogramText } = mergeShards(readShardFiles(paths));
  if (out) io.writeFile(out, summaryText);
  else io.stdout(summaryText);
  if (hist) io.writeFile(hist, histogramText);
}
