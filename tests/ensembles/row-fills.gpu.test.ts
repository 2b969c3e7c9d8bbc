// The WGSL row fills write the same f32 bits as the whole fills, row by row, and nothing
// outside their row, and their heads the same bits as rows 0..2: the early-exit P(min)
// kernel relies on all three (rows it already factored stay put, the rows it draws are the
// index kernel's rows).
import { afterAll, describe, expect, it } from 'vitest';
import { ensembleEntry, ensembleIds } from '../../src/ensembles/registry.ts';
import { recordEntries } from '../../src/gpu/fill-recorder.ts';
import { openGpuHarness } from '../gpu/gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const withRowFill = ensembleIds().filter((id) => {
  const { sampling } = ensembleEntry(id);
  return sampling.kind === 'dense' && sampling.rowFill !== undefined;
});

const headOf = (id: string) => {
  const { sampling } = ensembleEntry(id);
  return sampling.kind === 'dense' ? sampling.rowFill?.head : undefined;
};

describe.skipIf(!harness)('WGSL row fills equal the whole fills bit for bit', () => {
  it('every Wigner-family entry has one, and all but wigner-uniform a head', () => {
    expect(withRowFill).toEqual(expect.arrayContaining(['goe', 'wigner-rademacher', 'wigner-uniform', 'wigner-t']));
    expect(withRowFill.filter(headOf)).toEqual(expect.arrayContaining(['goe', 'wigner-rademacher', 'wigner-t']));
  });
  for (const id of withRowFill) {
    for (const n of [1, 2, 7, 16]) {
      it(`${id} at N = ${n}, shift 0.3`, async () => {
        const params: Record<string, number> = id === 'wigner-t' ? { nu: 2.5 } : {};
        const request = { ensemble: id, params, n, shift: 0.3, seed: 19, firstIndex: 2 ** 32 - 5, count: 64 };
        const whole = await recordEntries(harness!.context, request);
        const rows = await recordEntries(harness!.context, request, { rows: true });
        expect(new Uint32Array(rows.buffer)).toEqual(new Uint32Array(whole.buffer));
      });
    }
    if (!headOf(id)) continue;
    for (const n of [2, 3, 16]) {
      it(`${id}'s head (rows 0..2 in registers) at N = ${n}, shift 0.3`, async () => {
        const params: Record<string, number> = id === 'wigner-t' ? { nu: 2.5 } : {};
        const request = { ensemble: id, params, n, shift: 0.3, seed: 19, firstIndex: 2 ** 32 - 5, count: 64 };
        const whole = await recordEntries(harness!.context, request);
        const headed = await recordEntries(harness!.context, request, { rows: true, head: true });
        expect(new Uint32Array(headed.buffer)).toEqual(new Uint32Array(whole.buffer));
      });
    }
  }
});
