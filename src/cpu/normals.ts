// Uniforms and normals from Philox words, float64 twins of the WGSL prelude. The logarithm,
// sine and cosine are the portable fdlibm ports: Math.log differs between Chromium's and
// Node's V8 in the last bit for ~7% of these uniforms, Math.cos/sin for ~3%, and a last bit
// can flip the sign of a pivot near zero, so the page's CPU worker and `--backend cpu` would
// not be guaranteed the same counts.

import { log, sincos } from '../stats/portable-math.ts';

const TWO_POW_MINUS_32 = 2 ** -32;

/** A word w as a uniform on the open interval (0, 1): (w + ½)·2⁻³². */
export function uniformOpen(word: number): number {
  return (word + 0.5) * TWO_POW_MINUS_32;
}

/** Scratch for sincos: [sin, cos]. */
const SIN_COS = new Float64Array(2);

/**
 * Box–Muller: two words give two independent standard normals,
 * z0 = √(−2 ln u0)·cos(2π u1), z1 = √(−2 ln u0)·sin(2π u1). Writes them at out[at], out[at+1].
 */
export function boxMuller(w0: number, w1: number, out: Float64Array, at: number): void {
  const radius = Math.sqrt(-2 * log(uniformOpen(w0)));
  sincos(2 * Math.PI * uniformOpen(w1), SIN_COS, 0);
  out[at] = radius * SIN_COS[1]!;
  out[at + 1] = radius * SIN_COS[0]!;
}

