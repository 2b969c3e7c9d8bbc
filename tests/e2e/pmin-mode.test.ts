// Count = "P(min) only" in real Chromium (WebGPU on SwiftShader): the index plot's place says
// that no index is counted, the histogram download is disabled with a title saying why, the
// summary CSV still downloads with the P(min) columns, switching back to Count = Index histogram
// brings the plot and the button back, and a stopped P(min) sweep keeps its partial results on
// the plot and in the download. (The P(min) CSV equals the CLI's byte for byte in
// csv-parity.test.ts.)

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from './page-fixture.ts';
import { canRunBrowser, downloadText, usePageSession } from './page-session.ts';

const statusText = (page: Page) => page.locator('#status').textContent();

describe.skipIf(!canRunBrowser)('the page with Count = P(min) only', () => {
  const session = usePageSession();
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('says in the index plot\'s place that no index is counted, and disables the histogram download with the reason', async () => {
    await page.goto(`${session.server.url}?nmin=2&nmax=7&samples=20000&seed=5&statistic=pmin`);
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done: 6 dimensions/);
    expect(await page.locator('#statistic').inputValue()).toBe('pmin');
    const notice = page.locator('#plot-index .plot-notice');
    expect(await notice.textContent()).toBe('P(min) only: no index distribution is counted — choose Count = Index histogram to see it.');
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator('#plot-index svg').count()).toBe(0);
    expect(await page.locator('#table-index-details').isVisible()).toBe(false);
    const histogram = page.locator('#download-histogram');
    expect(await histogram.isDisabled()).toBe(true);
    expect(await histogram.getAttribute('title')).toMatch(/^Disabled: Count = P\(min\) only counts no index histogram/);
  });

  it('still draws P(min) and downloads the summary CSV, with the index-only columns empty', async () => {
    await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 5_000 }).toBe(6);
    const rows = csvRecords(await downloadText(page, '#download-csv'));
    expect(rows.map((r) => r['n'])).toEqual(['2', '3', '4', '5', '6', '7']);
    for (const row of rows) {
      expect(row['samples']).toBe('20000');
      expect([row['maxima'], row['index_mean'], row['index_var']]).toEqual(['', '', '']);
    }
    expect(Number(rows[0]!['minima'])).toBeGreaterThan(0);
    const manifest = JSON.parse(await downloadText(page, '#download-manifest'));
    expect(manifest.settings).toMatchObject({ statistic: 'pmin', samples: 20000, seed: 5 });
  });

  it('brings the index plot and the histogram download back with Count = Index histogram', async () => {
    await page.selectOption('#statistic', 'index');
    expect(await page.locator('#download-histogram').isDisabled()).toBe(false);
    expect(await page.locator('#download-histogram').getAttribute('title')).toBeNull();
    // The status still reads the P(min) run's "Done" until the debounced index run starts: wait
    // for the columns themselves, then for that run's end.
    await expect.poll(() => page.locator('#plot-index svg .column').count(), { timeout: 120_000 }).toBe(6);
    await expect.poll(() => statusText(page), { timeout: 120_000 }).toMatch(/^Done: 6 dimensions/);
    expect(await page.locator('#plot-index .plot-notice').count()).toBe(0);
    const histogram = csvRecords(await downloadText(page, '#download-histogram'));
    expect(histogram).toHaveLength(3 + 4 + 5 + 6 + 7 + 8);
  });

  it('keeps a stopped P(min) sweep\'s partial results on the plot and in the download', async () => {
    await page.selectOption('#statistic', 'pmin');
    await page.focus('#samples');
    await page.keyboard.press('End');
    await page.click('#run');
    await expect.poll(() => page.locator('#progress-text').textContent(), { timeout: 60_000 }).toMatch(/matrices\/s · ETA/);
    await page.click('#stop');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toBe('Stopped. Partial results are kept and can be downloaded.');
    await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 5_000 }).toBe(6);
    expect(await page.locator('#plot-index .plot-notice').count()).toBe(1);
    const rows = csvRecords(await downloadText(page, '#download-csv'));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(Number(row['samples'])).toBeGreaterThanOrEqual(20000);
      expect(Number(row['samples'])).toBeLessThan(1e9);
      expect(row['maxima']).toBe('');
    }
    const manifest = JSON.parse(await downloadText(page, '#download-manifest'));
    expect(manifest.note).toBe('stopped before every N reached the requested samples');
  });
});
