// Command-line flags → RunConfig, with every error naming the flag and the value.

import { parseArgs } from 'node:util';
import {
  ConfigError, DEFAULT_CONFIG, parseBackend, parseDimensions, parseEnsemble, parseMethod,
  parseSamples, parseSeed, parseShift, type RunConfig,
} from '../config.ts';
import { parseShard, type Shard } from '../engine/shard.ts';

export const COMMANDS = ['sweep', 'bench', 'merge'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  command: Command;
  config: RunConfig;
  /** Summary CSV path; undefined means stdout. */
  out?: string;
  /** Index histogram CSV path. */
  hist?: string;
  /** Independent replicates for --method rare. */
  replicates?: number;
  /** sweep --shard i/K: this run's part of every stream. */
  shard?: Shard;
  /** merge: the shard files. */
  files: string[];
  help: boolean;
}

export const FLAGS = {
  ensemble: { type: 'string' },
  n: { type: 'string' },
  samples: { type: 'string' },
  shift: { type: 'string' },
  seed: { type: 'string' },
  method: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  hist: { type: 'string' },
  replicates: { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandLine(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const [commandText, ...extra] = positionals;
  if (commandText === undefined) {
    if (help) return { command: 'sweep', config: { ...DEFAULT_CONFIG }, files: [], help };
    throw new UsageError(`missing command: expected one of ${COMMANDS.join(', ')} (see --help)`);
  }
  if (!(COMMANDS as readonly string[]).includes(commandText)) {
    throw new UsageError(`unknown command: ${JSON.stringify(commandText)} (expected one of ${COMMANDS.join(', ')})`);
  }
  const command = commandText as Command;
  if (command === 'merge') return mergeOptions(values, extra, help);
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${JSON.stringify(extra[0])}`);

  const ensemble = values.ensemble === undefined ? DEFAULT_CONFIG.ensemble : parseEnsemble(values.ensemble);
  const method = values.method === undefined ? DEFAULT_CONFIG.method : parseMethod(values.method);
  const config: RunConfig = {
    ensemble,
    ns: values.n === undefined ? [...DEFAULT_CONFIG.ns] : parseDimensions(values.n, ensemble, method),
    samples: values.samples === undefined ? DEFAULT_CONFIG.samples : parseSamples(values.samples),
    shift: values.shift === undefined ? DEFAULT_CONFIG.shift : parseShift(values.shift),
    seed: values.seed === undefined ? DEFAULT_CONFIG.seed : parseSeed(values.seed),
    method,
    backend: values.backend === undefined ? DEFAULT_CONFIG.backend : parseBackend(values.backend),
  };
  if (command === 'bench' && config.method !== 'mc') {
    throw new ConfigError('method', config.method, 'bench measures the Monte Carlo sampler: use mc');
  }
  const replicates = values.replicates === undefined ? undefined : parseSamples(values.replicates, 'replicates');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard) {
    if (command !== 'sweep' || config.method !== 'mc') throw new ConfigError('shard', values.shard!, 'shards split the Monte Carlo streams: only for sweep --method mc');
    if (!values.hist) throw new UsageError('--shard needs --hist: merge rebuilds the summary from the shards\' histograms');
    if (shard.count > config.samples) throw new ConfigError('shard', values.shard!, `K must be at most --samples ${config.samples}`);
  }
  return { command, config, out: values.out, hist: values.hist, replicates, shard, files: [], help };
}

/** merge takes shard files and --out/--hist only: a sampling flag there is a mistake. */
function mergeOptions(values: Record<string, string | boolean | undefined>, files: string[], help: boolean): CliOptions {
  const stray = Object.keys(values).find((flag) => !['out', 'hist', 'help'].includes(flag) && values[flag] !== undefined);
  if (stray) throw new UsageError(`--${stray} does not apply to merge: the settings come from the shard files`);
  if (files.length === 0 && !help) throw new UsageError('merge needs the shard files: every shard\'s summary and --hist CSV');
  return { command: 'merge', config: { ...DEFAULT_CONFIG }, out: values.out as string | undefined, hist: values.hist as string | undefined, files, help };
}

/**
 * `--shift -0.5` is a value, not a flag: node's parseArgs would call it ambiguous, so a
 * value flag followed by a negative number becomes `--shift=-0.5` (a negative seed then gets
 * the ordinary "invalid seed" message instead of a parser complaint).
 */
export function joinNegativeValues(argv: readonly string[], flags: Readonly<Record<string, { type: string }>> = FLAGS): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = argv[i + 1];
    const takesValue = flag.startsWith('--') && flags[flag.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-(\d|\.\d|inf)/i.test(next)) {
      joined.push(`${flag}=${next}`);
      i++;
    } else {
      joined.push(flag);
    }
  }
  return joined;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag: ${unknown[1]} (see --help)`;
  const missing = /Option '(--[a-z]+)[^']*' argument missing/.exec(message);
  if (missing) return `missing value for ${missing[1]}`;
  return message.split('\n')[0]!;
}
