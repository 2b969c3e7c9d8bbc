// The page's Landscape section in real Chromium: WebGPU on SwiftShader runs the p-spin kernels
// in the section's worker and the end-point CSV equals the CLI's byte for byte; the critical
// points come with the theory curve; Stop keeps whole batches; the state lives in "l." keys;
// without WebGPU the worker falls back to the CPU twin. REQUIRE_BROWSER=1 fails a missing browser.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { csvRecords, readText, ROOT } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

const status = (page: Page) => page.locator('#l-status').textContent();

describe.skipIf(!canRunBrowser)('the Landscape section in Chromium', () => {
  const session = usePageSession();

  it('descends on WebGPU in its worker, plots all four views and downloads the CLI’s end-point CSV byte for byte', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?nmax=2&samples=1000&l.p=3&l.n=16&l.runs=8&l.disorders=2&l.seed=3&l.backend=gpu`);
    await page.click('#l-run');
    await expect.poll(() => status(page), { timeout: 300_000 }).toMatch(/^Done: 16 runs, 16 minima/);
    expect(await page.locator('#l-backend-badge').textContent()).toMatch(/^WebGPU: .*swiftshader/i);
    expect(await page.locator('#l-plot-trajectories .trajectory').count()).toBe(16);
    expect(await page.locator('#l-plot-trajectories .energy-band').count()).toBe(1);
    expect(await page.locator('#l-plot-histogram .energy-bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#l-plot-histogram .threshold').count()).toBe(1);
    expect(await page.locator('#l-plot-restarts .point').count()).toBe(4);
    const pageText = await downloadText(page, '#l-download-ends');
    const out = join(mkdtempSync(join(tmpdir(), 'saddle-landscape-')), 'ends.csv');
    execFileSync('node', ['bin/saddle-lab.js', 'descend', '--p', '3', '--n', '16', '--runs', '8', '--disorders', '2', '--seed', '3', '--backend', 'gpu', '--out', out], { cwd: ROOT, stdio: 'inherit' });
    // Byte for byte: the same WGSL on the same SwiftShader (the CLI inherits vite.config.ts's
    // VK_ICD_FILENAMES), compiled by Chromium's Dawn and by the webgpu package's, gives the same
    // f32 end points here, and the float64 polish is portable (src/stats/portable-math.ts).
    // On two different GPUs the f32 descents would differ; this pins one driver.
    const pageRows = csvRecords(pageText);
    expect(pageRows).toHaveLength(16);
    expect(pageRows.map((r) => r['backend'])).toEqual(Array(16).fill('gpu'));
    expect(pageText).toBe(readText(out));
    await page.close();
  });

  it('finds critical points of several indices and draws them beside F(−s(u))', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?nmax=2&samples=1000&l.p=3&l.n=16&l.runs=8&l.disorders=1&l.backend=cpu&l.opt=gd&l.eta=0.05`);
    await page.click('#l-critical');
    await expect.poll(() => status(page), { timeout: 300_000 }).toMatch(/^Done: \d+ distinct critical points/);
    expect(await page.locator('#l-plot-index .critical-point').count()).toBeGreaterThan(3);
    expect(await page.locator('#l-plot-index .theory').count()).toBe(1);
    const rows = csvRecords(await downloadText(page, '#l-download-critical'));
    expect(new Set(rows.map((r) => r['index'])).size).toBeGreaterThan(2);
    await page.close();
  });

  it('keeps its state in l. keys beside the other sections’ and names a bad one', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?nmax=2&samples=1000&l.n=999&l.runs=32`);
    await expect.poll(() => status(page)).toContain('ignored l.n=999: must be an integer in [2, 256]');
    await page.fill('#l-n', '20');
    await page.dispatchEvent('#l-n', 'change');
    await expect.poll(() => page.url()).toContain('l.n=20');
    expect(page.url()).toContain('l.runs=32');
    expect(page.url()).toContain('nmax=2');
    await page.close();
  });

  it('Stop keeps the whole batches already classified', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}?nmax=2&samples=1000&l.p=3&l.n=24&l.runs=4096&l.disorders=1&l.backend=cpu`);
    await page.click('#l-run');
    await expect.poll(() => page.locator('#l-progress-text').textContent(), { timeout: 120_000 }).toMatch(/^(3[2-9]|[4-9]\d|\d{3,4}) \/ 4096 runs/);
    await page.click('#l-stop');
    await expect.poll(() => status(page), { timeout: 120_000 }).toMatch(/^Stopped: \d+ runs/);
    const rows = csvRecords(await downloadText(page, '#l-download-ends'));
    expect(rows.length % 16).toBe(0);
    expect(rows.length).toBeGreaterThanOrEqual(32);
    expect(rows.length).toBeLessThan(4096);
    await page.close();
  });

  it('falls back to the CPU twin in its worker without WebGPU, and says so', async () => {
    const plain = await launchChromium(false);
    try {
      const page = await plain.newPage();
      await page.goto(`${session.server.url}?nmax=2&samples=1000&l.p=2&l.n=16&l.runs=8&l.disorders=1&l.backend=gpu`);
      await page.click('#l-run');
      await expect.poll(() => status(page), { timeout: 120_000 }).toMatch(/^Done: 8 runs, 8 minima/);
      expect(await page.locator('#l-backend-badge').textContent()).toMatch(/^CPU fallback \(no WebGPU/);
      const rows = csvRecords(await downloadText(page, '#l-download-ends'));
      expect(rows.map((r) => r['backend'])).toEqual(Array(8).fill('cpu'));
      // p = 2: every run of the disorder ends at the same minimum.
      expect(new Set(rows.map((r) => Number(r['u']).toFixed(9))).size).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
