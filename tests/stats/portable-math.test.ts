// The engine-independent elementary functions (src/stats/portable-math.ts): exact where the
// answer is exact, and within an ulp or two of V8's own everywhere else.
import { describe, expect, it } from 'vitest';
import { asin, atan2, exp, expm1, log, log10, log1p, norm, pow, pow10, sincos } from '../../src/stats/portable-math.ts';

/** Distance in units in the last place, for finite doubles of one sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('portable math', () => {
  it('is exact on powers of ten', () => {
    for (let k = -300; k <= 300; k += 7) expect(log10(Number(`1e${k}`))).toBe(k);
    expect([pow10(-3), pow10(0), pow10(2)]).toEqual([0.001, 1, 100]);
  });
  it('keeps log10 of 0 at −Infinity and of a negative number NaN, as the CSV expects', () => {
    expect(log10(0)).toBe(-Infinity);
    expect(log10(-1)).toBeNaN();
  });
  it('stays within 2 ulps of V8 on seeded arguments', () => {
    const random = seeded(11);
    for (let i = 0; i < 2000; i++) {
      const p = random();
      const x = (random() - 0.5) * 1400;
      expect(Math.abs(ulps(log10(p), Math.log10(p)))).toBeLessThanOrEqual(2);
      expect(Math.abs(ulps(log(p), Math.log(p)))).toBeLessThanOrEqual(2);
      expect(Math.abs(ulps(log1p(p), Math.log1p(p)))).toBeLessThanOrEqual(2);
      expect(Math.abs(ulps(exp(x / 2), Math.exp(x / 2)))).toBeLessThanOrEqual(2);
      expect(Math.abs(ulps(expm1(-p), Math.expm1(-p)))).toBeLessThanOrEqual(2);
      expect(Math.abs(ulps(pow10(-300 * p), 10 ** (-300 * p)))).toBeLessThanOrEqual(2);
    }
  });
  it('gives sin and cos within 1 ulp of V8 on the Box–Muller angles 2πu', () => {
    const random = seeded(5);
    const out = new Float64Array(3);
    for (let i = 0; i < 2000; i++) {
      const angle = 2 * Math.PI * random();
      sincos(angle, out, 1);
      expect(Math.abs(ulps(out[1]!, Math.sin(angle)))).toBeLessThanOrEqual(1);
      expect(Math.abs(ulps(out[2]!, Math.cos(angle)))).toBeLessThanOrEqual(1);
    }
    sincos(0, out, 0);
    expect([out[0], out[1]]).toEqual([0, 1]);
  });
  it('gives atan2, asin and pow within 1 ulp of V8 on the landscapes\' arguments, exact where the answer is', () => {
    const random = seeded(17);
    for (let i = 0; i < 2000; i++) {
      // The teacher–student angles: atan2(√s, √t) with s + t = 4 (two unit vectors).
      const s = 4 * random();
      expect(Math.abs(ulps(atan2(Math.sqrt(s), Math.sqrt(4 - s)), Math.atan2(Math.sqrt(s), Math.sqrt(4 - s))))).toBeLessThanOrEqual(1);
      const x = 2 * random() - 1;
      if (x !== 0) expect(Math.abs(ulps(Math.abs(asin(x)), Math.abs(Math.asin(x))))).toBeLessThanOrEqual(1);
      const n = 2 + Math.floor(254 * random());
      expect(Math.abs(ulps(pow(n, -0.5), n ** -0.5))).toBeLessThanOrEqual(1);
    }
    expect([atan2(0, 1), atan2(1, 0), atan2(1, 1), asin(1), asin(0)]).toEqual([0, Math.PI / 2, Math.PI / 4, Math.PI / 2, 0]);
    expect([pow(16, -0.5), pow(7, -1)]).toEqual([0.25, 1 / 7]);
  });
  it('gives the Euclidean norm of Math.hypot to the bit here, exactly on Pythagorean vectors, without overflow or underflow', () => {
    const random = seeded(23);
    for (let i = 0; i < 500; i++) {
      const v = Float64Array.from({ length: 1 + Math.floor(64 * random()) }, () => random() - 0.5);
      expect(norm(v)).toBe(Math.hypot(...v));
    }
    expect([norm([3, 4]), norm([2, 3, 6]), norm([]), norm([-5])]).toEqual([5, 7, 0, 5]);
    expect(norm([3e300, 4e300])).toBeCloseTo(5e300, -290);
    expect(norm([3e-300, 4e-300]) / 5e-300).toBeCloseTo(1, 15);
    expect([norm([1, Infinity, NaN]), norm([1, NaN])]).toEqual([Infinity, NaN]);
  });
});
