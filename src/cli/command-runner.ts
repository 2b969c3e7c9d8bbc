// What every command shares around its own work: parse (a bad flag or value is exit 2 with
// the parser's message), --help (the command's text on stdout, exit 0), outputs opened before
// the work and discarded unless committed, errors mapped to exit codes with one line on
// stderr, and the end of a run whose results were delivered. Each command keeps only its
// parser, its help, the errors it refuses with and its work.

import { ConfigError } from '../config.ts';
import { reasonOf } from '../failure.ts';
import { describeIncomplete, EXIT, exitCodeOf, type Incomplete } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './options.ts';
import type { PendingOutput } from './output-file.ts';
import { signalExitCode } from './signals.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Checks that a flag's path can be written, before the work; undefined when the flag is absent. */
export type OpenOutput = (flag: string, path: string | undefined) => PendingOutput | undefined;

export interface Command<Options extends { help: boolean }> {
  /** Starts every line the command writes to stderr: "saddle-lab", "saddle-lab width". */
  name: string;
  parse(argv: readonly string[]): Options;
  help(): string;
  /** Errors of the work reported as `name: message` with their exit code; any other error is `name: failed: reason`, exit 1. */
  refusals: ReadonlyArray<readonly [ErrorClass, number]>;
  run(options: Options, open: OpenOutput): Promise<number>;
}

export async function runCommand<Options extends { help: boolean }>(command: Command<Options>, argv: readonly string[], io: CliIo): Promise<number> {
  let options: Options;
  try {
    options = command.parse(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${command.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(command.help());
    return EXIT.ok;
  }
  // Nothing is truncated here; the old files stay until the new text is complete.
  const pending: PendingOutput[] = [];
  const open: OpenOutput = (flag, path) => {
    if (path === undefined) return undefined;
    const output = io.openOutput(flag, path);
    pending.push(output);
    return output;
  };
  try {
    return await command.run(options, open);
  } catch (error) {
    for (const [refused, exitCode] of command.refusals) {
      if (error instanceof refused) {
        io.stderr(`${command.name}: ${error.message}\n`);
        return exitCode;
      }
    }
    io.stderr(`${command.name}: failed: ${reasonOf(error)}\n`);
    return EXIT.failed;
  } finally {
    // Whatever was not committed (a refusal, a crash) leaves its target untouched.
    for (const output of pending) output.discard();
  }
}

/**
 * The exit of a run whose results were delivered: partial results say why on stderr and never
 * exit 0 (128 + n when signal n stopped them, 1 for a failure); otherwise 0, or 1 when a file
 * could not be written. A free-text reason counts as a stop when the signal fired.
 */
export function endOfRun(io: CliIo, name: string, signal: AbortSignal, written: boolean, incomplete: Incomplete | string | undefined): number {
  if (incomplete === undefined || incomplete === '') return written ? EXIT.ok : EXIT.failed;
  if (typeof incomplete === 'string') {
    io.stderr(`${name}: partial results written: ${incomplete}\n`);
    return signal.aborted ? signalExitCode(signal.reason) : EXIT.failed;
  }
  io.stderr(`${name}: partial results written: ${describeIncomplete(incomplete)}\n`);
  return exitCodeOf(incomplete, signal);
}
