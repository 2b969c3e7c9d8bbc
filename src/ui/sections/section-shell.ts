// The shell every worker-backed page section shares: its template mounted into the host, a
// status line, the backend badge, the progress bar, the section's worker (created on the first
// run, one run at a time) and Stop, which asks the worker to end the run and keep what it has.
// Element ids carry the section's prefix: `${prefix}-status`, `${prefix}-backend-badge`,
// `${prefix}-progress`, `${prefix}-progress-text`, `${prefix}-stop`, `${prefix}-controls`.

import { downloadText } from '../download.ts';
import type { BackendMessage, ErrorMessage, StopMessage } from './section-protocol.ts';

/** The status line, backend badge and progress bar the shell drives, for the section's template. */
export function runStateMarkup(prefix: string, sectionName: string): string {
  return `<div class="run-state">
      <span id="${prefix}-backend-badge" class="badge">idle</span>
      <div class="progress-line"><progress id="${prefix}-progress" max="1" value="0" aria-label="${sectionName} progress"></progress>
        <span id="${prefix}-progress-text" class="progress-text">idle</span></div>
      <p id="${prefix}-status" class="status" role="status" aria-live="polite"></p>
    </div>`;
}

export interface SectionSpec<From extends { type: string }> {
  /** Class of the host element, and the id of the heading that labels it. */
  className: string;
  titleId: string;
  template: string;
  prefix: string;
  /** `new Worker(new URL('./x-worker.ts', import.meta.url), …)`, written in the section so that Vite bundles the worker. */
  createWorker(): Worker;
  /** Message types that end a run (besides "error"). */
  endTypes: ReadonlyArray<From['type']>;
  /** The section's own messages; "backend" and "error" are the shell's. */
  onMessage(message: Exclude<From, BackendMessage | ErrorMessage>): void;
}

export interface SectionShell<To> {
  /** The element of the section with this id. */
  $<T extends HTMLElement>(id: string): T;
  status(text: string, error?: boolean): void;
  progress(done: number, total: number, text: string): void;
  /** Posts a run to the worker with a status line; ignored while a run is in progress. */
  start(message: To, statusText: string): boolean;
  /** A download button: saves `file()` as CSV when clicked. */
  onDownload(buttonId: string, file: () => { name: string; text: string }): void;
}

export function mountSectionShell<To extends { type: string }, From extends { type: string }>(
  doc: Document,
  host: HTMLElement,
  spec: SectionSpec<From>,
): SectionShell<Exclude<To, StopMessage>> {
  host.classList.add(spec.className);
  host.setAttribute('aria-labelledby', spec.titleId);
  host.innerHTML = spec.template;
  const id = (name: string) => `${spec.prefix}-${name}`;
  const $ = <T extends HTMLElement>(elementId: string) => host.querySelector<T>(`#${elementId}`)!;
  let worker: Worker | undefined;
  let running = false;

  const status = (text: string, error = false) => {
    $(id('status')).textContent = text;
    $(id('status')).classList.toggle('error', error);
  };

  function onMessage(message: From): void {
    if (message.type === 'backend') {
      const backend = message as unknown as BackendMessage;
      const badge = $(id('backend-badge'));
      badge.textContent = backend.kind === 'gpu' ? `WebGPU: ${backend.description}` : `CPU fallback (${backend.reason})`;
      badge.classList.toggle('fallback', backend.kind === 'cpu');
    } else if (message.type === 'error') {
      running = false;
      status(`Failed: ${(message as unknown as ErrorMessage).message}`, true);
    } else {
      if (spec.endTypes.includes(message.type)) running = false;
      spec.onMessage(message as Exclude<From, BackendMessage | ErrorMessage>);
    }
  }

  $(id('controls')).addEventListener('submit', (event) => event.preventDefault());
  $(id('stop')).addEventListener('click', () => worker?.postMessage({ type: 'stop' } satisfies StopMessage));

  return {
    $,
    status,
    progress(done, total, text) {
      const bar = $<HTMLProgressElement>(id('progress'));
      bar.max = Math.max(1, total);
      bar.value = done;
      $(id('progress-text')).textContent = text;
    },
    start(message, statusText) {
      if (running) return false;
      worker ??= spec.createWorker();
      worker.onmessage = (event: MessageEvent<From>) => onMessage(event.data);
      running = true;
      status(statusText);
      worker.postMessage(message);
      return true;
    },
    onDownload(buttonId, file) {
      $(buttonId).addEventListener('click', () => {
        const { name, text } = file();
        downloadText(doc, name, text, 'text/csv');
      });
    },
  };
}
