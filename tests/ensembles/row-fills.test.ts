// The float64 row fills write exactly the whole fill's numbers, row by row, and nothing outside
// their row (the early-exit twin keeps factored rows in the same array).
import { describe, expect, it } from 'vitest';
import { fillRequest, float64Matrix } from '../../src/cpu/float64-twin.ts';
import { packedIndex, packedLength } from '../../src/cpu/pivots.ts';
import { ensembleEntry, ensembleIds } from '../../src/ensembles/registry.ts';
import type { DenseSampling, EnsembleEntry } from '../../src/model/ensemble.ts';

const withRowFill = ensembleIds()
  .map(ensembleEntry)
  .filter((e): e is EnsembleEntry & { sampling: DenseSampling } => e.sampling.kind === 'dense' && e.sampling.rowFill !== undefined);

describe('float64 row fills equal the whole fills', () => {
  it('goe and the Wigner family have one; the Gram ensembles do not', () => {
    expect(withRowFill.map((e) => e.id).sort()).toEqual(['goe', 'wigner-rademacher', 'wigner-t', 'wigner-uniform']);
  });
  for (const entry of withRowFill) {
    it(`${entry.id}: every row of 12 matrices at N = 1, 2, 7, 16, 64, shift −0.4`, () => {
      const params: Record<string, number> = entry.id === 'wigner-t' ? { nu: 3.5 } : {};
      for (const n of [1, 2, 7, 16, 64]) {
        for (let index = 2 ** 33 - 6; index < 2 ** 33 + 6; index++) {
          const address = { seed: 8, n, shift: -0.4, index, params };
          const whole = float64Matrix(entry, address);
          for (let k = 0; k < n; k++) {
            const row = new Float64Array(packedLength(n)).fill(NaN);
            entry.sampling.rowFill!.fill(fillRequest(entry, address), k, row);
            const start = packedIndex(k, 0);
            expect(row.slice(start, start + k + 1)).toEqual(whole.slice(start, start + k + 1));
            expect(row.every((v, t) => (t >= start && t <= start + k) || Number.isNaN(v))).toBe(true);
          }
        }
      }
    });
  }
});
