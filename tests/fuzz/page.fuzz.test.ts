// Fuzz tier, page: seeded random and boundary values for every URL parameter and the seed
// field, in real Chromium with WebGPU on SwiftShader. The page must never throw, must say what
// it ignored, and must still run (Run then Stop) afterwards. Time-bounded: FUZZ_PAGE_SECONDS
// (default 45).

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserRequired, launchChromium } from '../e2e/browser.ts';
import { buildAndServe } from '../e2e/page-fixture.ts';
import type { StaticServer } from '../e2e/static-server.ts';
import { PARAMS, parseSettings } from '../../src/ui/url-state.ts';
import { parseSpectrumSettings, SPECTRUM_PARAMS } from '../../src/ui/spectrum-settings.ts';
import { DIMENSIONS, FUZZ_SEED, numberish, pick, seeded, WORDS, type Random } from './fuzz-values.ts';

const SECONDS = Number(process.env['FUZZ_PAGE_SECONDS'] ?? 45);
const canRun = browserAvailable() || browserRequired();

function query(random: Random): string {
  const parts: string[] = [];
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const name = random() < 0.08 ? pick(random, ['colour', 'n', 'NMAX', '']) : pick(random, [...PARAMS, ...SPECTRUM_PARAMS]);
    const value =
      name === 'nmin' || name === 'nmax' ? (random() < 0.5 ? pick(random, DIMENSIONS) : numberish(random))
      : ['samples', 'shift', 'seed', ...SPECTRUM_PARAMS].includes(name) ? numberish(random)
      : name === 'statistic' ? pick(random, ['pmin', 'index', ...WORDS])
      : pick(random, WORDS);
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (random() < 0.05) parts.push(parts.at(-1)!); // a repeated parameter
  }
  // Mostly small runs, so a case costs seconds, not minutes.
  if (!parts.some((p) => p.startsWith('samples=')) && random() < 0.8) parts.push('samples=1000');
  return `?${parts.join('&')}`;
}

const status = (page: Page) => page.locator('#status').textContent();

describe.skipIf(!canRun)('page fuzz', () => {
  let server: StaticServer;
  beforeAll(async () => {
    if (!browserAvailable()) throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');
    server = await buildAndServe();
  });
  afterAll(async () => server?.close());

  it(`never throws on seeded URLs and seed text (seed ${FUZZ_SEED}, ${SECONDS} s), and still runs`, { timeout: (SECONDS + 240) * 1000 }, async () => {
    const random = seeded(FUZZ_SEED + 2);
    const browser = await launchChromium(true);
    const problems: string[] = [];
    let urls = 0;
    let typed = 0;
    const deadline = performance.now() + SECONDS * 1000;
    try {
      while (performance.now() < deadline) {
        const search = query(random);
        const page = await browser.newPage();
        page.on('pageerror', (error) => problems.push(`${search}: page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${search}: console error: ${message.text()}`);
        });
        try {
          await page.goto(`${server.url}${search}`);
          urls++;
          await expect.poll(() => status(page), { timeout: 60_000 }).not.toMatch(/^(Starting…)?$/);
          // Every ignored parameter is named in the status line, with its value.
          const shown = (await status(page)) ?? '';
          const parsed = parseSettings(search);
          for (const ignored of [...parsed.problems, ...parseSpectrumSettings(search, parsed.settings.ensemble).problems]) {
            if (!shown.includes(ignored)) problems.push(`${search}: status does not say "${ignored}": ${shown}`);
          }
          // Type a few seeds, as a person editing the field would.
          for (let i = 0; i < 3; i++) {
            await page.fill('#seed', numberish(random));
            typed++;
          }
          // Still runs: Run starts work, Stop ends it, and the status says what happened.
          await page.click('#run');
          await page.waitForTimeout(400);
          await page.click('#stop');
          await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/Done|Stopped|Exact values|No exact value|Estimating|Sampling|stopped|kept/);
          const text = (await status(page)) ?? '';
          if (/Run failed|Sweep failed/.test(text)) problems.push(`${search}: ${text}`);
        } catch (error) {
          problems.push(`${search}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    console.log(`page fuzz, seed ${FUZZ_SEED}: ${urls} URLs, ${typed} seeds typed; ${problems.length} problems`);
    expect(problems).toEqual([]);
  });
});
