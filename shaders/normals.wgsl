// Box–Muller normals accurate to a few f32 ulp, for the sampling kernels. Same function of the
// Philox words as the prelude's box_muller and as boxMuller in src/cpu/normals.ts:
//   z0 = √(−2 ln u0)·cos(2π u1), z1 = √(−2 ln u0)·sin(2π u1), u = (w + ½)·2⁻³²,
// but without WGSL's loose builtins: log may err by 2⁻²¹ absolutely on [0.5, 2] and sin/cos by
// 2⁻¹¹ on [−π, π] (SwiftShader errs ~1e-4), which made the f32 index differ from the f64 one
// ~2.5e-4 of the time at N = 64. Here the angle is reduced exactly from the integer word and
// ln u near 1 is summed as a series.

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
