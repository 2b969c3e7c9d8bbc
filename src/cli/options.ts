// Command-line flags → RunConfig, with every error naming the flag and the value.

import { parseArgs } from 'node:util';
import {
  checkMethod, checkStatistic, ConfigError, DEFAULT_CONFIG, parameterNames, parseBackend, parseDimensions, parseEnsemble, parseMethod,
  parseNumber, parseParams, parseSamples, parseSeed, parseShift, parseStatistic, type NumberRule, type RunConfig,
} from '../config.ts';
import { parseShard, type Shard } from '../engine/shard.ts';
import { parseReplicates } from '../stats/rare/estimate.ts';
import { SPECTRUM_BINS_MIN } from '../stats/spectrum.ts';
import { samePath } from './output-file.ts';
import { parseShiftList } from './shift-list.ts';

export const COMMANDS = ['sweep', 'bench', 'merge'] as const;

/** Most bins of --spectrum (at least SPECTRUM_BINS_MIN = 64). */
export const SPECTRUM_BINS_MAX = 1024;
/** Matrices per N for --spectrum without --spectrum-matrices (fewer when --samples is smaller). */
export const SPECTRUM_MATRICES_DEFAULT = 1000;
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
  /** Spectrum CSV path (--spectrum), with its matrices per N and bins. */
  spectrum?: { path: string; matrices: number; bins: number };
  /** Shift sweep (--shifts) and its λ_min CSV path (--edge). */
  edge?: { shifts: number[]; path?: string };
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
  statistic: { type: 'string' },
  threads: { type: 'string' },
  spectrum: { type: 'string' },
  'spectrum-matrices': { type: 'string' },
  bins: { type: 'string' },
  shifts: { type: 'string' },
  edge: { type: 'string' },
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
  const statisticText = text('statistic');
  if (statisticText !== undefined) {
    const statistic = parseStatistic(statisticText);
    checkStatistic(ensemble, method, statistic);
    // Absent for 'index', so an index run's settings (and manifest) read exactly as before.
    if (statistic === 'pmin') config.statistic = statistic;
  }
  if (command === 'bench' && config.method !== 'mc') {
    throw new ConfigError('method', config.method, 'bench measures the Monte Carlo sampler: use mc');
  }
  const replicatesText = text('replicates');
  const replicates = replicatesText === undefined ? undefined : parseReplicates(replicatesText);
  const shardText = text('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard) {
    if (command !== 'sweep' || config.method !== 'mc') throw new ConfigError('shard', shardText!, 'shards split the Monte Carlo streams: only for sweep --method mc');
    // An index shard's summary is rebuilt from its histogram; a P(min) shard's from its own
    // minima and samples (--hist is refused with pmin below).
    if (text('hist') === undefined && config.statistic !== 'pmin') throw new UsageError('--shard needs --hist: merge rebuilds the summary from the shards\' histograms');
    if (shard.count > config.samples) throw new ConfigError('shard', shardText!, `K must be at most --samples ${config.samples}`);
  }
  const spectrumPath = text('spectrum');
  for (const flag of ['spectrum-matrices', 'bins'] as const) {
    if (text(flag) !== undefined && spectrumPath === undefined) throw new UsageError(`--${flag} needs --spectrum FILE`);
  }
  const binsText = text('bins');
  const bins = binsText === undefined ? SPECTRUM_BINS_MIN : parseSamples(binsText, 'bins', SPECTRUM_BINS_MIN, SPECTRUM_BINS_MAX);
  const matricesText = text('spectrum-matrices');
  const spectrum = spectrumPath === undefined ? undefined : {
    path: spectrumPath,
    matrices: matricesText === undefined ? Math.min(config.samples, SPECTRUM_MATRICES_DEFAULT) : parseSamples(matricesText, 'spectrum-matrices'),
    bins,
  };
  const shiftsText = text('shifts');
  if (text('edge') !== undefined && shiftsText === undefined) throw new UsageError('--edge needs --shifts from:to:step');
  if (shiftsText !== undefined && (config.method !== 'mc' || command !== 'sweep')) throw new ConfigError('shifts', shiftsText, 'a shift sweep runs the Monte Carlo sweep: use the sweep command with --method mc');
  const edge = shiftsText === undefined ? undefined : { shifts: parseShiftList(shiftsText), path: text('edge') };
  if (shard && (spectrum || edge)) throw new ConfigError('shard', shardText!, '--spectrum and --shifts run whole streams: not with --shard');
  if (config.statistic === 'pmin') refuseIndexOutputs({ hist: text('hist'), spectrum: spectrumPath, shifts: shiftsText });
  refuseIgnored(command, config, {
    out: text('out'), hist: text('hist'), replicates: text('replicates'), spectrum: spectrumPath,
    shift: text('shift'), shifts: shiftsText,
  });
  refuseSameFile([['--out', text('out')], ['--hist', text('hist')], ['--spectrum', spectrumPath], ['--edge', text('edge')]]);
  const threadsText = text('threads');
  const threads = threadsText === undefined ? undefined : parseNumber('threads', threadsText, THREADS_RULE);
  if (threads !== undefined && (config.backend !== 'cpu' || config.method !== 'mc')) throw new UsageError('--threads applies to --backend cpu with --method mc only');
  return { command, config, out: text('out'), hist: text('hist'), replicates, shard, threads, files: [], spectrum, edge, help };
}

