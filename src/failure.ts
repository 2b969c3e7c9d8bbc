// Why a run did not finish, as a value with a kind (STYLE item 11). A failure is never a string
// that may be empty: Dawn rejects with an empty message when its device is destroyed, and an
// empty string read as "no failure" turned a lost GPU into exit 0. Imports nothing, so the
// samplers, the engine, the page and the CLI all share it.

export type Failure =
  /** The GPU device went away under the run (driver reset, device.destroy(), a lost adapter). */
  | { kind: 'device-lost'; reason: string }
  /** A sampler call failed while its device lived (validation, out of memory, a worker crash). */
  | { kind: 'sampler-error'; reason: string }
  /** The rare-event estimator or another CPU computation threw. */
  | { kind: 'compute-error'; reason: string };

export type FailureKind = Failure['kind'];

/** What a sampler's `lost` promise resolves with: a lost device, or its owner's destroy(). */
export type SamplerEnd = { kind: 'device-lost'; reason: string } | { kind: 'closed' };

const NO_REASON = 'no reason given';

/** A reason that is never empty: the message, else the error's name, else a fixed phrase. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.trim() || (error.name && error.name !== 'Error' ? error.name : '') || NO_REASON;
  const text = String(error ?? '').trim();
  return text || NO_REASON;
}

export function failure(kind: FailureKind, error: unknown): Failure {
  return { kind, reason: reasonOf(error) };
}

const LABEL: Record<FailureKind, string> = {
  'device-lost': 'GPU device lost',
  'sampler-error': 'sampler failed',
  'compute-error': 'computation failed',
};

/** One line for a person: "GPU device lost: destroyed". */
export function describeFailure(f: Failure): string {
  return `${LABEL[f.kind]}: ${f.reason || NO_REASON}`;
}
