// The submission loop every GPU descent backend shares. A job advances in chunks of steps, one
// submission each; between chunks only the per-run status (16 bytes a run) is read back, to
// count finished runs and report progress, until every run has left DESCENDING or the signal
// stops the job. The chunk length adapts so a submission takes about targetSubmitS: a long one
// would freeze a page and trip browser watchdogs, a short one wastes time on readbacks. Each
// run counts its own steps on the device, so the chunking does not change any result.

import type { DescentControl, DescentResult } from '../landscape/descent.ts';
import type { GpuContext } from './gpu-context.ts';
import { PHASE } from '../landscape/descent.ts';
import { readBuffer } from './read-buffer.ts';
import { decodeRunStatus } from './run-status.ts';

/** Seconds a submission aims at: a page stays responsive and readbacks stay a small share. */
export const DEFAULT_TARGET_SUBMIT_S = 0.2;
/** Steps in the first chunk, before the length adapts. */
const FIRST_CHUNK_STEPS = 8;
/** How much one chunk's length may change the next one's, at most, either way. */
const MAX_CHUNK_SCALE = 4;

export interface ChunkLoop {
  device: GPUDevice;
  runs: number;
  /** The RunStatus buffer the kernels write (descent-layout.ts), runs × RUN_STATUS_BYTE_LENGTH bytes. */
  status: GPUBuffer;
  statusBytes: number;
  /** Label prefix of the readbacks, and the start of the error thrown on a validation failure. */
  label: string;
  failure: string;
  /** Records the commands (and writes the uniforms) of one chunk of `steps` steps. */
  encodeChunk(steps: number): GPUCommandBuffer;
  /** A fixed chunk length (tests: results must not depend on it); adaptive when absent. */
  fixedSteps: number | undefined;
  targetSubmitS: number;
  maxChunkSteps: number;
  /** Steps to encode in all, at most, where the kernels have no way to end on their own. */
  stepLimit?: number;
}

export interface ChunkLoopEnd {
  stopped: boolean;
  /** The last status read back (all zeros when no chunk ran). */
  statusWords: Uint32Array;
}

export async function runChunks(loop: ChunkLoop, control: DescentControl): Promise<ChunkLoopEnd> {
  const { device, runs } = loop;
  const stepLimit = loop.stepLimit ?? Infinity;
  let chunkSteps = loop.fixedSteps ?? FIRST_CHUNK_STEPS;
  let encodedSteps = 0;
  let statusWords = new Uint32Array(runs * 4);
  while (encodedSteps < stepLimit) {
    if (control.signal?.aborted) return { stopped: true, statusWords };
    const steps = Math.min(chunkSteps, stepLimit - encodedSteps);
    const submitted = performance.now();
    device.pushErrorScope('validation');
    device.queue.submit([loop.encodeChunk(steps)]);
    const invalid = await device.popErrorScope();
    if (invalid) throw new Error(`${loop.failure}: ${invalid.message}`);
    encodedSteps += steps;
    statusWords = new Uint32Array(await readBuffer(device, loop.status, loop.statusBytes, `${loop.label} status readback`));
    const elapsedS = (performance.now() - submitted) / 1000;
    let runsDone = 0;
    let stepsDone = 0;
    for (let run = 0; run < runs; run++) {
      stepsDone += statusWords[4 * run];
      if (statusWords[4 * run + 1] !== PHASE.descending) runsDone++;
    }
    control.onChunk?.({ runs, runsDone, stepsDone });
    if (runsDone === runs) break;
    if (loop.fixedSteps === undefined && elapsedS > 0) {
      const scale = Math.min(MAX_CHUNK_SCALE, Math.max(1 / MAX_CHUNK_SCALE, loop.targetSubmitS / elapsedS));
      chunkSteps = Math.min(loop.maxChunkSteps, Math.max(1, Math.round(chunkSteps * scale)));
    }
  }
  return { stopped: false, statusWords };
}

export interface DescentBuffers {
  positions: GPUBuffer;
  positionBytes: number;
  records: GPUBuffer;
  recordBytes: number;
}

/** Reads back final positions and loss records and assembles the result of a finished or stopped job. */
export async function collectDescent(
  device: GPUDevice,
  label: string,
  buffers: DescentBuffers,
  job: { runs: number; dimension: number; recordCapacity: number },
  end: ChunkLoopEnd,
  timings: { started: number; compileS: number },
): Promise<DescentResult> {
  const { runs, dimension, recordCapacity } = job;
  const finalPositions = new Float32Array(await readBuffer(device, buffers.positions, buffers.positionBytes, `${label} positions readback`));
  const finalRecords = recordCapacity > 0 ? new Float32Array(await readBuffer(device, buffers.records, buffers.recordBytes, `${label} records readback`)) : new Float32Array(0);
  const { steps, phase, loss, gradientNorm } = decodeRunStatus(end.statusWords, runs);
  return {
    runs, dimension, positions: Float64Array.from(finalPositions), steps, phase, loss, gradientNorm,
    records: finalRecords.subarray(0, runs * recordCapacity), recordCapacity, stopped: end.stopped,
    descentS: (performance.now() - timings.started) / 1000, compileS: timings.compileS,
  };
}

/** The descent contract reports a lost device as its reason; a closed context never ends a run. */
export function descentLost(context: GpuContext): Promise<string> {
  return context.lost.then((end) => (end.kind === 'device-lost' ? end.reason : new Promise<string>(() => undefined)));
}
