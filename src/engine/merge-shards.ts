// `saddle-lab merge`: the summary and histogram CSVs of K shards (sweep --shard i/K) → the CSVs
// one run of the whole streams writes, byte for byte but elapsed_s (the shards' sum). Histograms
// add exactly (float64 counts of disjoint index ranges); the summary's statistics are recomputed
// from the merged histogram by the one-run code (summarize, summaryRow), and every other column
// is copied, after checking that all shards agree on it. P(min) shards (--statistic pmin) have
// no histogram: their counts [minima, samples − minima] add the same way and the one-run code
// for them (summarizeMinima) recomputes the row.
//
// Refused, naming the file: a file that is not a shard's CSV; shards of different settings (any
// non-statistic column, the statistic, the N list, K); two files of the same shard (overlap); a
// shard without its summary or histogram (missing); a shard with fewer matrices than its index
// range holds.

import { csvParse } from 'd3-dsv';
import { csvField, HISTOGRAM_COLUMNS, SUMMARY_COLUMNS, summaryColumns as summaryHeader, summaryRow } from '../export/csv.ts';
import { SHARD_COLUMNS } from '../export/shard-csv.ts';
import { summarize } from '../stats/index-histogram.ts';
import { summarizeMinima } from '../stats/minimum-count.ts';
import { parseShard, shardLabel, shardRange, type Shard } from './shard.ts';
import { parseStatistic, type Ensemble, type Method, type Statistic } from '../config.ts';

// KIND_COLUMN is `statistic` (index or pmin); not to be confused with STATISTIC_COLUMNS below,
// the columns computed from the counts.
const [KIND_COLUMN, SHARD_COLUMN, FIRST_INDEX_COLUMN] = SHARD_COLUMNS;

/** Computed from the histogram (and elapsed_s, summed): never compared between shards. */
const STATISTIC_COLUMNS = new Set([
  'samples', 'minima', 'maxima', 'p_min', 'p_min_lo', 'p_min_hi', 'log10_p_min', 'log10_p_min_lo',
  'log10_p_min_hi', 'index_mean', 'index_var', 'elapsed_s', ...SHARD_COLUMNS,
]);
const HISTOGRAM_VALUE_COLUMNS = new Set(['k', 'count', ...SHARD_COLUMNS]);

export class MergeError extends Error {
  override name = 'MergeError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface ShardFile {
  /** The name errors use: the path as the person typed it. */
  file: string;
  text: string;
}

type Row = Record<string, string>;

interface Parsed {
  file: string;
  kind: 'summary' | 'histogram';
  statistic: Statistic;
  shard: Shard;
  firstIndex: number;
  columns: string[];
  rows: Row[];
}

function parse({ file, text }: ShardFile): Parsed {
  const rows = csvParse(text);
  const columns = rows.columns;
  const has = (names: readonly string[]) => names.every((c) => columns.includes(c));
  const kind = has(SUMMARY_COLUMNS) ? 'summary' : has(HISTOGRAM_COLUMNS) ? 'histogram' : undefined;
  if (!kind || columns.slice(-SHARD_COLUMNS.length).join(',') !== SHARD_COLUMNS.join(',')) {
    throw new MergeError(file, `not a shard: expected the summary or --hist CSV of \`saddle-lab sweep --shard i/K\` (last columns ${SHARD_COLUMNS.join(', ')})`);
  }
  if (rows.length === 0) throw new MergeError(file, 'has no rows');
  const labels = new Set(rows.map((r) => `${r[KIND_COLUMN]} ${r[SHARD_COLUMN]} from ${r[FIRST_INDEX_COLUMN]}`));
  if (labels.size !== 1) throw new MergeError(file, `mixes shards ${[...labels].join(', ')}`);
  let shard: Shard;
  let statistic: Statistic;
  try {
    shard = parseShard(rows[0]![SHARD_COLUMN]!);
    statistic = parseStatistic(rows[0]![KIND_COLUMN]!);
  } catch (error) {
    throw new MergeError(file, error instanceof Error ? error.message : String(error));
  }
  if (kind === 'histogram' && statistic !== 'index') throw new MergeError(file, `statistic ${statistic} has no index histogram: not a shard's --hist CSV`);
  return { file, kind, statistic, shard, firstIndex: Number(rows[0]![FIRST_INDEX_COLUMN]), columns, rows: rows as Row[] };
}

/** The values of the columns that must agree between shards, as one comparable string. */
function settingsKey(row: Row, columns: readonly string[], values: ReadonlySet<string>): string {
  return columns.filter((c) => !values.has(c)).map((c) => `${c}=${row[c]}`).join(', ');
}

