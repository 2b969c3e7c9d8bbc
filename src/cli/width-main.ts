// `saddle-lab width …`: parse, refuse unwritable paths before descending, run, write. Exit
// codes as for every command (src/cli/exit-codes.ts): 0 done, 1 failed, 2 bad input, 3 no
// adapter, 128 + n stopped by signal n (partial results written).

import { EXIT } from './exit-codes.ts';
import { endOfRun, runCommand, type Command } from './command-runner.ts';
import { deliver, type CliIo } from './io.ts';
import { OutputError } from './output-file.ts';
import { NoGpuError } from './open-sampler.ts';
import { widthCommand } from './width-command.ts';
import { WIDTH_HELP } from './width-help.ts';
import { parseWidthCommandLine, type WidthOptions } from './width-options.ts';

const NAME = 'saddle-lab width';

export function widthMain(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const command: Command<WidthOptions> = {
    name: NAME,
    parse: parseWidthCommandLine,
    help: () => WIDTH_HELP,
    refusals: [[NoGpuError, EXIT.noGpu], [OutputError, EXIT.usage]],
    async run(options, open) {
      const out = open('--out', options.out);
      const endpoints = open('--endpoints', options.endpoints);
      const outcome = await widthCommand(options, io, signal);
      io.progress('');
      let written = deliver(io, out, outcome.summaryText);
      if (endpoints) written = deliver(io, endpoints, outcome.endPointsText) && written;
      return endOfRun(io, NAME, signal, written, outcome.incomplete);
    },
  };
  return runCommand(command, argv, io);
}
