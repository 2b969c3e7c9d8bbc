// Shared set-up for the browser tests: build the page once with vite, serve dist/ on a free
// port, and read CSV text into comparable rows.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDirectory, type StaticServer } from './static-server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function buildAndServe(): Promise<StaticServer> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  return serveDirectory(resolve(ROOT, 'dist'));
}

/** CSV rows as header → value records, without the columns named in `drop`. */
export function csvRecords(text: string, drop: readonly string[] = []): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      if (!drop.includes(name)) record[name] = values[i]!;
    });
    return record;
  });
}

/** The CSV text without the columns named in `drop` (elapsed_s: wall time differs), byte for byte otherwise. */
export function withoutColumns(csv: string, drop: readonly string[]): string {
  const lines = csv.trim().split('\n');
  const keep = lines[0]!.split(',').map((name) => !drop.includes(name));
  return lines.map((line) => line.split(',').filter((_, i) => keep[i]).join(',')).join('\n');
}

export const readText = (path: string): string => readFileSync(path, 'utf8');
