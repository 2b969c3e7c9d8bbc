// Measures the built page in headless Chromium (not a test: numbers to report).
//   npx vite build && npx tsx scripts/measure-page.ts [--cpu] [--query '?nmax=8'] [--runs 3]
// Prints one JSON line per run: load → first plotted point (ms from navigation start), when the
// sweep finished, and the main thread's long tasks (PerformanceObserver 'longtask', > 50 ms)
// from navigation to the end of the sweep. Goals: first point ≤ 1500 ms, no task over 50 ms.
// --cpu launches Chromium without the WebGPU flags, so the page runs its CPU fallback.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/browser.ts';
import { serveDirectory } from '../tests/e2e/static-server.ts';

const { values } = parseArgs({
  options: { cpu: { type: 'boolean', default: false }, query: { type: 'string', default: '' }, runs: { type: 'string', default: '3' } },
});

/** Runs in the page before its own scripts: records long tasks and the first plotted point. */
function instrument(): void {
  const record = window as unknown as { longTasks: { start: number; duration: number }[]; firstPointMs?: number };
  record.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_changes, observer) => {
    if (document.querySelector('#plot-pmin .point')) {
      record.firstPointMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

const server = await serveDirectory(resolve(import.meta.dirname, '../dist'));
const browser = await launchChromium(!values.cpu);
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(instrument);
    await page.goto(server.url + values.query);
    await page.waitForFunction(() => /^(Done|Sweep failed|Run failed)/.test(document.querySelector('#status')?.textContent ?? ''), null, {
      timeout: 300_000,
      polling: 100,
    });
    const result = await page.evaluate(() => {
      const record = window as unknown as { longTasks: { start: number; duration: number }[]; firstPointMs?: number };
      const tasks = record.longTasks;
      return {
        firstPointMs: Math.round(record.firstPointMs ?? NaN),
        doneMs: Math.round(performance.now()),
        longTasks: tasks.length,
        longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        longestAfterFirstPointMs: Math.round(Math.max(0, ...tasks.filter((t) => t.start >= (record.firstPointMs ?? 0)).map((t) => t.duration))),
        tasks: tasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`),
        backendReadyMs: Math.round(performance.getEntriesByName('saddle:backend-ready')[0]?.startTime ?? NaN),
        firstProgressMs: Math.round(performance.getEntriesByName('saddle:progress')[0]?.startTime ?? NaN),
        backend: document.querySelector('#backend')?.textContent,
        progress: document.querySelector('#progress-text')?.textContent,
      };
    });
    console.log(JSON.stringify({ run, query: values.query, ...result }));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
