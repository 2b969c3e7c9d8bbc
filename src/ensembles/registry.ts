// The ensemble registry: one entry per Hessian law (src/model/ensemble.ts says what an entry
// declares). Config, the CLI, the page, the engine and both samplers look ensembles up here and
// read their fields; none of them branches on an id. Adding an ensemble is one entry file plus
// its fills, listed in BUILT_IN below (tests/ensembles/registry.test.ts registers a test-only
// entry and runs it through both samplers and the sweep with nothing else changed).

import type { EnsembleEntry, ParameterSpec } from '../model/ensemble.ts';
import { STREAM_CODE_MAX } from '../model/stream.ts';
import { gaussNewtonResidual } from './gauss-newton-residual.ts';
import { goe } from './goe.ts';
import { goeTridiagonal } from './goe-tridiagonal.ts';
import { wignerRademacher } from './wigner-rademacher.ts';
import { wignerT } from './wigner-t.ts';
import { wignerUniform } from './wigner-uniform.ts';
import { wishart } from './wishart.ts';

const BUILT_IN: readonly EnsembleEntry[] = [goe, goeTridiagonal, wignerRademacher, wignerUniform, wignerT, wishart, gaussNewtonResidual];

/** Names a parameter may not take: they are already run settings, CLI flags or URL keys. */
const RESERVED_NAMES = new Set([
  'ensemble', 'n', 'nmin', 'nmax', 'samples', 'shift', 'seed', 'method', 'backend', 'out', 'hist', 'replicates', 'help',
]);
const IDENTIFIER = /^[a-z][a-z0-9]*$/;
const WGSL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const entries = new Map<string, EnsembleEntry>();

/** Why an entry cannot join the registry, or undefined when it can. */
function entryProblem(entry: EnsembleEntry): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(entry.id)) return `id ${JSON.stringify(entry.id)} must be lowercase letters, digits and dashes`;
  if (entries.has(entry.id)) return `id ${entry.id} is already registered`;
  const { streamCode } = entry;
  if (!Number.isInteger(streamCode) || streamCode < 1 || streamCode > STREAM_CODE_MAX) return `streamCode ${streamCode} must be in [1, ${STREAM_CODE_MAX}]`;
  const sharing = [...entries.values()].find((e) => e.streamCode === streamCode);
  if (sharing) return `streamCode ${streamCode} is already ${sharing.id}'s: two ensembles would share random words`;
  if (!Number.isInteger(entry.nMax) || entry.nMax < 1) return `nMax ${entry.nMax} must be a positive integer`;
  if (!WGSL_IDENTIFIER.test(entry.sampling.wgsl.fn)) return `WGSL function ${JSON.stringify(entry.sampling.wgsl.fn)} is not an identifier`;
  const names = new Set<string>();
  for (const p of entry.parameters) {
    if (!IDENTIFIER.test(p.name) || RESERVED_NAMES.has(p.name)) return `parameter name ${JSON.stringify(p.name)} is reserved or not a lowercase identifier`;
    if (names.has(p.name)) return `parameter ${p.name} is declared twice`;
    names.add(p.name);
    if (!(p.min <= p.default && p.default <= p.max) || (p.minExclusive && p.default === p.min)) return `parameter ${p.name}'s default ${p.default} is outside its range`;
  }
  return undefined;
}

/**
 * Adds an entry. Built-in entries are registered at load; tests register test-only entries to
 * prove that nothing outside the registry needs to know about a new ensemble.
 */
export function registerEnsemble(entry: EnsembleEntry): void {
  const problem = entryProblem(entry);
  if (problem) throw new RangeError(`cannot register ensemble ${entry.id}: ${problem}`);
  entries.set(entry.id, entry);
}

/** Removes a test-only entry again (built-in entries cannot be removed). */
export function unregisterEnsemble(id: string): void {
  if (BUILT_IN.some((e) => e.id === id)) throw new RangeError(`cannot unregister built-in ensemble ${id}`);
  entries.delete(id);
}

for (const entry of BUILT_IN) registerEnsemble(entry);

/** Registered ids, built-in ones first in the page's order. */
export function ensembleIds(): string[] {
  return [...entries.keys()];
}

export function findEnsemble(id: string): EnsembleEntry | undefined {
  return entries.get(id);
}

/** The entry of a known id; an unknown id here is a bug (input is validated by config.ts). */
export function ensembleEntry(id: string): EnsembleEntry {
  const entry = entries.get(id);
  if (!entry) throw new RangeError(`unknown ensemble ${JSON.stringify(id)} (registered: ${ensembleIds().join(', ')})`);
  return entry;
}

/** Every parameter of every entry, by name, first declaration first (CLI flags, URL keys). */
export function allParameters(): Map<string, ParameterSpec> {
  const all = new Map<string, ParameterSpec>();
  for (const entry of entries.values()) for (const p of entry.parameters) if (!all.has(p.name)) all.set(p.name, p);
  return all;
}
