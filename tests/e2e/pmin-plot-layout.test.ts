// The P(min) plot's legend covers no data, at desktop width and on a 390 px phone, for the case
// that showed the old in-plot legend covering the upper-bound markers at N ≈ 5–10: an ensemble
// with no theory line (so the y axis spans the data alone and the bounds are its lowest marks),
// a dozen N and few samples. And its caption names no line the plot does not draw.
// LAYOUT_SCREENSHOTS=dir writes pmin-plot-<width>.png there.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunBrowser, usePageSession } from './page-session.ts';
import { legendCovers } from './plot-geometry.ts';

const CASES = [
  { name: 'wigner-uniform', query: 'ensemble=wigner-uniform&nmin=1&nmax=12&samples=1000&seed=1', caption: /^No theory line is drawn/ },
  { name: 'goe', query: 'nmin=1&nmax=12&samples=1000&seed=1', caption: /^The dashed grey line is the coin-flip guess 2⁻ᴺ/ },
];

describe.skipIf(!canRunBrowser)('the P(min) plot', () => {
  const session = usePageSession();

  for (const c of CASES) {
    it(`keeps its legend off the data and captions what it draws, ${c.name} at 1280 and 390 px`, async () => {
      const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${session.server.url}?${c.query}`);
        await expect.poll(() => page.locator('#status').textContent(), { timeout: 120_000 }).toMatch(/^Done: 12 dimensions/);
        await expect.poll(() => page.locator('#plot-pmin .point').count(), { timeout: 5_000 }).toBe(12);
        // Not vacuous: the zero-count N are drawn as upper bounds.
        expect(await page.locator('#plot-pmin .point.bound').count()).toBeGreaterThan(2);
        expect(await page.locator('#pmin-caption').textContent()).toMatch(c.caption);
        // The same plot on a phone: the SVG scales with its host, the run stays.
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await page.evaluate(legendCovers, { host: '#plot-pmin' }), `${width} px`).toEqual([]);
          const shots = process.env['LAYOUT_SCREENSHOTS'];
          if (shots) {
            mkdirSync(shots, { recursive: true });
            await page.locator('#plot-pmin').scrollIntoViewIfNeeded();
            await page.locator('#plot-pmin').locator('xpath=..').screenshot({ path: join(shots, `pmin-plot-${c.name}-${width}.png`) });
          }
        }
      } finally {
        await page.close();
      }
    });
  }
});
