// The float64 fills draw the entry law each registry entry promises.
import { describe, it } from 'vitest';
import { float64Matrix } from '../../src/cpu/float64-twin.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import type { DenseSampling, EnsembleEntry } from '../../src/model/ensemble.ts';
import { ENTRY_LAW_CASES } from './entry-law-cases.ts';
import { splitEntries } from './entry-law.ts';

const MATRICES = 400;

describe('entry laws of the float64 fills (seeded, chi-square and moments)', () => {
  for (const c of ENTRY_LAW_CASES) {
    it(c.name, () => {
      const entry = ensembleEntry(c.ensemble) as EnsembleEntry & { sampling: DenseSampling };
      const length = (c.n * (c.n + 1)) / 2;
      const all = new Float64Array(MATRICES * length);
      for (let m = 0; m < MATRICES; m++) all.set(float64Matrix(entry, { seed: 31, n: c.n, shift: 0, index: m, params: c.params }), m * length);
      const { off, diagonal } = splitEntries(all, c.n, MATRICES);
      c.check(off, diagonal);
    });
  }
});
