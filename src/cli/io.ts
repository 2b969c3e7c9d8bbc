// What the CLI touches outside itself, injectable so tests can run commands in-process.

import { openOutput, type PendingOutput } from './output-file.ts';

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
