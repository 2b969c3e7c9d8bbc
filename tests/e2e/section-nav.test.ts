// The page's section navigation in real Chromium, once every section has mounted (the Landscape
// and Width sections load after the Hessians section, into empty hosts): the links come in the
// order the sections stand on the page, and each link brings its section to the top of the
// viewport (or, for the last ones, into view with the page scrolled to its end) without touching
// the query string that holds every section's state. REQUIRE_BROWSER=1 turns a missing browser
// into a failure.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, usePageSession } from './page-session.ts';

/** One key of each section's URL state, small enough that the Hessians sweep ends at once. */
const QUERY = '?nmin=1&nmax=2&samples=1000&seed=1&specn=8&l.p=2&l.n=16&w.kmin=6&w.kmax=6';

interface Placement {
  href: string;
  /** The target's top edge in page coordinates (px from the top of the document). */
  pageTop: number;
}

/** Each nav link's target and where it stands on the page. */
function placements(): Placement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('nav.sections a')].map((a) => {
    const href = a.getAttribute('href')!;
    const target = document.getElementById(href.slice(1));
    if (!target) throw new Error(`nav link ${href} has no target`);
    return { href, pageTop: target.getBoundingClientRect().top + scrollY };
  });
}

/** Where `id` is relative to the viewport after a click: its top edge, and whether the page can scroll further. */
function viewportPlace(id: string): { top: number; bottom: number; atEnd: boolean } {
  const box = document.getElementById(id)!.getBoundingClientRect();
  const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
  return { top: box.top, bottom: box.bottom, atEnd };
}

describe.skipIf(!canRunBrowser)('the section navigation in Chromium', () => {
  const session = usePageSession();
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${session.server.url}${QUERY}`);
    // Both lazily mounted sections are in place once their Run buttons exist.
    await page.locator('#l-run').waitFor({ timeout: 60_000 });
    await page.locator('#w-run').waitFor({ timeout: 60_000 });
    // The Hessians sweep finished, so no plot grows under the links while they are clicked.
    await page.waitForFunction(() => /^Done/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 120_000 });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('lists the sections in the order they stand on the page, top to bottom', async () => {
    const places = await page.evaluate(placements);
    expect(places.map((p) => p.href)).toEqual(['#hessians', '#spectra-heading', '#landscape-section', '#width-section', '#sources']);
    const byPosition = [...places].sort((a, b) => a.pageTop - b.pageTop).map((p) => p.href);
    expect(places.map((p) => p.href)).toEqual(byPosition);
    // Strictly below one another: a section that has not mounted would share its neighbour's top.
    for (let i = 1; i < places.length; i++) expect(places[i]!.pageTop, places[i]!.href).toBeGreaterThan(places[i - 1]!.pageTop);
  });

  it('scrolls to each section from its link and keeps every section’s URL state', async () => {
    const search = await page.evaluate(() => location.search);
    expect(search).toContain('l.p=2');
    expect(search).toContain('w.kmin=6');
    const hrefs = (await page.evaluate(placements)).map((p) => p.href);
    for (const href of hrefs) {
      await page.evaluate(() => scrollTo(0, 0));
      await page.click(`nav.sections a[href="${href}"]`);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      const place = await page.evaluate(viewportPlace, href.slice(1));
      // At the top of the viewport, or (near the end of the page) visible with nothing left to scroll.
      if (!place.atEnd || href === '#hessians') expect(Math.abs(place.top), href).toBeLessThanOrEqual(2);
      else expect(place.top, href).toBeGreaterThanOrEqual(-2);
      expect(place.top, href).toBeLessThan(800);
      expect(await page.evaluate(() => location.search)).toBe(search);
    }
  });
});
