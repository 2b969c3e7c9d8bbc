// The prelude's uniforms and Box–Muller normals again, in double-f32 (shaders/df32.wgsl), for the
// device recount: the same functions of the same Philox words as src/cpu/normals.ts, to ~1e-14
// instead of the f32 prelude's ~1e-7, so a recounted matrix's entries are the float64 twin's up
// to far less than any pivot the recount trusts (shaders/df32-inertia.wgsl).
// Constants are (hi, lo) splits of the float64 values, 9 significant digits each (enough to
// round-trip an f32); tests/gpu/df32.gpu.test.ts checks the functions against float64.

const DF_LN2 = vec2<f32>(0.693147182, -1.90465421e-9);
const DF_HALF_PI = vec2<f32>(1.57079637, -4.37113883e-8);
const DF_SQRT2 = vec2<f32>(1.41421354, 2.42032350e-8);
const DF_SQRT3 = vec2<f32>(1.73205078, 3.10872501e-8);

// 1/(2j + 1), j = 1..11: ln m = 2s·Σ s^(2j)/(2j + 1), s = (m − 1)/(m + 1), |s| ≤ 0.1716, where
// the first omitted term s²⁴/25 is below 1e-18 of the sum.
const DF_ATANH = array<vec2<f32>, 11>(
  vec2<f32>(0.333333343, -9.93410776e-9), vec2<f32>(0.200000003, -2.98023228e-9),
  vec2<f32>(0.142857149, -6.38621200e-9), vec2<f32>(0.111111112, -8.27842295e-10),
  vec2<f32>(0.0909090936, -2.70930212e-9), vec2<f32>(0.0769230798, -2.86560797e-9),
  vec2<f32>(0.0666666701, -3.47693763e-9), vec2<f32>(0.0588235296, -2.19134724e-10),
  vec2<f32>(0.0526315793, -3.92135824e-10), vec2<f32>(0.0476190485, -8.86973883e-10),
  vec2<f32>(0.0434782617, -8.09845746e-10),
);
// 1/(2k + 1)! and 1/(2k)!, k = 1..8: Taylor series of sin x to x¹⁷ and cos x to x¹⁶ on
// |x| ≤ π/4, where the first omitted terms are below 5e-17 and 3e-18.
const DF_SIN = array<vec2<f32>, 8>(
  vec2<f32>(0.166666672, -4.96705388e-9), vec2<f32>(0.00833333377, -4.34617203e-10),
  vec2<f32>(0.000198412701, -2.72559687e-12), vec2<f32>(0.00000275573188, 3.79357122e-14),
  vec2<f32>(2.50521079e-8, 4.41762304e-16), vec2<f32>(1.60590444e-10, -5.35252651e-18),
  vec2<f32>(7.64716361e-13, 1.22007105e-20), vec2<f32>(2.81145736e-15, -1.04620847e-22),
);
const DF_COS = array<vec2<f32>, 8>(
  vec2<f32>(0.5, 0.0), vec2<f32>(0.0416666679, -1.24176347e-9),
  vec2<f32>(0.00138888892, -3.36310944e-11), vec2<f32>(0.0000248015876, -3.40699609e-13),
  vec2<f32>(2.75573200e-7, -7.57511221e-15), vec2<f32>(2.08767559e-9, 1.10828398e-16),
  vec2<f32>(1.14707454e-11, 2.37220769e-19), vec2<f32>(4.77947726e-14, 7.62544404e-22),
);

// 2^e as an f32, exactly, for −126 ≤ e ≤ 127.
fn df_pow2(e: i32) -> f32 {
  return bitcast<f32>(u32(127 + e) << 23u);
}

// (w + ½)·2⁻³² exactly: its 33 bits split into the top 24 and the rest.
fn df_uniform_open(word: u32) -> vec2<f32> {
  let high = f32(word & 0xffffff00u);
  let low = f32(word & 0xffu) + 0.5;
  return df_fast_two_sum(high, low) * 2.3283064365386963e-10;
}

