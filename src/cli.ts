// The same engine as the page, from Node: `saddle-lab sweep …` and `saddle-lab bench …`.
// Exit codes: 0 done, 1 failed, 2 bad input, 3 no WebGPU adapter, 130 stopped by Ctrl-C.

import { ConfigError } from './config.ts';
import { benchCommand } from './cli/bench-command.ts';
import { HELP } from './cli/help.ts';
import { processIo, type CliIo } from './cli/io.ts';
import { mergeCommand, MergeReadError } from './cli/merge-command.ts';
import { MergeError } from './engine/merge-shards.ts';
import { NoGpuError } from './cli/open-sampler.ts';
import { parseCommandLine, UsageError } from './cli/options.ts';
import { sweepCommand } from './cli/sweep-command.ts';
import { widthMain } from './cli/width-main.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, noGpu: 3, interrupted: 130 } as const;

export async function main(argv: readonly string[], io: CliIo = processIo, signal = new AbortController().signal): Promise<number> {
  if (argv[0] === 'width') return widthMain(argv.slice(1), io, signal);
  let options;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`saddle-lab: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  try {
    if (options.command === 'merge') {
      mergeCommand(options.files, options.out, options.hist, io);
      return EXIT.ok;
    }
    if (options.command === 'bench') {
      await benchCommand(options.config, io, signal);
      return signal.aborted ? EXIT.interrupted : EXIT.ok;
    }
    // Fail before sampling, not after: a typo in a path must not cost the run.
    for (const [flag, path] of [['--out', options.out], ['--hist', options.hist]] as const) {
      if (path === undefined) continue;
      try {
        io.writeFile(path, '');
      } catch (error) {
        io.stderr(`saddle-lab: cannot write ${flag} ${JSON.stringify(path)}: ${error instanceof Error ? error.message : error}\n`);
        return EXIT.usage;
      }
    }
    const outcome = await sweepCommand(options.config, io, signal, options.replicates, options.shard);
    io.progress('');
    if (options.out) io.writeFile(options.out, outcome.summaryText);
    else io.stdout(outcome.summaryText);
    if (options.hist && outcome.histogramText) io.writeFile(options.hist, outcome.histogramText);
    if (outcome.incomplete) {
      io.stderr(`saddle-lab: partial results written: ${outcome.incomplete}\n`);
      return signal.aborted ? EXIT.interrupted : EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NoGpuError) {
      io.stderr(`saddle-lab: ${error.message}\n`);
      return EXIT.noGpu;
    }
    if (error instanceof ConfigError || error instanceof MergeError || error instanceof MergeReadError) {
      io.stderr(`saddle-lab: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`saddle-lab: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}

/** Entry point for bin/saddle-lab.js: Ctrl-C stops the sweep and keeps what was sampled. */
export async function run(): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.exitCode = await main(process.argv.slice(2), processIo, controller.signal);
}
