// The CLI's exit codes and how a run that did not finish maps onto them: a run that did not
// finish never exits 0 (STYLE item 11).

import { describeFailure, type Failure } from '../failure.ts';
import { signalExitCode } from './signals.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, noGpu: 3, interrupted: 130 } as const;

/** Why a command ended early: stopped (by a signal) or failed. Partial results are still written. */
export type Incomplete = { kind: 'stopped'; detail: string } | Failure;

export function describeIncomplete(incomplete: Incomplete): string {
  return incomplete.kind === 'stopped' ? incomplete.detail : describeFailure(incomplete);
}

/** 128 + the signal's number for a stop, 1 for a failure. */
export function exitCodeOf(incomplete: Incomplete, signal: AbortSignal): number {
  return incomplete.kind === 'stopped' ? signalExitCode(signal.reason) : EXIT.failed;
}
