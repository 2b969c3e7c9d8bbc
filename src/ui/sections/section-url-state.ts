// The URL form every page section shares: its keys carry the section's prefix ("l.", "w.") so
// the sections share one query string. Reading never throws: a bad value is reported, named
// with its key, and the section keeps its default; an unknown key under the prefix is reported.

import { ConfigError } from '../../config.ts';
import type { PageBackend } from './section-protocol.ts';

export const PAGE_BACKENDS: readonly PageBackend[] = ['auto', 'gpu', 'cpu'];

export interface SectionKeyReader<Key extends string> {
  /** Runs `apply` on the key's text when the key is present; a ConfigError it throws becomes a problem. */
  read(key: Key, apply: (text: string) => void): void;
  /** Problems so far, in reading order; a section may add its own. */
  readonly problems: string[];
  /** The problems, with one more for every unknown key under the prefix. */
  finish(): string[];
}

export function sectionKeyReader<Key extends string>(search: string, prefix: string, keys: readonly Key[]): SectionKeyReader<Key> {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  return {
    problems,
    read(key, apply) {
      const text = params.get(prefix + key);
      if (text === null) return;
      try {
        apply(text);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(`ignored ${prefix}${key}=${text}: ${error.rule}`);
      }
    },
    finish() {
      for (const name of new Set(params.keys())) {
        if (name.startsWith(prefix) && !(keys as readonly string[]).includes(name.slice(prefix.length))) {
          problems.push(`ignored ${name}=${params.get(name)}: unknown setting`);
        }
      }
      return problems;
    },
  };
}

/** `search` with the section's keys replaced by `values`, in `keys` order; every other key kept as it was. */
export function withSectionKeys<Key extends string>(search: string, prefix: string, keys: readonly Key[], values: Record<Key, string>): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  for (const key of keys) params.set(prefix + key, values[key]);
  return `?${params.toString()}`;
}

export function parsePageBackend(text: string): PageBackend {
  if (!(PAGE_BACKENDS as readonly string[]).includes(text)) throw new ConfigError('backend', text, `must be one of ${PAGE_BACKENDS.join(', ')}`);
  return text as PageBackend;
}

/** A run count the CLI would take, refused above the page's limit. */
export function pageRuns(runs: number, text: string, max: number): number {
  if (runs > max) throw new ConfigError('runs', text, `must be ≤ ${max} on the page (the CLI takes more)`);
  return runs;
}
