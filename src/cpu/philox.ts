// Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3",
// SC11), the TypeScript twin of shaders/prelude.wgsl. Both build the 32×32→64-bit product
// from 16-bit halves because WGSL has neither u64 nor mulhi; the two must agree word for word.
//
// The counter layout (seed key, index words, stream tags) is the shared contract in
// src/model/stream.ts.

export const PHILOX_M0 = 0xd2511f53;
export const PHILOX_M1 = 0xcd9e8d57;
export const PHILOX_W0 = 0x9e3779b9;
export const PHILOX_W1 = 0xbb67ae85;
export const PHILOX_ROUNDS = 10;

const TWO_16 = 0x10000;

/**
 * High 32 bits of the 64-bit product a·b, from 16-bit halves (exact in float64), with the
 * carries folded into the middle sums as shaders/prelude.wgsl's mulhi32 does: t and u stay
 * below 2³², so `& 0xffff` and `>>> 16` read them exactly.
 */
export function mulhi32(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const t = al * bh + ((al * bl) >>> 16);
  const u = ah * bl + (t & 0xffff);
  return (ah * bh + Math.floor(t / TWO_16) + Math.floor(u / TWO_16)) >>> 0;
}

/**
 * Ten Philox rounds on counter (c0..c3) under key (k0, k1); writes the four output words into
 * `out` (reused by hot loops to avoid allocation) and returns it.
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array = new Uint32Array(4),
): Uint32Array {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let round = 0; round < PHILOX_ROUNDS; round++) {
    if (round > 0) {
      key0 = (key0 + PHILOX_W0) >>> 0;
      key1 = (key1 + PHILOX_W1) >>> 0;
    }
    const hi0 = mulhi32(PHILOX_M0, x0);
    const lo0 = Math.imul(PHILOX_M0, x0) >>> 0;
    const hi1 = mulhi32(PHILOX_M1, x2);
    const lo1 = Math.imul(PHILOX_M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
  return out;
}
