// `saddle-lab width …`: parse, refuse unwritable paths before descending, run, write. Exit
// codes as for every command (src/cli/exit-codes.ts): 0 done, 1 failed, 2 bad input, 3 no
// adapter, 128 + n stopped by signal n (partial results written).

import { ConfigError } from '../config.ts';
import { reasonOf } from '../failure.ts';
import { EXIT } from './exit-codes.ts';
import { deliver, type CliIo } from './io.ts';
import { OutputError, type PendingOutput } from './output-file.ts';
import { signalExitCode } from './signals.ts';
import { NoGpuError } from './open-sampler.ts';
import { UsageError } from './options.ts';
import { widthCommand } from './width-command.ts';
import { WIDTH_HELP } from './width-help.ts';
import { parseWidthCommandLine } from './width-options.ts';

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
  // Paths are checked before the work; nothing is truncated until the text is complete.
  const pending: PendingOutput[] = [];
  try {
    const out = options.out === undefined ? undefined : io.openOutput('--out', options.out);
    if (out) pending.push(out);
    const endpoints = options.endpoints === undefined ? undefined : io.openOutput('--endpoints', options.endpoints);
    if (endpoints) pending.push(endpoints);
    const outcome = await widthCommand(options, io, signal);
    io.progress('');
    let written = deliver(io, out, outcome.summaryText);
    if (endpoints) written = deliver(io, endpoints, outcome.endPointsText) && written;
    if (outcome.incomplete) {
      io.stderr(`saddle-lab width: partial results written: ${outcome.incomplete}\n`);
      return signal.aborted ? signalExitCode(signal.reason) : EXIT.failed;
    }
    return written ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof NoGpuError) {
      io.stderr(`saddle-lab width: ${error.message}\n`);
      return EXIT.noGpu;
    }
    if (error instanceof OutputError) {
      io.stderr(`saddle-lab width: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`saddle-lab width: failed: ${reasonOf(error)}\n`);
    return EXIT.failed;
  } finally {
    for (const output of pending) output.discard();
  }
}
