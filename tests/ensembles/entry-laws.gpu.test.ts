// The WGSL fills draw the entry law each registry entry promises, and the same numbers as the
// float64 fills on the same stream (to f32 rounding: 1e-5 relative, or the rare Marsaglia–Tsang
// decision that f32 and f64 take differently, which changes one entry completely).
import { afterAll, describe, expect, it } from 'vitest';
import { float64Matrix } from '../../src/cpu/float64-twin.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import { recordEntries } from '../../src/gpu/fill-recorder.ts';
import type { DenseSampling, EnsembleEntry } from '../../src/model/ensemble.ts';
import { openGpuHarness } from '../gpu/gpu-harness.ts';
import { ENTRY_LAW_CASES } from './entry-law-cases.ts';
import { splitEntries } from './entry-law.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const MATRICES = 400;

describe.skipIf(!harness)('entry laws of the WGSL fills', () => {
  for (const c of ENTRY_LAW_CASES) {
    it(c.name, async () => {
      const entry = ensembleEntry(c.ensemble) as EnsembleEntry & { sampling: DenseSampling };
      // Shift 0: the shift's diagonal term is checked by the histogram tests (ensembles.gpu.test.ts).
      const shift = 0;
      const gpu = await recordEntries(harness!.context, { ensemble: c.ensemble, params: c.params, n: c.n, shift, seed: 31, firstIndex: 0, count: MATRICES });
      const length = (c.n * (c.n + 1)) / 2;
      let far = 0;
      for (let m = 0; m < MATRICES; m++) {
        const cpu = float64Matrix(entry, { seed: 31, n: c.n, shift, index: m, params: c.params });
        for (let t = 0; t < length; t++) {
          const g = gpu[m * length + t]!;
          if (Math.abs(g - cpu[t]!) > 1e-5 * Math.max(1, Math.abs(cpu[t]!))) far++;
        }
      }
      expect(far).toBeLessThanOrEqual(Math.ceil(1e-3 * MATRICES * length));
      const { off, diagonal } = splitEntries(gpu, c.n, MATRICES);
      c.check(off, diagonal);
    });
  }
});
