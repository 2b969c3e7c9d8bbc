// The page's spectrum and λ_min section in real Chromium (WebGPU on SwiftShader): settings
// from the URL, Run spectrum & λ_min, the plots with only the theory that applies, the URL
// state, and the two CSV downloads (the spectrum CSV byte for byte the CLI's --spectrum).
// REQUIRE_BROWSER=1 (CI) turns a missing browser into a failure instead of a skip.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords, readText, ROOT } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

const statusText = (page: Page) => page.locator('#status').textContent();

describe.skipIf(!canRunBrowser)('the spectrum and λ_min section in Chromium', () => {
  const session = usePageSession();
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage();
  });

  it('draws the GOE spectrum against the semicircle and P(min) against F₁, and downloads the CLI\'s spectrum CSV', async () => {
    await page.goto(`${session.server.url}?ensemble=goe&nmin=2&nmax=4&samples=1000&seed=5&specn=12&specm=150&edgesamples=300`);
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done/);
    expect(await page.locator('#plot-spectrum svg').count()).toBe(0);
    await page.fill('#specm', '160');
    await page.dispatchEvent('#specm', 'input');
    expect(page.url()).toContain('specn=12&specm=160&edgesamples=300');
    await page.click('#run-spectrum');
    await expect.poll(() => statusText(page), { timeout: 300_000 }).toMatch(/^Done: spectrum and 15 shifts at N = 12/);
    await expect.poll(() => page.locator('#plot-edge .point').count(), { timeout: 5_000 }).toBe(15);
    expect(await page.locator('#plot-spectrum .bars rect').count()).toBe(64);
    expect(await page.locator('#plot-spectrum svg > path.curve.semicircle').count()).toBe(1);
    expect(await page.locator('#plot-edge svg > path.curve.tracy-widom').count()).toBe(1);
    expect(await page.locator('#plot-alpha svg').count()).toBe(0);

    const pageSpectrum = await downloadText(page, '#download-spectrum');
    const out = join(mkdtempSync(join(tmpdir(), 'saddle-e2e-')), 'spectrum.csv');
    execFileSync('node', ['bin/saddle-lab.js', 'sweep', '--ensemble', 'goe', '--n', '12', '--samples', '160', '--seed', '5', '--backend', 'cpu', '--spectrum', out, '--out', join(tmpdir(), 'ignored.csv')], { cwd: ROOT, stdio: 'inherit' });
    expect(pageSpectrum).toBe(readText(out));
    const rows = csvRecords(pageSpectrum);
    expect(rows.reduce((sum, r) => sum + Number(r['count']), 0)).toBe(12 * 160);

    const edge = csvRecords(await downloadText(page, '#download-edge'));
    expect(edge).toHaveLength(15);
    expect(edge.every((r) => r['ensemble'] === 'goe' && r['n'] === '12' && r['samples'] === '300' && r['tw_f1'] !== '')).toBe(true);
  });

  it('shows MP ⊞ semicircle and α(ε) with ε_c for gauss-newton-residual, and no Tracy–Widom', async () => {
    await page.goto(`${session.server.url}?ensemble=gauss-newton-residual&phi=0.5&epsilon=0.05&nmin=4&nmax=8&samples=1000&specn=8&specm=100&edgesamples=200`);
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done/);
    await expect.poll(() => page.locator('#plot-alpha .critical-label').textContent(), { timeout: 5_000 }).toBe('ε_c = 0.0113');
    await page.click('#run-spectrum');
    await expect.poll(() => statusText(page), { timeout: 300_000 }).toMatch(/^Done: spectrum/);
    expect(await page.locator('#plot-spectrum svg > path.curve.free-convolution').count()).toBe(1);
    expect(await page.locator('#plot-spectrum svg > path.curve.semicircle').count()).toBe(0);
    expect(await page.locator('#plot-edge svg > path.curve.tracy-widom').count()).toBe(0);
    const edge = csvRecords(await downloadText(page, '#download-edge'));
    expect(edge.length).toBeGreaterThan(0);
    expect(edge.every((r) => r['phi'] === '0.5' && r['epsilon'] === '0.05' && r['tw_f1'] === '')).toBe(true);
  });
});
