// Requests come from the engine, which validates user input; these checks catch engine bugs
// before they turn into wrapped u32 counters or reused random numbers.

import { N_MIN } from '../config.ts';
import { findEnsemble } from '../ensembles/registry.ts';
import type { BatchRequest } from '../sampler.ts';

export function checkRequest(request: BatchRequest, maxBatch: number): void {
  const { ensemble, n, count, firstIndex, seed, shift } = request;
  const fail = (field: string, value: unknown, rule: string): never => {
    throw new RangeError(`invalid request ${field}: ${String(value)} (${rule})`);
  };
  const entry = findEnsemble(ensemble);
  if (!entry) return fail('ensemble', ensemble, 'unknown ensemble');
  if (!Number.isInteger(n) || n < N_MIN || n > entry.nMax) fail('n', n, `must be an integer in [${N_MIN}, ${entry.nMax}]`);
  for (const p of entry.parameters) {
    if (!Number.isFinite(request.params[p.name])) fail(p.name, request.params[p.name], `${ensemble} needs a finite ${p.name}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > maxBatch) fail('count', count, `must be an integer in [0, ${maxBatch}]`);
  if (!Number.isSafeInteger(firstIndex) || firstIndex < 0 || !Number.isSafeInteger(firstIndex + count)) {
    fail('firstIndex', firstIndex, 'must be a non-negative safe integer');
  }
  if (!Number.isSafeInteger(seed) || seed < 0) fail('seed', seed, 'must be a non-negative safe integer');
  if (!Number.isFinite(shift)) fail('shift', shift, 'must be finite');
}
