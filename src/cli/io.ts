// What the CLI touches outside itself, injectable so tests can run commands in-process.

import { openOutput, OutputError, type PendingOutput } from './output-file.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A transient status line (stderr on a terminal only, so logs and pipes stay clean). */
  progress(text: string): void;
  /** Checks that `path` can be written (nothing is truncated) and returns where the text will go. */
  openOutput(flag: string, path: string): PendingOutput;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  },
  openOutput,
};

/**
 * Puts `text` where a command's output goes: the pending file, or stdout when there is none.
 * A file that cannot be written is named on stderr and the text goes to stdout instead, so no
 * result is lost; returns false then (the command exits 1). Every command that writes files
 * (sweep today; width, descend, critical, merge) opens them with io.openOutput before its work
 * and ends with this.
 */
export function deliver(io: CliIo, output: PendingOutput | undefined, text: string): boolean {
  if (!output) {
    io.stdout(text);
    return true;
  }
  try {
    output.commit(text);
    return true;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    io.stderr(`saddle-lab: ${error.message}; writing its CSV to stdout instead\n`);
    io.stdout(text);
    return false;
  }
}
