import type { CliIo } from '../../src/cli/io.ts';
import type { PendingOutput } from '../../src/cli/output-file.ts';

/** Runs nothing itself: collects what a CLI command writes. */
export function memoryIo(): CliIo & { out: string; err: string; files: Map<string, string> } {
  const io = {
    out: '',
    err: '',
    files: new Map<string, string>(),
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    progress: () => {},
    openOutput: (flag: string, path: string): PendingOutput => ({
      flag,
      path,
      commit: (text: string) => void io.files.set(path, text),
      discard: () => {},
    }),
  };
  return io;
}
