// `saddle-lab width …`: parse, refuse unwritable paths before descending, run, write. Exit
// codes as for every command (src/cli.ts): 0 done, 1 failed, 2 bad input, 3 no adapter,
// 130 stopped by Ctrl-C (partial results written).

import { ConfigError } from '../config.ts';
import type { CliIo } from './io.ts';
import { NoGpuError } from './open-sampler.ts';
import { UsageError } from './options.ts';
import { widthCommand } from './width-command.ts';
import { WIDTH_HELP } from './width-help.ts';
import { parseWidthCommandLine } from './width-options.ts';

const EXIT = { ok: 0, failed: 1, usage: 2, noGpu: 3, interrupted: 130 } as const;

export async function widthMain(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  let options;
  try {
    options = parseWidthCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`saddle-lab width: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(WIDTH_HELP);
    return EXIT.ok;
  }
  for (const [flag, path] of [['--out', options.out], ['--endpoints', options.endpoints]] as const) {
    if (path === undefined) continue;
    try {
      io.writeFile(path, '');
    } catch (error) {
      io.stderr(`saddle-lab width: cannot write ${flag} ${JSON.stringify(path)}: ${error instanceof Error ? error.message : error}\n`);
      return EXIT.usage;
    }
  }
  try {
    const outcome = await widthCommand(options, io, signal);
    io.progress('');
    if (options.out) io.writeFile(options.out, outcome.summaryText);
    else io.stdout(outcome.summaryText);
    if (options.endpoints) io.writeFile(options.endpoints, outcome.endPointsText);
    if (outcome.incomplete) {
      io.stderr(`saddle-lab width: partial results written: ${outcome.incomplete}\n`);
      return signal.aborted ? EXIT.interrupted : EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NoGpuError) {
      io.stderr(`saddle-lab width: ${error.message}\n`);
      return EXIT.noGpu;
    }
    io.stderr(`saddle-lab width: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
