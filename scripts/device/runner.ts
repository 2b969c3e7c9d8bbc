// Runs the device bundle's benchmark list: each item in its own process with its own deadline,
// every JSON line appended to $OUT/results.jsonl as it arrives (a killed run keeps what it
// measured), then the comparison table to stdout and $OUT/table.md.
//
// Lab items grow their sample count until one run lasts at least half of --target-s: the
// speed of a real GPU is unknown beforehand, and a run of a few milliseconds measures launch
// overhead, not the kernel. Torch items time themselves (torch_compare.py --seconds).
//
// Usage: node runner.js --list FILE --out DIR --lab BIN --comparator PY [--python python3]
//        [--budget-s 240] [--target-s 4] [--environment FILE]

import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBenchList, startSamples, withSamples, type BenchItem } from './bench-list.ts';
import { markdownTable, type ResultLine } from './report.ts';

const MAX_LAB_ATTEMPTS = 6;
/** An item is not started with less than this (or its own timeout, if shorter) left of the budget. */
const MIN_ITEM_S = 10;
const KILL_GRACE_MS = 3000;

interface Finished {
  code: number | null;
  timedOut: boolean;
  stderrTail: string;
  wallS: number;
}

/** Runs a command until it exits or `deadline` (ms since epoch); each stdout JSON line goes to onLine. */
function runUntil(command: string, args: string[], deadline: number, onLine: (line: Record<string, unknown>) => void): Promise<Finished> {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const take = (flush: boolean) => {
      const parts = stdout.split('\n');
      stdout = flush ? '' : parts.pop()!;
      for (const part of parts) {
        const text = part.trim();
        if (!text.startsWith('{')) continue;
        try {
          onLine(JSON.parse(text));
        } catch {
          // Not a result line (a library's own output): it stays in the log only.
        }
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      take(false);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, Math.max(0, deadline - start));
    child.on('error', (error) => {
      stderr += String(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      take(true);
      resolve({ code, timedOut, stderrTail: stderr.trim().split('\n').slice(-3).join(' | '), wallS: (Date.now() - start) / 1000 });
    });
  });
}

interface Options {
  items: BenchItem[];
  out: string;
  node: string;
  lab: string;
  python: string;
  comparator: string;
  budgetS: number;
  targetS: number;
}

async function runList(options: Options): Promise<ResultLine[]> {
  const { items, out, targetS } = options;
  const results: ResultLine[] = [];
  const resultsFile = join(out, 'results.jsonl');
  writeFileSync(resultsFile, '');
  const record = (line: ResultLine & Record<string, unknown>) => {
    results.push(line);
    appendFileSync(resultsFile, JSON.stringify(line) + '\n');
  };
  const budgetEnd = Date.now() + options.budgetS * 1000;

  for (const item of items) {
    const base = { item: item.line, side: item.side, args: item.args.join(' ') };
    const itemEnd = Math.min(Date.now() + item.timeoutS * 1000, budgetEnd);
    if (budgetEnd - Date.now() < Math.min(item.timeoutS, MIN_ITEM_S) * 1000) {
      record({ ...base, status: 'skipped', reason: 'budget spent' });
      continue;
    }
    console.error(`== item ${item.line}: ${item.side} ${item.args.join(' ')}`);
    if (item.side === 'torch') {
      const done = await runUntil(options.python, [options.comparator, ...item.args], itemEnd, (line) => record({ ...base, status: 'ok', ...line }));
      if (done.code !== 0) record({ ...base, status: done.timedOut ? 'timeout' : 'failed', rc: done.code, wall_s: done.wallS, stderr: done.stderrTail });
      continue;
    }
    let samples = startSamples(item.args);
    for (let attempt = 1; attempt <= MAX_LAB_ATTEMPTS; attempt++) {
      const lines: Record<string, unknown>[] = [];
      const done = await runUntil(options.node, [options.lab, 'bench', ...withSamples(item.args, samples)], itemEnd, (line) => lines.push(line));
      const line = lines.at(-1);
      if (done.code !== 0 || !line) {
        record({ ...base, attempt, samples, status: done.timedOut ? 'timeout' : 'failed', rc: done.code, wall_s: done.wallS, stderr: done.stderrTail });
        break;
      }
      const seconds = Number(line.seconds);
      const rate = Number(line.matrices_per_s);
      // Everything but the measured seconds (start-up, compile, warm-up) repeats on every attempt.
      const overheadS = Math.max(0, done.wallS - seconds);
      const leftS = (itemEnd - Date.now()) / 1000 - overheadS;
      const wanted = Math.ceil(1.2 * targetS * rate);
      const fits = Math.floor(0.7 * leftS * rate);
      const next = Math.min(wanted, fits, samples * 1000);
      const enough = seconds >= targetS / 2;
      const final = enough || next <= samples || attempt === MAX_LAB_ATTEMPTS;
      record({ ...base, attempt, final, status: 'ok', wall_s: done.wallS, ...line });
      if (final) break;
      samples = next;
    }
  }
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      list: { type: 'string' },
      out: { type: 'string' },
      lab: { type: 'string' },
      comparator: { type: 'string' },
      python: { type: 'string', default: 'python3' },
      'budget-s': { type: 'string', default: '240' },
      'target-s': { type: 'string', default: '4' },
    },
  });
  for (const flag of ['list', 'out', 'lab', 'comparator'] as const) {
    if (!values[flag]) throw new Error(`missing --${flag}`);
  }
  const budgetS = Number(values['budget-s']);
  const targetS = Number(values['target-s']);
  if (!(budgetS > 0)) throw new Error(`invalid --budget-s: ${JSON.stringify(values['budget-s'])} (must be positive seconds)`);
  if (!(targetS > 0)) throw new Error(`invalid --target-s: ${JSON.stringify(values['target-s'])} (must be positive seconds)`);
  const items = parseBenchList(readFileSync(values.list!, 'utf8'), values.list);
  mkdirSync(values.out!, { recursive: true });
  const results = await runList({
    items,
    out: values.out!,
    node: process.execPath,
    lab: values.lab!,
    python: values.python!,
    comparator: values.comparator!,
    budgetS,
    targetS,
  });
  const table = markdownTable(results);
  writeFileSync(join(values.out!, 'table.md'), table);
  process.stdout.write(table);
  const bad = results.filter((r) => r.status !== 'ok').length;
  if (bad > 0) process.exitCode = 1;
}

await main();
