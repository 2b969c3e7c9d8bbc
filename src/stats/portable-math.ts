// Elementary functions that give the same bits in every JavaScript engine. V8 in Chromium 156
// and in Node 20 round Math.log10 (4% of arguments in (0, 1)), 10 ** x (10%), Math.exp and
// Math.log differently in the last bit (../shared/FACTS.md), so a CSV column derived with
// them differed between the page and the CLI. The @stdlib versions are the fdlibm algorithms
// written with + − × ÷, √ and bit access only, which IEEE 754 makes exact-rounded everywhere:
// not always correctly rounded, but the same everywhere. Every number that reaches a CSV goes
// through these, and so do the CPU twin's random variates, whose last bit can decide a count
// (tests/stats/portable-math.test.ts checks them against float64 references).

import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog10 from '@stdlib/math-base-special-log10';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSincos from '@stdlib/math-base-special-sincos';

export const exp: (x: number) => number = stdlibExp;
export const expm1: (x: number) => number = stdlibExpm1;
export const log: (x: number) => number = stdlibLn;
export const log1p: (x: number) => number = stdlibLog1p;
export const log10: (x: number) => number = stdlibLog10;

/** sin x and cos x with one argument reduction, written to out[at] (sin) and out[at + 1] (cos). */
export const sincos = (x: number, out: Float64Array, at: number): void => {
  stdlibSincos.assign(x, out, 1, at);
};

/** 10^x, the p columns of rows that carry log10 P (exact, rare). */
export const pow10 = (x: number): number => stdlibPow(10, x);
