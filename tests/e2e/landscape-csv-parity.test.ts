// The page's Landscape and Width sections on their CPU path (l.backend=cpu, w.backend=cpu: the
// float64 twin in the section's worker, under Chromium's V8) write the same CSV bytes as the CLI
// with --backend cpu (under Node's V8), elapsed_s aside (DESIGN §4). The two V8s round
// Math.atan2, asin, exp, log, n-ary hypot and fractional ** differently in the last bit, so
// every such number on the way to these CSVs goes through src/stats/portable-math.ts; a stray
// Math.* call there shows up here as a one-digit difference.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT, withoutColumns } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

interface Download {
  /** The page's download button. */
  button: string;
  /** The CLI flag naming the file that holds the same CSV. */
  flag: string;
}

interface Case {
  name: string;
  /** The page's query string. */
  query: string;
  /** The button that starts the run, and the status it ends on. */
  start: string;
  statusOf: string;
  done: RegExp;
  /** The same run as a CLI command and flags (--backend cpu and the output files added). */
  command: string[];
  downloads: Download[];
}

const landscape = { statusOf: '#l-status' };
const CASES: Case[] = [
  {
    name: 'descend, p = 3 (the tangent frame, the polish, λ_min)', ...landscape, start: '#l-run', done: /^Done: 16 runs/,
    query: 'l.p=3&l.n=16&l.runs=8&l.disorders=2&l.seed=3&l.backend=cpu',
    command: ['descend', '--p', '3', '--n', '16', '--runs', '8', '--disorders', '2', '--seed', '3'],
    downloads: [{ button: '#l-download-ends', flag: '--out' }],
  },
  {
    name: 'descend, p = 2 with heavy ball (the coupling scale N^(−1/2))', ...landscape, start: '#l-run', done: /^Done: 8 runs/,
    query: 'l.p=2&l.n=24&l.runs=8&l.disorders=1&l.seed=5&l.opt=momentum&l.eta=0.1&l.beta=0.9&l.backend=cpu',
    command: ['descend', '--p', '2', '--n', '24', '--runs', '8', '--disorders', '1', '--seed', '5', '--optimizer', 'momentum', '--eta', '0.1', '--beta', '0.9'],
    downloads: [{ button: '#l-download-ends', flag: '--out' }],
  },
  {
    name: 'critical points, p = 3 (the theory column\'s asin, the dedupe distance)', ...landscape, start: '#l-critical', done: /^Done: \d+ distinct critical points/,
    query: 'l.p=3&l.n=16&l.runs=8&l.disorders=1&l.seed=1&l.opt=gd&l.eta=0.05&l.backend=cpu',
    command: ['critical', '--p', '3', '--n', '16', '--runs', '8', '--disorders', '1', '--seed', '1', '--optimizer', 'gd', '--eta', '0.05'],
    downloads: [{ button: '#l-download-critical', flag: '--out' }],
  },
  {
    name: 'width, k = 6, 7 at n = k and 1.5k (the angles\' atan2), summary and end points', statusOf: '#w-status', start: '#w-run', done: /^Done: 80 runs/,
    query: 'w.kmin=6&w.kmax=7&w.widths=1,1.5&w.runs=20&w.seed=3&w.backend=cpu',
    command: ['width', '--k', '6,7', '--width', '1,1.5', '--runs', '20', '--seed', '3'],
    downloads: [{ button: '#w-download-csv', flag: '--out' }, { button: '#w-download-endpoints', flag: '--endpoints' }],
  },
];

describe.skipIf(!canRunBrowser)('the Landscape and Width CSVs of the page equal the CLI\'s on the CPU twin', () => {
  const session = usePageSession();

  for (const c of CASES) {
    it(c.name, async () => {
      const page = await session.browser.newPage();
      try {
        // nmax=2&samples=1000 keeps the Hessians section, which runs on load, out of the way.
        await page.goto(`${session.server.url}?nmax=2&samples=1000&${c.query}`);
        await page.click(c.start);
        await expect.poll(() => page.locator(c.statusOf).textContent(), { timeout: 300_000 }).toMatch(c.done);
        const dir = mkdtempSync(join(tmpdir(), 'saddle-parity-'));
        const files = c.downloads.flatMap((d, i) => [d.flag, join(dir, `${i}.csv`)]);
        execFileSync('node', ['bin/saddle-lab.js', ...c.command, '--backend', 'cpu', ...files], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
        for (const [i, d] of c.downloads.entries()) {
          const pageCsv = withoutColumns(await downloadText(page, d.button), ['elapsed_s']);
          const cliCsv = withoutColumns(readText(join(dir, `${i}.csv`)), ['elapsed_s']);
          expect(pageCsv.split('\n').length).toBeGreaterThan(1);
          expect(pageCsv, d.button).toBe(cliCsv);
        }
      } finally {
        await page.close();
      }
    });
  }
});
