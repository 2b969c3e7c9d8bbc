import { describe, expect, it } from 'vitest';
import { boxMuller } from '../../../src/cpu/normals.ts';
import { philox4x32 } from '../../../src/cpu/philox.ts';
import { seedKey, STREAM_CODE_MAX, streamTag } from '../../../src/model/stream.ts';
import { pspinDisorder, pspinStart, pspinTag } from '../../../src/landscape/pspin/streams.ts';

describe('p-spin random streams', () => {
  it('takes J entry t from normal t of Philox block ⌊t/4⌋ under counter (disorder lo, hi, block, tag)', () => {
    const seed = 2 ** 40 + 99;
    const disorder = 2 ** 32 + 3;
    const j = pspinDisorder(seed, 3, 6, disorder);
    const [k0, k1] = seedKey(seed);
    const words = philox4x32(3, 1, 13, pspinTag(3, 6, 'disorder'), k0, k1);
    const normals = new Float64Array(4);
    boxMuller(words[0], words[1], normals, 0);
    boxMuller(words[2], words[3], normals, 2);
    expect(Array.from(j.subarray(52, 56))).toEqual(Array.from(normals));
  });

  it('gives the same J for the same (seed, disorder), whatever slice is asked for', () => {
    const full = pspinDisorder(7, 3, 9, 4);
    expect(pspinDisorder(7, 3, 9, 4)).toEqual(full);
    expect(pspinDisorder(7, 3, 9, 4, 101, 250)).toEqual(full.subarray(101, 351));
    expect(pspinDisorder(7, 3, 9, 5)[0]).not.toBe(full[0]);
    expect(pspinDisorder(8, 3, 9, 4)[0]).not.toBe(full[0]);
  });

  it('draws J with mean 0 and variance 1 (5σ bands over 32768 entries)', () => {
    const j = pspinDisorder(1, 3, 32, 0);
    const mean = j.reduce((s, v) => s + v, 0) / j.length;
    const variance = j.reduce((s, v) => s + v * v, 0) / j.length;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(j.length));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / j.length));
  });

  it('puts starts on the sphere |σ|² = N, distinct per run and disorder', () => {
    const a = pspinStart(3, 3, 16, 0, 0);
    expect(a.reduce((s, v) => s + v * v, 0)).toBeCloseTo(16, 12);
    expect(pspinStart(3, 3, 16, 0, 1)[0]).not.toBe(a[0]);
    expect(pspinStart(3, 3, 16, 1, 0)[0]).not.toBe(a[0]);
  });

  it('never shares a stream tag with an ensemble stream, another p, N or purpose', () => {
    const tags = new Set<number>();
    // Every stream code an ensemble may take, not only the ones registered today.
    for (let code = 1; code <= STREAM_CODE_MAX; code++)
      for (const purpose of ['matrix', 'rare'] as const) for (let n = 1; n <= 512; n++) tags.add(streamTag(code, n, purpose));
    const before = tags.size;
    for (const p of [2, 3])
      for (const purpose of ['disorder', 'start'] as const) for (let n = 1; n <= 512; n++) tags.add(pspinTag(p, n, purpose));
    expect(tags.size).toBe(before + 2 * 2 * 512);
  });
});
