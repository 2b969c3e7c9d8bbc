// Fuzz tier, CLI: seeded random and boundary values for every flag, in-process (thousands of
// lines) and as real processes with signals. Every run must end with exit 0, 2 (bad input) or
// 3 (no adapter) — or the 128 + n of a signal we sent, or 1 only for a write that failed after
// the run (/dev/full) — with a refusal that names its field, no stack trace, and an old output
// file untouched by any refusal. Time-bounded: FUZZ_SECONDS (default 40) in-process.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { FLAGS } from '../../src/cli/options.ts';
import { openOutput } from '../../src/cli/output-file.ts';
import { DIMENSIONS, FUZZ_SEED, numberish, pick, seeded, SHIFT_LISTS, WORDS, type Random } from './fuzz-values.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 40);
/** A run still going after this is stopped, as Ctrl-C would: valid input may ask for hours. */
const CASE_LIMIT_MS = 1500;
const OLD = 'old results\n';
const FIELDS = ['ensemble', 'n', 'samples', 'shift', 'seed', 'method', 'statistic', 'backend', 'replicates', 'shard', 'threads', 'spectrum-matrices', 'bins', 'shifts'];
/** The flags that name an output file. */
const OUTPUTS = ['out', 'hist', 'spectrum', 'edge'];
const STACK = /^\s+at .+:\d+(:\d+)?\)?$|\.ts:\d+:\d+/m;

interface Case {
  argv: string[];
  /** Files set up beforehand with OLD in them. */
  existing: string[];
  dir: string;
}

/** One command line: a command (usually valid), 0–6 flags with fuzzed values, sometimes junk. */
function commandLine(random: Random): Case {
  const dir = mkdtempSync(join(tmpdir(), 'saddle-fuzz-'));
  const existing: string[] = [];
  const path = (flag: string): string => {
    const choice = random();
    if (choice < 0.3) {
      const file = join(dir, `${flag}.csv`);
      writeFileSync(file, OLD);
      existing.push(file);
      return file;
    }
    if (choice < 0.6) return join(dir, `${flag}-new.csv`);
    return pick(random, ['/nonexistent/dir/x.csv', '/dev/full', '/proc/version', '', dir, join(dir, 'same.csv'), '/dev/null']);
  };
  const argv: string[] = [];
  const r = random();
  argv.push(r < 0.75 ? 'sweep' : r < 0.9 ? 'bench' : pick(random, WORDS));
  const names = Object.keys(FLAGS);
  const count = Math.floor(random() * 7);
  let backendGiven = false;
  for (let i = 0; i < count; i++) {
    const name = random() < 0.05 ? pick(random, ['nn', 'outt', 'h', 'N', '']) : pick(random, names);
    if (name === 'backend') backendGiven = true;
    const value =
      name === 'n' ? pick(random, DIMENSIONS)
      : ['samples', 'shift', 'seed', 'replicates', 'spectrum-matrices', 'bins'].includes(name) ? numberish(random)
      : name === 'shifts' ? (random() < 0.6 ? pick(random, SHIFT_LISTS) : numberish(random))
      : OUTPUTS.includes(name) ? path(name)
      : name === 'statistic' ? pick(random, ['pmin', 'index', ...WORDS])
      : name === 'help' ? undefined
      : pick(random, WORDS);
    const form = random();
    if (value === undefined) argv.push(form < 0.9 ? `--${name}` : '-h');
    else if (form < 0.8) argv.push(`--${name}`, value);
    else if (form < 0.9) argv.push(`--${name}=${value}`);
    else argv.push(`--${name}`); // a missing value
  }
  if (random() < 0.05) argv.push(pick(random, WORDS)); // a stray positional
  // The GPU is the default; most lines name the CPU so the budget buys many lines.
  if (!backendGiven && random() < 0.9) argv.push('--backend', 'cpu');
  return { argv, existing, dir };
}

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    progress: () => {},
    openOutput,
  };
  return io;
}