// ln u for the open uniform of `word`: u = m·2⁻ᵏ with m in [√½, √2) (k from the word's leading
// bit, so the scaling is exact), m − 1 exact, ln m = 2 atanh((m − 1)/(m + 1)) by its series.
// Relative accuracy holds near u = 1 too, where ln u ≈ u − 1 is small.
fn df_log_uniform(word: u32) -> vec2<f32> {
  // w + ½ lies in [2^b, 2^(b+1)) with b its leading bit (b = −1 for w = 0, where w + ½ = 2⁻¹).
  let b = i32(firstLeadingBit(word));
  let k = 32 - b;
  return df_log_scaled(df_uniform_open(word) * df_pow2(k), k);
}

// ln y for a positive df32 y, y ≥ 2⁻¹²⁶: y = m·2ᵉ with e from hi's exponent bits.
fn df_log(y: vec2<f32>) -> vec2<f32> {
  let k = 127 - i32((bitcast<u32>(y.x) >> 23u) & 0xffu);
  return df_log_scaled(y * df_pow2(k), k);
}

// ln(m·2⁻ᵏ) for m in [1, 2) (moved to [√½, √2) here, exactly): ln m by the atanh series, m − 1
// exact, minus k·ln 2.
fn df_log_scaled(scaled: vec2<f32>, shift: i32) -> vec2<f32> {
  var m = scaled;
  var k = shift;
  if (m.x >= 1.4142135) {
    m = m * 0.5;
    k -= 1;
  }
  let s = df_div(df_add_f(m, -1.0), df_add_f(m, 1.0));
  let s2 = df_mul(s, s);
  var series = DF_ATANH[10];
  for (var j = 9; j >= 0; j--) {
    series = df_add(DF_ATANH[j], df_mul(s2, series));
  }
  series = df_add_f(df_mul(s2, series), 1.0);
  let log_m = df_mul(s, series) * 2.0;
  return df_sub(log_m, df_mul_f(DF_LN2, f32(k)));
}

// (cos, sin) of 2π·(w + ½)·2⁻³² as two df32 values (cos.hi, cos.lo, sin.hi, sin.lo): the angle
// reduced exactly from the word as in the prelude's cos_sin_turn, then Taylor series on
// x = (π/2)·min(f, 1 − f) ≤ π/4.
fn df_cos_sin_turn(word: u32) -> vec4<f32> {
  // f = (r + ½)·2⁻³⁰ has 31 bits: exact in df32, and so is 1 − f.
  let f = df_fast_two_sum(f32(word & 0x3fffff00u), f32(word & 0xffu) + 0.5) * 9.313225746154785e-10;
  let folded = f.x > 0.5;
  let reduced = select(f, df_add_f(-f, 1.0), folded);
  let x = df_mul(DF_HALF_PI, reduced);
  let x2 = df_mul(x, x);
  var sin_series = DF_SIN[7];
  var cos_series = DF_COS[7];
  for (var k = 6; k >= 0; k--) {
    sin_series = df_sub(DF_SIN[k], df_mul(x2, sin_series));
    cos_series = df_sub(DF_COS[k], df_mul(x2, cos_series));
  }
  let sin_x = df_mul(x, df_add_f(-df_mul(x2, sin_series), 1.0));
  let cos_x = df_add_f(-df_mul(x2, cos_series), 1.0);
  // θ = π/2 − x when folded: cos θ = sin x, sin θ = cos x.
  let c = select(cos_x, sin_x, folded);
  let s = select(sin_x, cos_x, folded);
  switch (word >> 30u) {
    case 0u: { return vec4<f32>(c, s); }
    case 1u: { return vec4<f32>(-s, c); }
    case 2u: { return vec4<f32>(-c, -s); }
    default: { return vec4<f32>(s, -c); }
  }
}

// The two Box–Muller normals of words (w0, w1), cos branch in .xy and sin branch in .zw.
fn df_normal_pair(w0: u32, w1: u32) -> vec4<f32> {
  let radius = df_sqrt(df_log_uniform(w0) * -2.0);
  let turn = df_cos_sin_turn(w1);
  return vec4<f32>(df_mul(radius, turn.xy), df_mul(radius, turn.zw));
}
