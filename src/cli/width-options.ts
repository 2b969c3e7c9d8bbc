// `saddle-lab width` flags → WidthConfig, every error naming the flag and the value (exit 2).

import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import {
  DEFAULT_WIDTH_CONFIG, parseBeta, parseGradientTolerance, parseKs, parseMaxSteps, parseNs, parseRuns,
  parseStepScale, parseWidthBackend, parseWidthOptimizer, parseWidths, parseWidthSeed, type WidthConfig,
} from '../width-config.ts';
import { UsageError } from './options.ts';

export const WIDTH_FLAGS = {
  k: { type: 'string' },
  width: { type: 'string' },
  n: { type: 'string' },
  runs: { type: 'string' },
  optimizer: { type: 'string' },
  beta: { type: 'string' },
  'step-scale': { type: 'string' },
  tolerance: { type: 'string' },
  'max-steps': { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  endpoints: { type: 'string' },
  batch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface WidthOptions {
  config: WidthConfig;
  out?: string;
  endpoints?: string;
  batchRuns?: number;
  help: boolean;
}

/** argv after the word `width`. */
export function parseWidthCommandLine(argv: readonly string[]): WidthOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: WIDTH_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const missing = /Option '(--[a-z-]+)[^']*' argument missing/.exec(message);
    throw new UsageError(unknown ? `unknown flag: ${unknown[1]} (see width --help)` : missing ? `missing value for ${missing[1]}` : message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${JSON.stringify(positionals[0])}`);
  if (values.width !== undefined && values.n !== undefined) throw new ConfigError('n', values.n, '--n and --width exclude each other');
  const d = DEFAULT_WIDTH_CONFIG;
  const config: WidthConfig = {
    ks: values.k === undefined ? [...d.ks] : parseKs(values.k),
    widths: values.width === undefined ? [...d.widths] : parseWidths(values.width),
    ns: values.n === undefined ? undefined : parseNs(values.n),
    runs: values.runs === undefined ? d.runs : parseRuns(values.runs),
    optimizer: values.optimizer === undefined ? d.optimizer : parseWidthOptimizer(values.optimizer),
    beta: values.beta === undefined ? d.beta : parseBeta(values.beta),
    stepScale: values['step-scale'] === undefined ? d.stepScale : parseStepScale(values['step-scale']),
    gradientTolerance: values.tolerance === undefined ? d.gradientTolerance : parseGradientTolerance(values.tolerance),
    maxSteps: values['max-steps'] === undefined ? d.maxSteps : parseMaxSteps(values['max-steps']),
    seed: values.seed === undefined ? d.seed : parseWidthSeed(values.seed),
    backend: values.backend === undefined ? d.backend : parseWidthBackend(values.backend),
  };
  const batchRuns = values.batch === undefined ? undefined : parseRuns(values.batch);
  return { config, out: values.out, endpoints: values.endpoints, batchRuns, help: values.help === true };
}
