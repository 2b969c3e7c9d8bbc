// Output files that are either complete or untouched. A target is written to a temporary file
// beside it and renamed over it only when the run's text is complete, so a run that is refused,
// killed or crashes leaves the old file as it was. Opening checks that the file can be written
// without truncating anything; an error names the flag and the path.
//
// Targets that are not regular files (/dev/stdout, a FIFO, /dev/null) cannot be renamed over:
// they are written in place, at the end.

import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A flag's file cannot be written: exit 2 before the run, 1 after it. */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly flag: string,
    readonly path: string,
    detail: string,
  ) {
    super(`cannot write ${flag} ${JSON.stringify(path)}: ${detail}`);
  }
}

export interface PendingOutput {
  readonly flag: string;
  readonly path: string;
  /** Writes `text` and puts it in place; throws OutputError naming the flag and path. */
  commit(text: string): void;
  /** Removes the temporary file; the target is left as it was. Safe to call twice. */
  discard(): void;
}

/** Every output not yet committed or discarded, so an exit on a second signal leaves no temp files. */
const open = new Set<PendingOutput>();

export function discardAllOutputs(): void {
  for (const output of [...open]) output.discard();
}

const detailOf = (error: unknown): string => {
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `${code}${message ? ` (${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
};

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function openOutput(flag: string, path: string): PendingOutput {
  const fail = (error: unknown): never => {
    throw new OutputError(flag, path, detailOf(error));
  };
  if (path === '') throw new OutputError(flag, path, 'empty path');
  let existing: Stats | undefined;
  try {
    existing = statOrUndefined(path);
  } catch (error) {
    fail(error);
  }
  if (existing?.isDirectory()) throw new OutputError(flag, path, 'is a directory');
  if (existing && !existing.isFile()) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      fail(error);
    }
    return inPlace(flag, path, fail);
  }
  try {
    if (existing) accessSync(path, constants.W_OK);
  } catch (error) {
    fail(error);
  }
  const temp = join(dirname(resolve(path)), `.${basename(path)}.saddle-lab-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
  } catch (error) {
    fail(error);
  }
  return pendingOutput(flag, path, {
    write(text) {
      writeAll(fd!, text);
      fsyncSync(fd!);
      closeSync(fd!);
      fd = undefined;
      renameSync(temp, path);
    },
    cleanUp() {
      try {
        if (fd !== undefined) closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    },
  }, fail);
}

function inPlace(flag: string, path: string, fail: (error: unknown) => never): PendingOutput {
  return pendingOutput(flag, path, {
    write(text) {
      let fd: number | undefined;
      try {
        fd = openSync(path, 'w');
        writeAll(fd, text);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    // Nothing was written before commit.
    cleanUp() {},
  }, fail);
}

/**
 * The life of every output, whichever way it is written: commit or discard takes effect once,
 * either takes it off the open set (what discardAllOutputs sees), and a failed write cleans up
 * as a discard does before its OutputError is thrown.
 */
function pendingOutput(flag: string, path: string, how: { write(text: string): void; cleanUp(): void }, fail: (error: unknown) => never): PendingOutput {
  let done = false;
  const finish = (): boolean => {
    if (done) return false;
    done = true;
    open.delete(output);
    return true;
  };
  const output: PendingOutput = {
    flag,
    path,
    commit(text) {
      if (!finish()) return;
      try {
        how.write(text);
      } catch (error) {
        how.cleanUp();
        fail(error);
      }
    },
    discard() {
      if (finish()) how.cleanUp();
    },
  };
  open.add(output);
  return output;
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Whether two paths name one file: the same resolved path, or the same inode once both exist. */
export function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const sa = statOrUndefinedQuiet(a);
  const sb = statOrUndefinedQuiet(b);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino && sa.isFile();
}

function statOrUndefinedQuiet(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
