import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md §3: plots draw what they are given. They may import d3 and each other, and read
// stats types, but never compute statistics or touch the engine, the GPU or the page.
const dir = join(import.meta.dirname, '../../src/plots');
const importsOf = (file: string) =>
  [...readFileSync(join(dir, file), 'utf8').matchAll(/^import\s+(type\s+)?.*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! }));

describe('src/plots imports', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file} imports only d3, sibling plot modules and stats types`, () => {
      for (const { typeOnly, from } of importsOf(file)) {
        const allowed = from.startsWith('d3-') || from.startsWith('./') || (typeOnly && from.startsWith('../stats/'));
        expect(allowed, `${file} imports ${from}`).toBe(true);
      }
    });
  }
});