/** Worker threads for --backend cpu (the shared number grammar: "4", "1e1"). */
const THREADS_RULE: NumberRule = { integer: true, min: 1, max: 256 };

/** What each output file holds, for the refusal when two flags name one file. */
const OUTPUT_CONTENT: Readonly<Record<string, string>> = {
  '--out': 'the summary',
  '--hist': 'the histogram',
  '--spectrum': 'the spectrum',
  '--edge': 'the λ_min table',
};

/** Two output flags naming one file: the later write would overwrite the earlier one. */
function refuseSameFile(outputs: readonly (readonly [string, string | undefined])[]): void {
  const given = outputs.filter((o): o is readonly [string, string] => o[1] !== undefined);
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const [first, path] = given[i]!;
      const [second, other] = given[j]!;
      if (samePath(path, other)) {
        throw new UsageError(`${first} and ${second} name the same file (${JSON.stringify(path)}): ${OUTPUT_CONTENT[second]} would overwrite ${OUTPUT_CONTENT[first]}`);
      }
    }
  }
}

/** merge takes shard files and --out/--hist only: a sampling flag there is a mistake. */
function mergeOptions(values: Record<string, unknown>, files: string[], help: boolean): CliOptions {
  const stray = Object.keys(values).find((flag) => !['out', 'hist', 'help'].includes(flag) && values[flag] !== undefined);
  if (stray) throw new UsageError(`--${stray} does not apply to merge: the settings come from the shard files`);
  if (files.length === 0 && !help) throw new UsageError('merge needs the shard files: every shard\'s summary and --hist CSV');
  refuseSameFile([['--out', values['out'] as string | undefined], ['--hist', values['hist'] as string | undefined]]);
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

/**
 * Outputs that need the index of every matrix, which --statistic pmin never computes: refused,
 * naming the flag and its value, rather than written from a histogram that does not exist.
 */
function refuseIndexOutputs(values: { hist?: string; spectrum?: string; shifts?: string }): void {
  const why: Record<keyof typeof values, string> = {
    hist: 'the index histogram needs every matrix\'s index',
    spectrum: 'a spectrum counts eigenvalues at many thresholds, not minima',
    shifts: 'a shift sweep runs the index sampler',
  };
  for (const flag of Object.keys(why) as (keyof typeof values)[]) {
    const value = values[flag];
    if (value !== undefined) throw new UsageError(`--${flag} ${JSON.stringify(value)} does not apply with --statistic pmin: ${why[flag]}; use --statistic index`);
  }
}

/** A flag the command would ignore is refused, naming it, so no value is dropped in silence. */
function refuseIgnored(
  command: Command,
  config: RunConfig,
  values: { out?: string; hist?: string; replicates?: string; spectrum?: string; shift?: string; shifts?: string },
): void {
  if (command === 'bench') {
    for (const flag of ['out', 'hist', 'replicates', 'spectrum'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to bench (it prints JSON lines on stdout)`);
    }
  }
  if (values.hist !== undefined && config.method !== 'mc') {
    throw new UsageError(`--hist does not apply to --method ${config.method}: index histograms come from mc sampling only`);
  }
  if (values.replicates !== undefined && config.method !== 'rare') {
    throw new UsageError(`--replicates does not apply to --method ${config.method}: it sets the rare-event estimator's replicates`);
  }
  // A shift sweep writes its summary (--out) and the λ_min table (--edge), one row per shift.
  if (values.shifts !== undefined) {
    if (values.shift !== undefined) throw new UsageError('--shift does not apply with --shifts: the shift sweep sets every shift');
    if (values.hist !== undefined) throw new UsageError('--hist does not apply with --shifts: a shift sweep writes --out and --edge only');
    if (values.spectrum !== undefined) throw new UsageError('--spectrum does not apply with --shifts: a shift sweep writes --out and --edge only');
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
