// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountSectionShell, runStateMarkup } from '../../../src/ui/sections/section-shell.ts';

type To = { type: 'go'; size: number } | { type: 'stop' };
type From =
  | { type: 'backend'; kind: 'gpu' | 'cpu'; description: string; reason: string }
  | { type: 'tick'; n: number }
  | { type: 'finished' }
  | { type: 'error'; message: string };

const TEMPLATE = `<h2 id="t-title">T</h2><form id="t-controls"><button id="t-stop" type="button">Stop</button></form>${runStateMarkup('t', 'Test')}`;

/** A worker that records what it is sent and lets the test answer. */
class RecordingWorker {
  sent: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  reply(data: From) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function mount() {
  const host = document.createElement('section');
  const workers: RecordingWorker[] = [];
  const seen: From[] = [];
  const shell = mountSectionShell<To, From>(document, host, {
    className: 't-section', titleId: 't-title', template: TEMPLATE, prefix: 't',
    createWorker: () => {
      workers.push(new RecordingWorker());
      return workers.at(-1) as unknown as Worker;
    },
    endTypes: ['finished'],
    onMessage: (message) => void seen.push(message),
  });
  const text = (id: string) => host.querySelector(`#${id}`)!.textContent;
  return { host, shell, workers, seen, text };
}

describe('the shell every worker-backed page section shares', () => {
  it('mounts the template into the host, labelled by its title', () => {
    const { host } = mount();
    expect(host.classList.contains('t-section')).toBe(true);
    expect(host.getAttribute('aria-labelledby')).toBe('t-title');
    expect(host.querySelector('#t-progress')!.getAttribute('aria-label')).toBe('Test progress');
  });

  it('creates the worker on the first run, posts the run, and ignores a second start until an end message', () => {
    const { shell, workers, text } = mount();
    expect(workers).toHaveLength(0);
    expect(shell.start({ type: 'go', size: 1 }, 'Going…')).toBe(true);
    expect(text('t-status')).toBe('Going…');
    expect(shell.start({ type: 'go', size: 2 }, 'Again')).toBe(false);
    expect(workers[0]!.sent).toEqual([{ type: 'go', size: 1 }]);
    workers[0]!.reply({ type: 'tick', n: 1 });
    expect(shell.start({ type: 'go', size: 3 }, 'Again')).toBe(false);
    workers[0]!.reply({ type: 'finished' });
    expect(shell.start({ type: 'go', size: 4 }, 'Again')).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent).toEqual([{ type: 'go', size: 1 }, { type: 'go', size: 4 }]);
  });

  it('shows the backend in the badge and an error in the status line, and passes only the section’s own messages on', () => {
    const { shell, workers, seen, host, text } = mount();
    shell.start({ type: 'go', size: 1 }, 'Going…');
    workers[0]!.reply({ type: 'backend', kind: 'cpu', description: 'CPU float64', reason: 'no WebGPU in this browser' });
    expect(text('t-backend-badge')).toBe('CPU fallback (no WebGPU in this browser)');
    expect(host.querySelector('#t-backend-badge')!.classList.contains('fallback')).toBe(true);
    workers[0]!.reply({ type: 'backend', kind: 'gpu', description: 'swiftshader', reason: '' });
    expect(text('t-backend-badge')).toBe('WebGPU: swiftshader');
    workers[0]!.reply({ type: 'tick', n: 2 });
    workers[0]!.reply({ type: 'error', message: 'boom' });
    expect(text('t-status')).toBe('Failed: boom');
    expect(host.querySelector('#t-status')!.classList.contains('error')).toBe(true);
    expect(seen).toEqual([{ type: 'tick', n: 2 }]);
    expect(shell.start({ type: 'go', size: 1 }, 'Going…')).toBe(true);
  });

  it('sends stop to the worker only once one exists, and sets the progress bar', () => {
    const { shell, workers, host, text } = mount();
    host.querySelector<HTMLButtonElement>('#t-stop')!.click();
    shell.start({ type: 'go', size: 1 }, 'Going…');
    host.querySelector<HTMLButtonElement>('#t-stop')!.click();
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    shell.progress(3, 0, '3 of ?');
    const bar = host.querySelector<HTMLProgressElement>('#t-progress')!;
    expect([bar.max, bar.value, text('t-progress-text')]).toEqual([1, 1, '3 of ?']);
  });
});