/** What is wrong with one finished run, if anything. */
function problemsOf(c: Case, code: number, stdout: string, stderr: string, stoppedByUs: boolean): string[] {
  const problems: string[] = [];
  const line = JSON.stringify(c.argv);
  const allowed = code === 0 || code === 2 || code === 3 || (stoppedByUs && code >= 129 && code <= 143) || (code === 1 && /cannot write --(out|hist|spectrum|edge)/.test(stderr));
  if (!allowed) problems.push(`${line}: exit ${code}: ${stderr.trim().slice(0, 300)}`);
  if (STACK.test(stderr) || STACK.test(stdout)) problems.push(`${line}: stack trace: ${stderr.slice(0, 300)}`);
  if (code === 2) {
    const message = stderr.trim();
    const field = /^saddle-lab: invalid ([\w.-]+):/.exec(message)?.[1];
    const namesIt = (field !== undefined && FIELDS.includes(field)) || /--[a-z]+|unknown command|missing command|unexpected argument|cannot read "|merge needs|not a shard/.test(message);
    if (!namesIt) problems.push(`${line}: a refusal that names no field: ${message}`);
    if (message.split('\n').length !== 1) problems.push(`${line}: a refusal of more than one line: ${message}`);
  }
  // A refusal (2, 3) or a crash leaves old files alone; a stop writes the partial results.
  if (code === 2 || code === 3 || code < 0) {
    for (const file of c.existing) {
      if (readFileSync(file, 'utf8') !== OLD) problems.push(`${line}: exit ${code} changed ${file}`);
    }
  }
  const stray = readdirSync(c.dir).filter((name) => name.endsWith('.tmp'));
  if (stray.length > 0) problems.push(`${line}: left ${stray.join(', ')}`);
  return problems;
}

describe('CLI fuzz', () => {
  it(`gives every seeded command line (seed ${FUZZ_SEED}, ${SECONDS} s) a clean exit`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const random = seeded(FUZZ_SEED);
    const deadline = performance.now() + SECONDS * 1000;
    const problems: string[] = [];
    const codes = new Map<number, number>();
    let lines = 0;
    while (performance.now() < deadline) {
      const c = commandLine(random);
      const io = captureIo();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort('SIGINT'), CASE_LIMIT_MS);
      let code: number;
      try {
        code = await main(c.argv, io, controller.signal);
      } catch (error) {
        code = -1;
        io.err += `thrown: ${error instanceof Error ? error.stack : String(error)}`;
      } finally {
        clearTimeout(timer);
      }
      lines++;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      problems.push(...problemsOf(c, code, io.out, io.err, controller.signal.aborted));
    }
    // The report the tier prints: what was tried and what came back.
    console.log(`CLI fuzz, seed ${FUZZ_SEED}: ${lines} command lines; exit codes ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => a[0] - b[0])))}; ${problems.length} problems`);
    expect(problems).toEqual([]);
  });

  it('ends real processes stopped by SIGINT, SIGTERM or SIGHUP at a random moment with their code', { timeout: 300_000 }, async () => {
    const random = seeded(FUZZ_SEED + 1);
    const problems: string[] = [];
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const expected = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
    for (let i = 0; i < 12; i++) {
      const c = commandLine(random);
      const signal = pick(random, signals);
      const afterMs = 300 + Math.floor(random() * 2500);
      const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
        const child = spawn('node', ['bin/saddle-lab.js', ...c.argv], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('error', fail);
        const timer = setTimeout(() => child.kill(signal), afterMs);
        child.on('close', (exit, killedBy) => {
          clearTimeout(timer);
          // A signal that lands while Node is still loading the CLI (before its handlers exist)
          // ends the process the default way; nothing was computed then, and the shell reports
          // the same 128 + n.
          done({ code: exit ?? (killedBy === signal ? expected[signal] : -1), stdout: out, stderr: err });
        });
      });
      const stoppedByUs = code === expected[signal];
      problems.push(...problemsOf(c, code, stdout, stderr, stoppedByUs));
    }
    expect(problems).toEqual([]);
  });
});
