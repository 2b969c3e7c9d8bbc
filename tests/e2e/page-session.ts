// The set-up the browser tests share: one built page served on a free port and one headless
// Chromium with WebGPU on SwiftShader for a describe block, opened in beforeAll and closed in
// afterAll; a download read back as text. Under REQUIRE_BROWSER=1 a missing browser fails.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserAvailable, browserRequired, launchChromium } from './browser.ts';
import { buildAndServe, readText } from './page-fixture.ts';
import type { StaticServer } from './static-server.ts';

/** Whether the browser tests run: Chromium is here, or it must be (then its absence fails). */
export const canRunBrowser = browserAvailable() || browserRequired();

export interface PageSession {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Call inside a describe block; the session's fields are set once its beforeAll has run. */
export function usePageSession(): PageSession {
  const session: { server?: StaticServer; browser?: Browser } = {};
  beforeAll(async () => {
    if (!browserAvailable()) throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');
    session.server = await buildAndServe();
    session.browser = await launchChromium(true);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return {
    get server() {
      return session.server!;
    },
    get browser() {
      return session.browser!;
    },
  };
}

/** Clicks `button` and returns the text of the file it downloads. */
export async function downloadText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readText((await download.path())!);
}
