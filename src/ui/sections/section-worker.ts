// The part of a page section's worker that does not depend on the section: choosing the
// descent backend (the GPU one, opened once and kept, unless the CPU was asked for, the job is
// small under "auto", or this browser has no WebGPU) and the message loop (a run gets a fresh
// abort signal, "stop" aborts it, a thrown run comes back as an error message).

import { createCpuDescentBackend } from '../../cpu/cpu-descent.ts';
import { openGpuContext, type GpuContext } from '../../gpu/gpu-context.ts';
import type { DescentBackend } from '../../landscape/descent.ts';
import type { BackendMessage, ErrorMessage, PageBackend, StopMessage } from './section-protocol.ts';

type Post = (message: BackendMessage) => void;

export interface BackendChoice {
  asked: PageBackend;
  /** The job's cost in the section's own unit; at most autoCpuCost runs on the CPU under "auto". */
  cost: number;
  autoCpuCost: number;
}

/** A chooser that opens the section's GPU backend on first use and posts which backend each run gets. */
export function descentBackendChooser(onContext: (context: GpuContext) => DescentBackend, post: Post): (choice: BackendChoice) => Promise<DescentBackend> {
  let gpuBackend: DescentBackend | undefined;
  return async ({ asked, cost, autoCpuCost }) => {
    let reason = 'asked for the CPU';
    if (asked === 'auto' && cost <= autoCpuCost) reason = 'small job: the CPU twin is quicker than compiling for the GPU';
    else if (asked !== 'cpu') {
      const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu;
      if (!gpu) reason = 'no WebGPU in this browser';
      else {
        try {
          gpuBackend ??= onContext(await openGpuContext(gpu));
          post({ type: 'backend', kind: 'gpu', description: gpuBackend.description, reason: '' });
          return gpuBackend;
        } catch (error) {
          reason = `no WebGPU device (${error instanceof Error ? error.message : String(error)})`;
        }
      }
    }
    post({ type: 'backend', kind: 'cpu', description: 'CPU float64', reason });
    return createCpuDescentBackend();
  };
}

/** Serves the worker's messages: each run message starts `run` with its own signal. */
export function serveSectionRuns<Run extends { type: string }>(run: (message: Run, signal: AbortSignal) => Promise<void>, post: (message: ErrorMessage) => void): void {
  let controller: AbortController | undefined;
  self.addEventListener('message', (event: MessageEvent<Run | StopMessage>) => {
    const message = event.data;
    if (message.type === 'stop') {
      controller?.abort();
      return;
    }
    controller = new AbortController();
    run(message as Run, controller.signal).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  });
}
