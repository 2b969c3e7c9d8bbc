// Uniforms and normals from Philox words, float64 twins of the WGSL prelude.

const TWO_POW_MINUS_32 = 2 ** -32;

/** A word w as a uniform on the open interval (0, 1): (w + ½)·2⁻³². */
export function uniformOpen(word: number): number {
  return (word + 0.5) * TWO_POW_MINUS_32;
}

/**
 * Box–Muller: two words give two independent standard normals,
 * z0 = √(−2 ln u0)·cos(2π u1), z1 = √(−2 ln u0)·sin(2π u1). Writes them at out[at], out[at+1].
 */
export function boxMuller(w0: number, w1: number, out: Float64Array, at: number): void {
  const radius = Math.sqrt(-2 * Math.log(uniformOpen(w0)));
  const angle = 2 * Math.PI * uniformOpen(w1);
  out[at] = radius * Math.cos(angle);
  out[at + 1] = radius * Math.sin(angle);
}
