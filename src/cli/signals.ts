// The signals that end a CLI run: Ctrl-C (SIGINT), `timeout`/`kill`/CI cancellation/container
// stops (SIGTERM), a closed terminal (SIGHUP). The first stops the run like the page's Stop
// button, so partial results are written; the exit code then says which signal it was
// (128 + its number, the shell's convention). A second signal exits at once.

export const STOP_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP; 130 for a stop with no signal named. */
export function signalExitCode(reason: unknown): number {
  const number = typeof reason === 'string' && reason in STOP_SIGNALS ? STOP_SIGNALS[reason as StopSignal] : STOP_SIGNALS.SIGINT;
  return 128 + number;
}

/**
 * Aborts `controller` with the signal's name on the first stop signal; on a second one calls
 * `onForce(code)` (which exits). Returns a function that removes the handlers.
 */
export function stopOnSignals(controller: AbortController, onForce: (code: number) => void): () => void {
  const handlers = Object.keys(STOP_SIGNALS).map((name) => {
    const handler = () => {
      if (controller.signal.aborted) onForce(signalExitCode(name));
      else controller.abort(name);
    };
    process.on(name as StopSignal, handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}