/** One file per shard index, all of one K: refuses overlaps, a different K and gaps. */
function byShard(files: Parsed[], kind: string, count: number): Parsed[] {
  const slots: (Parsed | undefined)[] = new Array(count).fill(undefined);
  for (const f of files) {
    if (f.shard.count !== count) {
      throw new MergeError(f.file, `different settings: shard ${shardLabel(f.shard)}, while ${files[0]!.file} is one of ${count} shards`);
    }
    const other = slots[f.shard.index];
    if (other) throw new MergeError(f.file, `overlaps ${other.file}: both are the ${kind} of shard ${shardLabel(f.shard)}`);
    slots[f.shard.index] = f;
  }
  const missing = slots.flatMap((s, i) => (s ? [] : [`${i}/${count}`]));
  if (missing.length > 0) {
    const have = files.map((f) => `${f.file} (${shardLabel(f.shard)})`).join(', ');
    throw new MergeError(files[0]!.file, `missing the ${kind} of shard ${missing.join(', ')}; have ${have}`);
  }
  return slots as Parsed[];
}

/** The one-run CSVs; histogramText is absent for P(min) shards, which have no histogram. */
export interface Merged {
  statistic: Statistic;
  summaryText: string;
  histogramText?: string;
}

export function mergeShards(inputs: readonly ShardFile[]): Merged {
  if (inputs.length === 0) throw new MergeError('merge', 'no shard files given');
  const parsed = inputs.map(parse);
  const summaries = parsed.filter((p) => p.kind === 'summary');
  const histograms = parsed.filter((p) => p.kind === 'histogram');
  const first = summaries[0] ?? histograms[0]!;
  if (summaries.length === 0) throw new MergeError(first.file, 'no summary CSV among the files: pass each shard\'s --out file too');
  // Counts of different statistics do not add: checked first, so the refusal names the field.
  const other = parsed.find((p) => p.statistic !== first.statistic);
  if (other) throw new MergeError(other.file, `different settings: statistic ${other.statistic}, while ${first.file} has statistic ${first.statistic}`);
  const count = first.shard.count;
  const summaryShards = byShard(summaries, 'summary', count);
  checkSettings(summaryShards, STATISTIC_COLUMNS);
  checkTiling(summaryShards, count);
  if (first.statistic === 'pmin') {
    // Early-exit counts: [minima, the rest] per N, added over the shards.
    const counts = (row: Row) => {
      const minima = summaryShards.reduce((s, p) => s + Number(rowAtN(p, row['n']!)['minima']), 0);
      const samples = summaryShards.reduce((s, p) => s + Number(rowAtN(p, row['n']!)['samples']), 0);
      return new Float64Array([minima, samples - minima]);
    };
    summaryShards.forEach((p) => p.rows.forEach((row) => {
      const [minima, samples] = [Number(row['minima']), Number(row['samples'])];
      if (!(Number.isSafeInteger(minima) && minima >= 0 && minima <= samples)) {
        throw new MergeError(p.file, `minima ${JSON.stringify(row['minima'])} at N = ${row['n']} is not a count of at most samples ${row['samples']}`);
      }
    }));
    return { statistic: 'pmin', summaryText: mergedSummary(summaryShards, counts, summarizeMinima) };
  }

  if (histograms.length === 0) throw new MergeError(first.file, 'no histogram CSV among the files: pass each shard\'s --hist file too');
  const histogramShards = byShard(histograms, 'histogram', count);
  checkSettings(histogramShards, HISTOGRAM_VALUE_COLUMNS);
  // Each shard's histogram must be its summary's, and hold its whole index range.
  summaryShards.forEach((p, i) => {
    const counts = countsByN(histogramShards[i]!);
    p.rows.forEach((row) => {
      const samples = Number(row['samples']);
      const histogram = counts.get(row['n']!);
      const histogramRow = histogramShards[i]!.rows.find((h) => h['n'] === row['n']);
      const sameModel = histogramRow?.['ensemble'] === row['ensemble'] && histogramRow?.['shift'] === row['shift'];
      if (!histogram || !sameModel || sum(histogram) !== samples || histogram[0] !== Number(row['minima'])) {
        throw new MergeError(histogramShards[i]!.file, `does not match its summary ${p.file} at N = ${row['n']}`);
      }
    });
  });

  const mergedByN = new Map<string, Float64Array>();
  const counts = (row: Row) => {
    const merged = new Float64Array(Number(row['n']) + 1);
    for (const h of histogramShards) countsByN(h).get(row['n']!)!.forEach((c, k) => (merged[k] += c));
    mergedByN.set(row['n']!, merged);
    return merged;
  };
  const summaryText = mergedSummary(summaryShards, counts, summarize);

  const histogramBase = histogramShards[0]!;
  const histogramColumns = histogramBase.columns.slice(0, -SHARD_COLUMNS.length);
  const histogramLines = [histogramColumns.map(csvField).join(',')];
  for (const row of histogramBase.rows) {
    const count = mergedByN.get(row['n']!)![Number(row['k'])]!;
    histogramLines.push(histogramColumns.map((c) => (c === 'count' ? csvField(count) : csvField(row[c]!))).join(','));
  }
  return { statistic: 'index', summaryText, histogramText: histogramLines.join('\n') + '\n' };
}

