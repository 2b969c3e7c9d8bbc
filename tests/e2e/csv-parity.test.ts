// The page's CSV download equals the CLI's CSV byte for byte (elapsed_s aside) for every method:
// Monte Carlo on the GPU (index histograms and P(min) alone), the exact table, rare-event estimates. Chromium's and Node's V8 round
// Math.log10, 10 ** x, Math.exp and Math.log differently in the last bit, so every number that
// reaches a CSV is computed with src/stats/portable-math.ts (issue 10, item 6), and so are the
// CPU twin's normals and χ variates, whose last bits decide a count near a zero pivot.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, withoutColumns } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

interface Case {
  name: string;
  /** The page's query string. */
  query: string;
  /** The same run as CLI flags. */
  flags: string[];
  /** Rare-event runs wait for the Run button. */
  pressRun?: boolean;
}

const CASES: Case[] = [
  { name: 'mc, the issue\'s example', query: 'nmin=1&nmax=6&samples=1000&seed=1', flags: ['--n', '1:6', '--samples', '1000', '--seed', '1'] },
  { name: 'mc, shifted', query: 'nmin=2&nmax=9&samples=5000&seed=3&shift=0.35', flags: ['--n', '2:9', '--samples', '5000', '--seed', '3', '--shift', '0.35'] },
  {
    name: 'mc, P(min) only (early exit), wigner-uniform shifted',
    query: 'ensemble=wigner-uniform&nmin=2&nmax=9&samples=5000&seed=3&shift=0.5&statistic=pmin',
    flags: ['--ensemble', 'wigner-uniform', '--n', '2:9', '--samples', '5000', '--seed', '3', '--shift', '0.5', '--statistic', 'pmin'],
  },
  { name: 'exact, N = 1..100', query: 'method=exact&nmin=1&nmax=100', flags: ['--method', 'exact', '--n', '1:100'] },
  { name: 'exact, shift 0.5', query: 'method=exact&nmin=1&nmax=64&shift=0.5', flags: ['--method', 'exact', '--n', '1:64', '--shift', '0.5'] },
  { name: 'exact, shift -0.25', query: 'method=exact&nmin=30&nmax=64&shift=-0.25', flags: ['--method', 'exact', '--n', '30:64', '--shift', '-0.25'] },
  { name: 'rare, shifted', query: 'method=rare&nmin=2&nmax=7&seed=3&shift=0.25', flags: ['--method', 'rare', '--n', '2:7', '--seed', '3', '--shift', '0.25'], pressRun: true },
  // The float64 CPU twin (the page's worker pool with backend=cpu, the CLI's --backend cpu):
  // dense Box–Muller normals, the tridiagonal model's χ variates, Student-t entries.
  { name: 'mc on the CPU twin, dense GOE', query: 'backend=cpu&nmin=1&nmax=8&samples=20000&seed=11&shift=0.2', flags: ['--backend', 'cpu', '--n', '1:8', '--samples', '20000', '--seed', '11', '--shift', '0.2'] },
  { name: 'mc on the CPU twin, tridiagonal', query: 'backend=cpu&ensemble=goe-tridiagonal&nmin=2&nmax=40&samples=5000&seed=2', flags: ['--backend', 'cpu', '--ensemble', 'goe-tridiagonal', '--n', '2:40', '--samples', '5000', '--seed', '2'] },
  { name: 'mc on the CPU twin, Student-t entries', query: 'backend=cpu&ensemble=wigner-t&nu=3&nmin=2&nmax=6&samples=5000&seed=4', flags: ['--backend', 'cpu', '--ensemble', 'wigner-t', '--nu', '3', '--n', '2:6', '--samples', '5000', '--seed', '4'] },
  { name: 'rare, N = 30', query: 'method=rare&nmin=30&nmax=30&seed=5', flags: ['--method', 'rare', '--n', '30', '--seed', '5'], pressRun: true },
];

describe.skipIf(!canRunBrowser)('the page CSV equals the CLI CSV', () => {
  const session = usePageSession();

  for (const c of CASES) {
    it(c.name, async () => {
      const page = await session.browser.newPage();
      try {
        await page.goto(`${session.server.url}?${c.query}`);
        await page.waitForFunction(() => document.querySelector('#backend')?.textContent !== 'Looking for WebGPU…', null, { timeout: 60_000 });
        if (c.pressRun) await page.click('#run');
        await expect.poll(() => page.locator('#status').textContent(), { timeout: 300_000 }).toMatch(/^(Done|Exact values)/);
        const pageCsv = await downloadText(page, '#download-csv');
        const cliCsv = execFileSync('node', ['bin/saddle-lab.js', 'sweep', ...c.flags], { cwd: ROOT, encoding: 'utf8' });
        expect(withoutColumns(pageCsv, ['elapsed_s'])).toBe(withoutColumns(cliCsv, ['elapsed_s']));
      } finally {
        await page.close();
      }
    });
  }
});
