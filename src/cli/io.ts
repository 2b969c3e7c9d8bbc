// What the CLI touches outside itself, injectable so tests can run commands in-process.

import { writeFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A transient status line (stderr on a terminal only, so logs and pipes stay clean). */
  progress(text: string): void;
  writeFile(path: string, text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  },
  writeFile: (path, text) => writeFileSync(path, text),
};
