// Long CPU work on one thread — the CPU sampler's rounds, the rare estimator's recursion, the
// float64 recheck on the page's main thread — must let timers, signal handlers and Stop
// buttons run; a chain of already-resolved promises never leaves the microtask queue, so
// SIGTERM or a click would wait for the whole computation. `cooperative(sliceMs)` returns a
// function to await between units of work: it gives the event loop one macrotask whenever
// sliceMs have passed since it last did, and otherwise returns at once. Imports nothing.

const now = (): number => performance.now();

/** Resolves with true when it yielded (a moment to report progress), false otherwise. */
export type Cooperate = () => Promise<boolean>;

export function cooperative(sliceMs: number): Cooperate {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    sliceStart = now();
    return true;
  };
}
