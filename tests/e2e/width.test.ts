// The page's Width section in real Chromium: WebGPU on SwiftShader runs the WGSL descents in the
// section's worker, the CSV downloads equal the CLI's byte for byte (elapsed_s aside), Stop
// keeps whole batches, its state lives in the URL under "w." keys beside the Hessians section's,
// and without WebGPU the worker falls back to the CPU twin. REQUIRE_BROWSER=1 turns a missing browser into a failure.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { csvRecords, readText, ROOT, withoutColumns } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

const COUNTS = ['k', 'n', 'runs', 'global', 'spurious', 'saddle', 'not_converged'];
const status = (page: Page) => page.locator('#w-status').textContent();

const pick = (rows: Record<string, string>[]) => rows.map((r) => COUNTS.map((c) => r[c]));

/** The request the held width worker waits on (answered by page.route, never by the server). */
const HOLD_URL = '/__test-hold-after-first-batch';

/**
 * Runs in the page before its scripts (addInitScript): the width worker is started from a
 * module that imports the real one and wraps its postMessage, so that after the first progress
 * report with runsDone ≥ `runs` the worker blocks in a synchronous request to `url`.
 */
function holdWidthWorkerAfter({ runs, url }: { runs: number; url: string }): void {
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(script: string | URL, options?: WorkerOptions) {
      const href = new URL(script, location.href).href;
      if (!href.includes('width-worker')) {
        super(script, options);
        return;
      }
      const source = `import ${JSON.stringify(href)};
        const post = self.postMessage.bind(self);
        let held = false;
        self.postMessage = (message, options) => {
          post(message, options);
          if (held || message.type !== 'progress' || message.runsDone < ${runs}) return;
          held = true;
          const request = new XMLHttpRequest();
          request.open('GET', ${JSON.stringify(new URL(url, location.href).href)}, false);
          request.send();
        };`;
      super(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { ...options, type: 'module' });
    }
  };
}

describe.skipIf(!canRunBrowser)('the Width section in Chromium', () => {
  const session = usePageSession();

  it('runs k = 6, 7 on WebGPU in its worker, plots the rates and downloads the CLI’s CSVs byte for byte', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?w.kmin=6&w.kmax=7&w.widths=1,1.5&w.runs=20&w.backend=gpu&w.seed=3`);
    await page.click('#w-run');
    await expect.poll(() => status(page), { timeout: 300_000 }).toMatch(/^Done: 80 runs/);
    expect(await page.locator('#w-backend-badge').textContent()).toMatch(/^WebGPU: .*swiftshader/i);
    expect(await page.locator('#w-plot-rate .point').count()).toBe(4);
    expect(await page.locator('#w-plot-trajectories .trajectory').count()).toBeGreaterThan(0);
    expect(await page.locator('#w-plot-histogram .loss-bar').count()).toBeGreaterThan(0);
    const pageText = await downloadText(page, '#w-download-csv');
    const dir = mkdtempSync(join(tmpdir(), 'saddle-width-'));
    const [out, ends] = [join(dir, 'width.csv'), join(dir, 'ends.csv')];
    execFileSync('node', ['bin/saddle-lab.js', 'width', '--k', '6,7', '--width', '1,1.5', '--runs', '20', '--seed', '3', '--backend', 'gpu', '--out', out, '--endpoints', ends], { cwd: ROOT, stdio: 'inherit' });
    const pageRows = csvRecords(pageText);
    expect(pick(pageRows)).toEqual(pick(csvRecords(readText(out))));
    expect(pageRows.map((r) => r['backend'])).toEqual(['gpu', 'gpu', 'gpu', 'gpu']);
    // Byte for byte, elapsed_s aside: the same WGSL on the same SwiftShader (the CLI inherits
    // vite.config.ts's VK_ICD_FILENAMES) through Chromium's Dawn and the webgpu package's gives
    // the same f32 descents here; the float64 polish and losses are portable math.
    expect(withoutColumns(pageText, ['elapsed_s'])).toBe(withoutColumns(readText(out), ['elapsed_s']));
    const endPoints = await downloadText(page, '#w-download-endpoints');
    expect(csvRecords(endPoints)).toHaveLength(80);
    expect(endPoints).toBe(readText(ends));
    await page.close();
  });

  it('keeps its state in w. keys beside the Hessians keys, and names a bad one', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?nmax=3&samples=1000&w.kmin=30&w.runs=50`);
    await expect.poll(() => status(page)).toContain('ignored w.kmin=30: must be an integer in [2, 20]');
    await page.focus('#w-kmax');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('w.kmax=11');
    expect(page.url()).toContain('nmax=3');
    expect(page.url()).toContain('w.runs=50');
    // The Hessians section neither complains about the w. keys nor drops them.
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/^Done/);
    expect(await page.locator('#status').textContent()).not.toContain('w.');
    expect(page.url()).toContain('w.kmax=11');
    await page.close();
  });

  it('Stop keeps the whole batches already classified', async () => {
    const page = await session.browser.newPage();
    // No timing: the width worker is wrapped so that, right after it reports its first batch
    // classified (runsDone = 256, the first report ≥ 256), it blocks in a synchronous request
    // that the test answers only once the Stop button has posted its message. The worker then
    // starts batch 2, sees the stop at its first yield (the CPU descent yields every 20 ms) and
    // drops that batch whole: exactly the first 256 runs are kept, of 2000 asked.
    await page.addInitScript(holdWidthWorkerAfter, { runs: 256, url: HOLD_URL });
    let held = 0;
    await page.route(`**${HOLD_URL}`, async (route) => {
      held += 1;
      await page.click('#w-stop');
      await route.fulfill({ status: 200, body: 'released' });
    });
    await page.goto(`${session.server.url}?w.kmin=8&w.kmax=8&w.widths=1&w.runs=2000&w.backend=cpu`);
    await page.click('#w-run');
    await expect.poll(() => status(page), { timeout: 300_000 }).toMatch(/^Stopped: \d+ runs kept/);
    expect(held).toBe(1);
    expect(await status(page)).toBe('Stopped: 256 runs kept (whole batches).');
    const rows = csvRecords(await downloadText(page, '#w-download-csv'));
    expect(rows.map((r) => [r['k'], r['n'], r['runs']])).toEqual([['8', '8', '256']]);
    const endPoints = csvRecords(await downloadText(page, '#w-download-endpoints'));
    expect(endPoints.map((r) => Number(r['run']))).toEqual(Array.from({ length: 256 }, (_, i) => i));
    await page.close();
  });

  it('falls back to the CPU twin in its worker without WebGPU, and says so', async () => {
    const plain = await launchChromium(false);
    try {
      const page = await plain.newPage();
      await page.goto(`${session.server.url}?w.kmin=6&w.kmax=6&w.widths=1&w.runs=20&w.backend=gpu`);
      await page.click('#w-run');
      await expect.poll(() => status(page), { timeout: 120_000 }).toMatch(/^Done: 20 runs/);
      expect(await page.locator('#w-backend-badge').textContent()).toMatch(/^CPU fallback \(no WebGPU/);
      const rows = csvRecords(await downloadText(page, '#w-download-csv'));
      expect(rows.map((r) => [r['k'], r['backend'], r['runs']])).toEqual([['6', 'cpu', '20']]);
    } finally {
      await plain.close();
    }
  });
});