/** Every non-statistic column of every row, and the columns themselves, as the first shard's. */
function checkSettings(shards: readonly Parsed[], values: ReadonlySet<string>): void {
  const settings = (p: Parsed) => p.rows.map((r) => settingsKey(r, p.columns, values)).join('\n');
  const base = shards[0]!;
  for (const p of shards) {
    if (p.columns.join(',') !== base.columns.join(',')) throw new MergeError(p.file, `different columns from ${base.file}`);
    const [mine, theirs] = [settings(p), settings(base)];
    if (mine !== theirs) throw new MergeError(p.file, `different settings from ${base.file}: ${firstDifference(mine, theirs)}`);
  }
}

/**
 * The shards' index ranges must tile each stream as one run of their total would: shard i from
 * ⌊i·S/K⌋ with ⌊(i+1)·S/K⌋ − ⌊i·S/K⌋ matrices. When not (a stopped run, another --samples), the
 * shard with the fewest matrices is named, with every shard's range beside it.
 */
function checkTiling(summaryShards: readonly Parsed[], count: number): void {
  summaryShards[0]!.rows.forEach((row, r) => {
    const counts = summaryShards.map((p) => Number(p.rows[r]!['samples']));
    const total = counts.reduce((a, b) => a + b, 0);
    const tiles = summaryShards.every((p, i) => {
      const due = shardRange(p.shard, total);
      return counts[i] === due.samples && p.firstIndex === due.firstIndex;
    });
    if (tiles) return;
    const fewest = summaryShards[counts.indexOf(Math.min(...counts))]!;
    const listed = summaryShards.map((p, i) => `${p.file} [${p.firstIndex}, ${p.firstIndex + counts[i]!})`).join(', ');
    throw new MergeError(fewest.file, `shard ${shardLabel(fewest.shard)}: at N = ${row['n']} the shards' index ranges are not one stream of ${total} split ${count} ways (${listed}): an unfinished run, or a different --samples`);
  });
}

type Summarize = typeof summarize;

/**
 * The one-run summary CSV: each row's statistics recomputed from the merged counts by the code a
 * single run uses (`summarize` for index histograms, `summarizeMinima` for P(min) counts), every
 * other column copied from shard 0 (the settings checked equal), elapsed_s the shards' sum.
 */
function mergedSummary(summaryShards: readonly Parsed[], countsOf: (row: Row) => Float64Array, summarizeCounts: Summarize): string {
  const reference = summaryShards[0]!;
  // The ensemble's parameter columns sit between shift and method (export/csv.ts).
  const parameters = reference.columns.slice(reference.columns.indexOf('shift') + 1, reference.columns.indexOf('method'));
  const summaryColumns = reference.columns.slice(0, -SHARD_COLUMNS.length);
  const lines = [summaryColumns.map(csvField).join(',')];
  for (const row of reference.rows) {
    const params = Object.fromEntries(parameters.filter((c) => row[c] !== '').map((c) => [c, Number(row[c])]));
    const elapsedS = summaryShards.reduce((s, p) => s + Number(rowAtN(p, row['n']!)['elapsed_s']), 0);
    const context = { ensemble: row['ensemble'] as Ensemble, params, n: Number(row['n']), shift: Number(row['shift']), method: row['method'] as Method, backend: row['backend']!, seed: Number(row['seed']), elapsedS };
    const values = summaryRow(summarizeCounts(context, countsOf(row)), parameters);
    const computed = new Map(summaryHeader(parameters).map((c, i) => [c, values[i]!]));
    lines.push(summaryColumns.map((c) => (STATISTIC_COLUMNS.has(c) ? csvField(computed.get(c)!) : csvField(row[c]!))).join(','));
  }
  return lines.join('\n') + '\n';
}

const rowAtN = (p: Parsed, n: string): Row => p.rows.find((x) => x['n'] === n)!;

function countsByN(p: Parsed): Map<string, number[]> {
  const byN = new Map<string, number[]>();
  for (const row of p.rows) {
    const counts = byN.get(row['n']!) ?? [];
    counts[Number(row['k'])] = Number(row['count']);
    byN.set(row['n']!, counts);
  }
  return byN;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + (b ?? 0), 0);

function firstDifference(a: string, b: string): string {
  const [as, bs] = [a.split('\n'), b.split('\n')];
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    if (as[i] !== bs[i]) return `${as[i] ?? '(no row)'} against ${bs[i] ?? '(no row)'}`;
  }
  return 'rows differ';
}
