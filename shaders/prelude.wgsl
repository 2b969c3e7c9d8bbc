// Shared by every kernel and the test probe: Philox4x32-10 and the uniforms and normals built on it.
// The TypeScript twins live in src/cpu/philox.ts and src/cpu/normals.ts; tests compare
// their output word for word, so change both or neither.

const PHILOX_M0: u32 = 0xd2511f53u;
const PHILOX_M1: u32 = 0xcd9e8d57u;
const PHILOX_W0: u32 = 0x9e3779b9u;
const PHILOX_W1: u32 = 0xbb67ae85u;
const PHILOX_ROUNDS: u32 = 10u;

// High 32 bits of a·b from 16-bit halves: WGSL has no u64 and no mulhi. With a·b =
// ah·bh·2³² + (al·bh + ah·bl)·2¹⁶ + al·bl, the middle products are summed with the carries
// folded in as they go: t = al·bh + ⌊al·bl/2¹⁶⌋ and u = ah·bl + (t mod 2¹⁶) are both below
// 2³², and the high word is ah·bh + ⌊t/2¹⁶⌋ + ⌊u/2¹⁶⌋ (four ALU operations fewer than
// splitting each middle product).
fn mulhi32(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu;
  let ah = a >> 16u;
  let bl = b & 0xffffu;
  let bh = b >> 16u;
  let t = al * bh + ((al * bl) >> 16u);
  let u = ah * bl + (t & 0xffffu);
  return ah * bh + (t >> 16u) + (u >> 16u);
}

// counter = (matrix index lo, matrix index hi, block, stream tag); key = seed (lo, hi).
fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var x = counter;
  var k = key;
  for (var round = 0u; round < PHILOX_ROUNDS; round++) {
    if (round > 0u) {
      k = k + vec2<u32>(PHILOX_W0, PHILOX_W1);
    }
    let hi0 = mulhi32(PHILOX_M0, x.x);
    let lo0 = PHILOX_M0 * x.x;
    let hi1 = mulhi32(PHILOX_M1, x.z);
    let lo1 = PHILOX_M1 * x.z;
    x = vec4<u32>(hi1 ^ x.y ^ k.x, lo1, hi0 ^ x.w ^ k.y, lo0);
  }
  return x;
}

// (w + ½)·2⁻³² in f32. Small words keep full precision (tails reach 6.7σ); words that round
// to 2³² are pulled below 1 so the interval stays open.
fn uniform_open(word: u32) -> f32 {
  return min((f32(word) + 0.5) * 2.3283064365386963e-10, 0.99999994);
}

// Box–Muller normals accurate to a few f32 ulp: z0 = √(−2 ln u0)·cos(2π u1),
// z1 = √(−2 ln u0)·sin(2π u1), the same function of the words as boxMuller in
// src/cpu/normals.ts, but without WGSL's loose builtins: log may err by 2⁻²¹ absolutely on
// [0.5, 2] and sin/cos by 2⁻¹¹ on [−π, π] (SwiftShader errs ~1e-4), which made the f32 index
// differ from the f64 one ~2.5e-4 of the time at N = 64. Here the angle is reduced exactly from
// the integer word and ln u near 1 is summed as a series.

const HALF_PI: f32 = 1.5707963267948966;
const TWO_POW_MINUS_30: f32 = 9.313225746154785e-10;

// ln u for the open uniform of `word`. For u ≥ ½ (top bit set) with δ = 1 − u = (~w + ½)·2⁻³²,
// exact, ln u = −2 atanh(s), s = δ/(2 − δ) ≤ ⅓, summed to s¹⁵ (next term < 3e-9 relative).
fn log_uniform(word: u32) -> f32 {
  if (word < 0x80000000u) {
    return log(uniform_open(word));
  }
  let delta = (f32(~word) + 0.5) * 2.3283064365386963e-10;
  let s = delta / (2.0 - delta);
  let s2 = s * s;
  let series = 1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 +
    s2 * (1.0 / 11.0 + s2 * (1.0 / 13.0 + s2 * (1.0 / 15.0)))))));
  return -2.0 * s * series;
}

// (cos, sin) of 2π·(w + ½)·2⁻³². The top two bits are the quadrant; the other 30 give
// θ = (π/2)·f, f = (r + ½)·2⁻³⁰, folded to x = (π/2)·min(f, 1 − f) ≤ π/4 where Taylor series
// to x¹¹ and x¹² are within 2e-9.
fn cos_sin_turn(word: u32) -> vec2<f32> {
  let f = (f32(word & 0x3fffffffu) + 0.5) * TWO_POW_MINUS_30;
  let folded = f > 0.5;
  let x = HALF_PI * select(f, 1.0 - f, folded);
  let x2 = x * x;
  let sin_x = x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
  let cos_x = 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0 * (1.0 - x2 / 132.0)))));
  // θ = π/2 − x when folded: cos θ = sin x, sin θ = cos x.
  let c = select(cos_x, sin_x, folded);
  let s = select(sin_x, cos_x, folded);
  switch (word >> 30u) {
    case 0u: { return vec2<f32>(c, s); }
    case 1u: { return vec2<f32>(-s, c); }
    case 2u: { return vec2<f32>(-c, -s); }
    default: { return vec2<f32>(s, -c); }
  }
}

// Two independent standard normals (cos and sin branches) from two Philox words.
fn normal_pair(w0: u32, w1: u32) -> vec2<f32> {
  return sqrt(-2.0 * log_uniform(w0)) * cos_sin_turn(w1);
}
