// Command-line flags → RunConfig, with every error naming the flag and the value.

import { parseArgs } from 'node:util';
import {
  checkMethod, ConfigError, DEFAULT_CONFIG, parameterNames, parseBackend, parseDimensions, parseEnsemble, parseMethod,
  parseNumber, parseParams, parseSamples, parseSeed, parseShift, type NumberRule, type RunConfig,
} from '../config.ts';
import { parseShard, type Shard } from '../engine/shard.ts';
import { parseReplicates } from '../stats/rare/estimate.ts';
import { samePath } from './output-file.ts';

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
  /** --backend cpu: worker threads (default: every core). The counts do not depend on it. */
  threads?: number;
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
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** One string flag per ensemble parameter of the registry (--nu, --phi, --epsilon, …). */
export function parameterFlags(): Record<string, { type: 'string' }> {
  return Object.fromEntries(parameterNames().map((name) => [name, { type: 'string' as const }]));
}

const takesValue = (name: string): boolean =>
  (FLAGS as Record<string, { type: string }>)[name]?.type === 'string' || parameterNames().includes(name);

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandLine(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: { ...parameterFlags(), ...FLAGS }, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { positionals, tokens } = parsed;
  refuseRepeats(tokens);
  // Typed loosely: the parameter flags come from the registry at run time.
  const values = parsed.values as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const help = values['help'] === true;
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

  const ensembleText = text('ensemble');
  const ensemble = ensembleText === undefined ? DEFAULT_CONFIG.ensemble : parseEnsemble(ensembleText);
  const methodText = text('method');
  const method = methodText === undefined ? DEFAULT_CONFIG.method : parseMethod(methodText);
  const given: Record<string, string> = {};
  for (const name of parameterNames()) {
    const value = text(name);
    if (value !== undefined) given[name] = value;
  }
  const params = parseParams(ensemble, given);
  checkMethod(ensemble, method, params);
  const nText = text('n');
  const samplesText = text('samples');
  const shiftText = text('shift');
  const seedText = text('seed');
  const backendText = text('backend');
  const config: RunConfig = {
    ensemble,
    params,
    ns: nText === undefined ? [...DEFAULT_CONFIG.ns] : parseDimensions(nText, ensemble, method),
    samples: samplesText === undefined ? DEFAULT_CONFIG.samples : parseSamples(samplesText),
    shift: shiftText === undefined ? DEFAULT_CONFIG.shift : parseShift(shiftText, method),
    seed: seedText === undefined ? DEFAULT_CONFIG.seed : parseSeed(seedText),
    method,
    backend: backendText === undefined ? DEFAULT_CONFIG.backend : parseBackend(backendText),
  };
  if (command === 'bench' && config.method !== 'mc') {
    throw new ConfigError('method', config.method, 'bench measures the Monte Carlo sampler: use mc');
  }
  const replicatesText = text('replicates');
  const replicates = replicatesText === undefined ? undefined : parseReplicates(replicatesText);
  const shardText = text('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard) {
    if (command !== 'sweep' || config.method !== 'mc') throw new ConfigError('shard', shardText!, 'shards split the Monte Carlo streams: only for sweep --method mc');
    if (text('hist') === undefined) throw new UsageError('--shard needs --hist: merge rebuilds the summary from the shards\' histograms');
    if (shard.count > config.samples) throw new ConfigError('shard', shardText!, `K must be at most --samples ${config.samples}`);
  }
  refuseIgnored(command, config, { out: text('out'), hist: text('hist'), replicates: text('replicates') });
  refuseSameFile(text('out'), text('hist'));
  const threadsText = text('threads');
  const threads = threadsText === undefined ? undefined : parseNumber('threads', threadsText, THREADS_RULE);
  if (threads !== undefined && (config.backend !== 'cpu' || config.method !== 'mc')) throw new UsageError('--threads applies to --backend cpu with --method mc only');
  return { command, config, out: text('out'), hist: text('hist'), replicates, shard, threads, files: [], help };
}

/** Worker threads for --backend cpu (the shared number grammar: "4", "1e1"). */
const THREADS_RULE: NumberRule = { integer: true, min: 1, max: 256 };

/** --out and --hist naming one file: the histogram would overwrite the summary. */
function refuseSameFile(out: string | undefined, hist: string | undefined): void {
  if (out !== undefined && hist !== undefined && samePath(out, hist)) {
    throw new UsageError(`--out and --hist name the same file (${JSON.stringify(out)}): the histogram would overwrite the summary`);
  }
}

/** merge takes shard files and --out/--hist only: a sampling flag there is a mistake. */
function mergeOptions(values: Record<string, unknown>, files: string[], help: boolean): CliOptions {
  const stray = Object.keys(values).find((flag) => !['out', 'hist', 'help'].includes(flag) && values[flag] !== undefined);
  if (stray) throw new UsageError(`--${stray} does not apply to merge: the settings come from the shard files`);
  if (files.length === 0 && !help) throw new UsageError('merge needs the shard files: every shard\'s summary and --hist CSV');
  refuseSameFile(values['out'] as string | undefined, values['hist'] as string | undefined);
  return { command: 'merge', config: { ...DEFAULT_CONFIG }, out: values['out'] as string | undefined, hist: values['hist'] as string | undefined, files, help };
}

/** A flag given twice has no one meaning: refused rather than silently keeping the last. */
function refuseRepeats(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): void {
  const seen = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name)) {
      const values = [seen.get(token.name), token.value].filter((v) => v !== undefined).map((v) => JSON.stringify(v));
      throw new UsageError(`--${token.name} given twice${values.length === 2 ? ` (${values.join(' and ')})` : ''}: give it once`);
    }
    seen.set(token.name, token.value);
  }
}

/** A flag the command would ignore is refused, naming it, so no value is dropped in silence. */
function refuseIgnored(command: Command, config: RunConfig, values: { out?: string; hist?: string; replicates?: string }): void {
  if (command === 'bench') {
    for (const flag of ['out', 'hist', 'replicates'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to bench (it prints JSON lines on stdout)`);
    }
  }
  if (values.hist !== undefined && config.method !== 'mc') {
    throw new UsageError(`--hist does not apply to --method ${config.method}: index histograms come from mc sampling only`);
  }
  if (values.replicates !== undefined && config.method !== 'rare') {
    throw new UsageError(`--replicates does not apply to --method ${config.method}: it sets the rare-event estimator's replicates`);
  }
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
    // The sweep's table also takes the registry's parameter flags (--nu, --phi, …).
    const name = flag.slice(2);
    const valueFlag = flag.startsWith('--') && (flags[name]?.type === 'string' || (flags === FLAGS && takesValue(name)));
    if (valueFlag && next !== undefined && /^-(\d|\.\d|inf)/i.test(next)) {
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
  const missing = /Option '(--[a-z]+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (missing) return `missing value for ${missing[1]}`;
  return message.split('\n')[0]!;
}
