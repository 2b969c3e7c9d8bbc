// The built page in real Chromium: WebGPU on SwiftShader with sliders, Run, Stop and the CSV
// download checked against the CLI; a bad URL; and the CPU fallback without WebGPU.
// REQUIRE_BROWSER=1 (CI) turns a missing browser or adapter into a failure instead of a skip.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserRequired, launchChromium } from './browser.ts';
import { buildAndServe, csvRecords, readText, ROOT } from './page-fixture.ts';
import type { StaticServer } from './static-server.ts';

const canRun = browserAvailable() || browserRequired();
/** Columns that legitimately differ between the page and the CLI. */
const VOLATILE = ['elapsed_s'];

async function downloadCsv(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readText((await download.path())!);
}

/** Moves a range slider with the keyboard: Home, then ArrowRight `steps` times. */
async function slide(page: Page, selector: string, steps: number | 'end'): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press(steps === 'end' ? 'End' : 'Home');
  if (steps !== 'end') for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

const statusText = (page: Page) => page.locator('#status').textContent();

describe.skipIf(!canRun)('the page in Chromium', () => {
  let server: StaticServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!browserAvailable()) throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');
    server = await buildAndServe();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('with WebGPU on SwiftShader', () => {
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium(true);
      page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelector('#backend')?.textContent !== 'Looking for WebGPU…', null, { timeout: 60_000 });
    });

    it('runs on the GPU adapter and says which', async (context) => {
      const badge = (await page.locator('#backend').textContent()) ?? '';
      if (!badge.startsWith('WebGPU')) {
        if (browserRequired()) throw new Error(`no WebGPU adapter in Chromium: badge "${badge}"`);
        context.skip();
      }
      expect(badge).toMatch(/^WebGPU — .*swiftshader/i);
    });

    it('samples N = 1..4 set by keyboard, plots them, and downloads the CLI\'s CSV', async () => {
      await slide(page, '#nmin', 0);
      await slide(page, '#nmax', 3);
      await page.focus('#samples');
      await page.keyboard.press('Home'); // 1e3; notches 1e3, 2e3, 5e3, 1e4, 2e4
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.fill('#seed', '7');
      await page.click('#run');
      await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done/);
      expect(page.url()).toContain('?ensemble=goe&nmin=1&nmax=4&samples=20000&shift=0&seed=7&method=mc');
      // Redraws are coalesced (at most one per 200 ms), so the last points follow "Done" shortly.
      await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 5_000 }).toBe(4);
      await expect.poll(() => page.locator('#plot-index .column').count(), { timeout: 5_000 }).toBe(4);

      const pageCsv = await downloadCsv(page, '#download-csv');
      const out = join(mkdtempSync(join(tmpdir(), 'saddle-e2e-')), 'cli.csv');
      execFileSync('node', ['bin/saddle-lab.js', 'sweep', '--ensemble', 'goe', '--n', '1:4', '--samples', '20000', '--seed', '7', '--backend', 'gpu', '--out', out], { cwd: ROOT, stdio: 'inherit' });
      const cliRows = csvRecords(readText(out), VOLATILE);
      expect(cliRows).toHaveLength(4);
      expect(csvRecords(pageCsv, VOLATILE)).toEqual(cliRows);
      expect(pageCsv.split('\n')[0]).toBe(readText(out).split('\n')[0]);
    });

    it('picks an ensemble with a parameter, shows only its control, and downloads the CLI\'s CSV', async () => {
      const picker = await browser!.newPage();
      try {
        await picker.goto(`${server.url}?nmin=1&nmax=3&samples=20000&seed=7&method=mc`);
        await expect.poll(() => statusText(picker), { timeout: 120_000 }).toMatch(/^Done/);
        expect(await picker.locator('#param-nu').isVisible()).toBe(false);
        await picker.selectOption('#ensemble', 'wigner-t');
        expect(await picker.locator('#param-nu').isVisible()).toBe(true);
        expect(await picker.locator('#param-phi').isVisible()).toBe(false);
        // GOE's exact table and rare estimator do not apply to Student-t entries.
        expect(await picker.locator('#method option[value="exact"]').isDisabled()).toBe(true);
        await picker.fill('#param-nu', '2.5');
        await picker.click('#run');
        await expect.poll(() => picker.url(), { timeout: 10_000 }).toContain('?ensemble=wigner-t&nu=2.5&nmin=1&nmax=3&samples=20000');
        await expect.poll(() => statusText(picker), { timeout: 120_000 }).toMatch(/^Done/);
        const pageCsv = await downloadCsv(picker, '#download-csv');
        const out = join(mkdtempSync(join(tmpdir(), 'saddle-e2e-')), 'cli-t.csv');
        execFileSync('node', ['bin/saddle-lab.js', 'sweep', '--ensemble', 'wigner-t', '--nu', '2.5', '--n', '1:3', '--samples', '20000', '--seed', '7', '--backend', 'gpu', '--out', out], { cwd: ROOT, stdio: 'inherit' });
        const cliRows = csvRecords(readText(out), VOLATILE);
        expect(cliRows.map((r) => [r['ensemble'], r['nu']])).toEqual([1, 2, 3].map(() => ['wigner-t', '2.5']));
        expect(csvRecords(pageCsv, VOLATILE)).toEqual(cliRows);
        expect(pageCsv.split('\n')[0]).toBe(readText(out).split('\n')[0]);
      } finally {
        await picker.close();
      }
    });

    it('shows a point\'s numbers when the pointer rests on it', async () => {
      await page.hover('#plot-pmin .point[data-n="2"]');
      expect(await page.locator('#plot-pmin .readout').textContent()).toMatch(/^N = 2: P = .* minima \/ 20\u2009000 samples$/);
    });

    it('downloads the index histogram and a manifest for the same run', async () => {
      const histogram = csvRecords(await downloadCsv(page, '#download-histogram'));
      expect(histogram).toHaveLength(2 + 3 + 4 + 5);
      const total = histogram.filter((r) => r['n'] === '3').reduce((sum, r) => sum + Number(r['count']), 0);
      expect(total).toBe(20000);
      const manifest = JSON.parse(await downloadCsv(page, '#download-manifest'));
      expect(manifest.settings).toMatchObject({ ensemble: 'goe', ns: [1, 2, 3, 4], samples: 20000, seed: 7, backend: 'gpu' });
      expect(manifest.device).toMatch(/swiftshader/i);
    });

    it('samples newly covered N as soon as N max moves, without Run', async () => {
      await page.focus('#nmax');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 120_000 }).toBe(6);
      await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done: 6 dimensions/);
      expect(page.url()).toContain('nmax=6');
    });

    it('stops a long sweep and keeps the partial results, resumed from the cache', async () => {
      await slide(page, '#samples', 'end');
      await page.click('#run');
      await expect.poll(() => page.locator('#progress-text').textContent(), { timeout: 60_000 }).toMatch(/matrices\/s · ETA/);
      await page.click('#stop');
      await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Stopped/);
      const rows = csvRecords(await downloadCsv(page, '#download-csv'));
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(Number(row['samples'])).toBeGreaterThanOrEqual(20000);
        expect(Number(row['samples'])).toBeLessThan(1e9);
      }
    });
  });

  it('names a bad URL parameter in the status line and runs with the default', async () => {
    browser ??= await launchChromium(true);
    const page = await browser.newPage();
    await page.goto(`${server.url}?nmax=999&seed=abc&samples=1000`);
    await expect.poll(() => statusText(page)).toContain('ignored nmax=999: must be an integer in [1, 64]');
    expect(await statusText(page)).toContain('ignored seed=abc: must be an integer in [0, 9007199254740991]');
    expect(await page.locator('#nmax').inputValue()).toBe('6');
    await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 60_000 }).toBe(6);
    await page.close();
  });

  it('estimates P(minimum) past the Monte Carlo wall when asked, in the worker', async () => {
    browser ??= await launchChromium(true);
    const page = await browser.newPage();
    await page.goto(`${server.url}?method=rare&nmin=12&nmax=12&seed=1`);
    // Rare-event runs wait for the Run button: they take seconds per N.
    await page.waitForTimeout(500);
    expect(await page.locator('#plot-pmin .point').count()).toBe(0);
    await page.click('#run');
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done: rare-event/);
    const label = (await page.locator('#plot-pmin .point.rare').getAttribute('aria-label')) ?? '';
    // exact P_12 = 5.89e−20 (data/exact-goe.json), log10 = −19.23: the estimate must be near it
    const [, mantissa, exponent] = /P = ([\d.]+)e−(\d+)/.exec(label)!;
    const log10P = Math.log10(Number(mantissa)) - Number(exponent);
    expect(log10P).toBeGreaterThan(-20.2);
    expect(log10P).toBeLessThan(-18.2);
    await page.close();
  });

  it('falls back to the CPU in a worker without WebGPU, and says so', async () => {
    const plain = await launchChromium(false);
    try {
      const page = await plain.newPage();
      await page.goto(`${server.url}?nmax=3&samples=2000&seed=7`);
      await expect.poll(() => page.locator('#backend').textContent(), { timeout: 30_000 }).toMatch(/^CPU fallback — no WebGPU( adapter)?$/);
      await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Done/);
      // Redraws are coalesced (at most one per 200 ms), so the last points follow "Done" shortly.
      await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 5_000 }).toBe(3);
      const rows = csvRecords(await downloadCsv(page, '#download-csv'));
      expect(rows.map((r) => [r['n'], r['backend'], r['samples']])).toEqual([
        ['1', 'cpu', '2000'],
        ['2', 'cpu', '2000'],
        ['3', 'cpu', '2000'],
      ]);
    } finally {
      await plain.close();
    }
  });
});
