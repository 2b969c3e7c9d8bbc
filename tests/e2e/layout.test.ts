// The page on a phone-sized viewport (390×844 CSS px, an iPhone 12–15) in real Chromium, after a
// small run in every section: nothing sticks out to the right (the document never scrolls
// sideways, and no element of any section extends past the viewport unless it sits in a
// container that scrolls on its own), and every visible control passes Playwright's
// actionability checks (visible, stable, enabled, not covered) once scrolled to, and no plot
// is hidden under another element (a sticky settings panel) when scrolled to the middle of the
// screen.
// LAYOUT_SCREENSHOTS=dir also writes one PNG per section there, to look at.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, usePageSession } from './page-session.ts';
import { legendCovers } from './plot-geometry.ts';
const WIDTH = 390;
const HEIGHT = 844;

/** Every section of the page, by a selector for its outermost element. */
const SECTIONS: Record<string, string> = {
  title: 'header.intro',
  hessians: '#hessians',
  spectra: 'section:has(> #spectra-heading)',
  landscape: '#landscape-section',
  width: '#width-section',
  sources: '#sources',
};

/** Small runs: the Hessians sweep starts by itself, the other three by their buttons. */
const QUERY = [
  'nmin=1&nmax=6&samples=1000&seed=1',
  'specn=8&specm=60&edgesamples=100',
  'l.p=3&l.n=16&l.runs=8&l.disorders=1&l.backend=cpu',
  'w.kmin=6&w.kmax=6&w.widths=1,1.5&w.runs=8&w.backend=cpu',
].join('&');

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/**
 * Elements under `root` whose box reaches past the viewport's right edge (or left of 0), leaving
 * out those inside an ancestor that clips or scrolls horizontally: "tag#id.class right=…".
 */
function overflowing({ root, width }: { root: string; width: number }): string[] {
  const clips = (element: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
  const out: string[] = [];
  for (const element of document.querySelectorAll(`${root}, ${root} *`)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= width + 0.5 && box.left >= -0.5) continue;
    let clipped = false;
    for (let up = element.parentElement; up && !clipped; up = up.parentElement) clipped = clips(up);
    if (clipped) continue;
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    out.push(`${name} left=${Math.round(box.left)} right=${Math.round(box.right)}`);
  }
  return out;
}

/**
 * Each visible figure under `root`, scrolled to the centre of the viewport: what is drawn at
 * its centre, "" when the figure itself (or its content) is on top.
 */
function coveredFigures({ root }: { root: string }): string[] {
  const out: string[] = [];
  for (const figure of document.querySelectorAll<HTMLElement>(`${root} figure`)) {
    if (!figure.offsetParent) continue;
    figure.scrollIntoView({ block: 'center' });
    const box = figure.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, Math.min(box.top + box.height / 2, innerHeight - 1));
    if (top && figure.contains(top)) continue;
    const figureName = figure.querySelector('[id]')?.id ?? figure.className;
    out.push(`${figureName} under ${top?.closest('[id]')?.id ?? top?.tagName ?? 'nothing'}`);
  }
  return out;
}

describe.skipIf(!canRunBrowser)('the page at 390 px wide', () => {
  const session = usePageSession();
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('runs a small job in every section first', async () => {
    await page.goto(`${session.server.url}?${QUERY}`);
    await expect.poll(() => text(page, '#status'), { timeout: 120_000 }).toMatch(/^Done/);
    await page.click('#run-spectrum');
    await expect.poll(() => text(page, '#status'), { timeout: 300_000 }).toMatch(/^Done: spectrum/);
    await page.click('#l-run');
    await expect.poll(() => text(page, '#l-status'), { timeout: 300_000 }).toMatch(/^Done/);
    await page.click('#w-run');
    await expect.poll(() => text(page, '#w-status'), { timeout: 300_000 }).toMatch(/^Done/);
  });

  it('keeps the P(min) legend off the data (below the axes)', async () => {
    expect(await page.evaluate(legendCovers, { host: '#plot-pmin' })).toEqual([]);
  });

  it('never scrolls sideways', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  });

  it('puts each width checkbox right beside its text, not across the panel', async () => {
    const widths = await page.locator('#w-controls .widths label').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(1);
    for (const width of widths) expect(width).toBeLessThan(120);
  });

  for (const [name, selector] of Object.entries(SECTIONS)) {
    it(`keeps every element of the ${name} section inside the viewport and its plots uncovered`, async () => {
      expect(await page.locator(selector).count()).toBe(1);
      expect(await page.evaluate(overflowing, { root: selector, width: WIDTH })).toEqual([]);
      expect(await page.evaluate(coveredFigures, { root: selector })).toEqual([]);
      const shots = process.env['LAYOUT_SCREENSHOTS'];
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.locator(selector).screenshot({ path: join(shots, `${name}.png`) });
      }
    });

    it(`lets every visible control of the ${name} section be reached and clicked`, async () => {
      const controls = page.locator(`${selector} :is(input, select, button, textarea, a[href], summary)`);
      const unreachable: string[] = [];
      let checked = 0;
      for (const control of await controls.all()) {
        if (!(await control.isVisible()) || (await control.isDisabled())) continue;
        checked += 1;
        try {
          await control.click({ trial: true, timeout: 5_000 });
          const box = (await control.boundingBox())!;
          if (box.x < -0.5 || box.x + box.width > WIDTH + 0.5) throw new Error(`x = ${box.x}..${box.x + box.width}`);
        } catch (error) {
          const id = (await control.getAttribute('id')) ?? (await control.textContent())?.slice(0, 30);
          unreachable.push(`${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      expect(unreachable).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    });
  }
});
