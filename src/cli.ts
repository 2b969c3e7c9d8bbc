// The same engine as the page, from Node: `saddle-lab sweep …` and `saddle-lab bench …`;
// `width` (cli/width-main.ts), `descend` and `critical` (the p-spin landscape, cli/pspin-commands.ts).
// Exit codes: 0 done, 1 failed, 2 bad input, 3 no WebGPU adapter, 128 + n stopped by signal n
// (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP). A run that did not finish never exits 0, and what it
// finished is written either way: output files are replaced only once their text is complete.

import { ConfigError } from './config.ts';
import { benchCommand } from './cli/bench-command.ts';
import { describeIncomplete, EXIT, exitCodeOf } from './cli/exit-codes.ts';
import { helpText } from './cli/help.ts';
import { deliver, processIo, type CliIo } from './cli/io.ts';
import { mergeCommand, MergeReadError } from './cli/merge-command.ts';
import { MergeError } from './engine/merge-shards.ts';
import { NoGpuError } from './cli/open-sampler.ts';
import { parseCommandLine, type CliOptions } from './cli/options.ts';
import { discardAllOutputs, OutputError } from './cli/output-file.ts';
import { endOfRun, runCommand, type Command } from './cli/command-runner.ts';
import { stopOnSignals } from './cli/signals.ts';
import { reasonOf } from './failure.ts';
import { sweepCommand, type SweepOutcome } from './cli/sweep-command.ts';
import { pspinMain } from './cli/pspin-commands.ts';
import { PSPIN_COMMANDS } from './cli/pspin-options.ts';
import { widthMain } from './cli/width-main.ts';
import { edgeCommand } from './cli/edge-command.ts';
import { spectrumCommand } from './cli/spectrum-command.ts';

export { EXIT } from './cli/exit-codes.ts';

export async function main(argv: readonly string[], io: CliIo = processIo, signal = new AbortController().signal): Promise<number> {
  if ((PSPIN_COMMANDS as readonly string[]).includes(argv[0] ?? '')) return pspinMain(argv, io, signal);
  if (argv[0] === 'width') return widthMain(argv.slice(1), io, signal);
  return runCommand(sweepCommands(io, signal), argv, io);
}

const NAME = 'saddle-lab';

/** sweep, bench and merge, with --spectrum and --edge. */
function sweepCommands(io: CliIo, signal: AbortSignal): Command<CliOptions> {
  return {
    name: NAME,
    parse: parseCommandLine,
    help: helpText,
    refusals: [[NoGpuError, EXIT.noGpu], [ConfigError, EXIT.usage], [OutputError, EXIT.usage], [MergeError, EXIT.usage], [MergeReadError, EXIT.usage]],
    async run(options, open) {
      if (options.command === 'bench') {
        const { incomplete } = await benchCommand(options.config, io, signal, options.threads);
        if (!incomplete) return EXIT.ok;
        io.stderr(`${NAME}: ${describeIncomplete(incomplete)}\n`);
        return exitCodeOf(incomplete, signal);
      }
      // Fail before the work, not after: a typo in a path must not cost the run.
      const out = open('--out', options.out);
      const hist = open('--hist', options.hist);
      const spectrum = open('--spectrum', options.spectrum?.path);
      const edge = open('--edge', options.edge?.path);

      if (options.edge) {
        const outcome = await edgeCommand(options.config, options.edge.shifts, io, signal);
        io.progress('');
        let written = deliver(io, out, outcome.summaryText);
        if (edge) written = deliver(io, edge, outcome.edgeText) && written;
        return endOfRun(io, NAME, signal, written, outcome.incomplete);
      }
      const spectra = options.spectrum
        ? await spectrumCommand(options.config, options.spectrum.matrices, options.spectrum.bins, io, signal)
        : undefined;
      if (spectra?.incomplete) {
        // Stopped or failed while counting: keep the spectra counted, run no sweep, and leave
        // --out and --hist as they were.
        io.progress('');
        deliver(io, spectrum, spectra.spectrumText);
        io.stderr(`${NAME}: partial results written to --spectrum (no sweep ran): ${describeIncomplete(spectra.incomplete)}\n`);
        return exitCodeOf(spectra.incomplete, signal);
      }
      const outcome: SweepOutcome =
        options.command === 'merge'
          ? mergeCommand(options.files, options.hist)
          : await sweepCommand(options.config, io, signal, options.replicates, options.shard, options.threads);
      io.progress('');
      // The results are not lost: a file that cannot be written sends its text to stdout.
      let written = deliver(io, out, outcome.summaryText);
      if (hist) written = deliver(io, hist, outcome.histogramText ?? '') && written;
      if (spectra) written = deliver(io, spectrum, spectra.spectrumText) && written;
      return endOfRun(io, NAME, signal, written, outcome.incomplete);
    },
  };
}

/**
 * Entry point for bin/saddle-lab.js. SIGINT, SIGTERM and SIGHUP stop the run and keep what was
 * computed; a second signal exits at once. No error leaves as a stack trace.
 */
export async function run(): Promise<void> {
  const controller = new AbortController();
  const force = (code: number) => {
    discardAllOutputs();
    process.exit(code);
  };
  const removeHandlers = stopOnSignals(controller, force);
  // A closed pipe (`| head`) is not a failure of the run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    process.exitCode = await main(process.argv.slice(2), processIo, controller.signal);
  } catch (error) {
    process.stderr.write(`saddle-lab: internal error: ${reasonOf(error)}\n`);
    process.exitCode = EXIT.failed;
  } finally {
    removeHandlers();
  }
}
