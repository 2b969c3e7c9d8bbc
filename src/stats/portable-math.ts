// Elementary functions that give the same bits in every JavaScript engine. V8 in Chromium 156
// and in Node 20 round Math.log10 (4% of arguments in (0, 1)), 10 ** x (10%), Math.exp and
// Math.log differently in the last bit (../shared/FACTS.md), so a CSV column derived with
// them differed between the page and the CLI. The @stdlib versions are the fdlibm algorithms
// written with + − × ÷, √ and bit access only, which IEEE 754 makes exact-rounded everywhere:
// not always correctly rounded, but the same everywhere. Every number that reaches a CSV goes
// through these, and so do the CPU twin's random variates, whose last bit can decide a count
// (tests/stats/portable-math.test.ts checks them against float64 references). The landscape
// and width CSVs need atan2 (the teacher–student angles), asin (the p-spin theory column) and
// hypot (the p-spin tangent frame): Chromium and Node differ there too (atan2 17% of
// arguments, asin 6%, hypot 2.5%).

import stdlibAsin from '@stdlib/math-base-special-asin';
import stdlibAtan2 from '@stdlib/math-base-special-atan2';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog10 from '@stdlib/math-base-special-log10';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSincos from '@stdlib/math-base-special-sincos';

export const asin: (x: number) => number = stdlibAsin;
export const atan2: (y: number, x: number) => number = stdlibAtan2;
export const exp: (x: number) => number = stdlibExp;
export const expm1: (x: number) => number = stdlibExpm1;
export const log: (x: number) => number = stdlibLn;
export const log1p: (x: number) => number = stdlibLog1p;
export const log10: (x: number) => number = stdlibLog10;

/** sin x and cos x with one argument reduction, written to out[at] (sin) and out[at + 1] (cos). */
export const sincos = (x: number, out: Float64Array, at: number): void => {
  stdlibSincos.assign(x, out, 1, at);
};

/** x^y (the p-spin coupling scale N^(−(p−1)/2)). */
export const pow: (x: number, y: number) => number = stdlibPow;

/** 10^x, the p columns of rows that carry log10 P (exact, rare). */
export const pow10 = (x: number): number => stdlibPow(10, x);

/**
 * The Euclidean norm of `values` as Math.hypot computes it in Node 20's V8 (each |v| divided by
 * the largest, so no square overflows or underflows; the squares summed with Kahan's
 * compensation), written out because another V8 rounds its n-ary hypot differently. Only
 * + − × ÷ and √, so the same bits everywhere. (@stdlib's hypot takes two arguments; folding it
 * over a vector drifts by several ulps at N = 64.)
 */
export function norm(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const size = Math.abs(values[i]!);
    if (size === Infinity) return Infinity;
    if (!(size <= largest)) largest = size; // a NaN becomes the largest and the result
  }
  if (largest === 0 || Number.isNaN(largest)) return largest;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const scaled = values[i]! / largest;
    const summand = scaled * scaled - compensation;
    const next = sum + summand;
    compensation = next - sum - summand;
    sum = next;
  }
  return Math.sqrt(sum) * largest;
}
