// One Marsaglia–Tsang attempt in double-f32, for the device recount of Student-t matrices
// (df_fill_student_t in shaders/fills/df32-wigner.wgsl): the same squeeze and the same
// cancellation-free acceptance test 3d·L(x) as shaders/gamma.wgsl and the float64 twin
// (src/cpu/chi.ts), so df32 takes float64's decision except when the two sides of a comparison
// agree to ~1e-14, where f32 already parts from float64 once per ~1e7 attempts. Needs
// shaders/gamma.wgsl (SERIES_LIMIT) and shaders/df32-random.wgsl before it.

// 1/m, m = 4..31: L(x) = Σ_{m=4}^{31} (−1)^{m+1} x^m/m below SERIES_LIMIT, as chi.ts sums it.
const DF_TAIL = array<vec2<f32>, 28>(
  vec2<f32>(0.250000000, 0.0), vec2<f32>(0.200000003, -2.98023228e-9),
  vec2<f32>(0.166666672, -4.96705388e-9), vec2<f32>(0.142857149, -6.38621200e-9),
  vec2<f32>(0.125000000, 0.0), vec2<f32>(0.111111112, -8.27842295e-10),
  vec2<f32>(0.100000001, -1.49011614e-9), vec2<f32>(0.0909090936, -2.70930212e-9),
  vec2<f32>(0.0833333358, -2.48352694e-9), vec2<f32>(0.0769230798, -2.86560797e-9),
  vec2<f32>(0.0714285746, -3.19310600e-9), vec2<f32>(0.0666666701, -3.47693763e-9),
  vec2<f32>(0.0625000000, 0.0), vec2<f32>(0.0588235296, -2.19134724e-10),
  vec2<f32>(0.0555555560, -4.13921147e-10), vec2<f32>(0.0526315793, -3.92135824e-10),
  vec2<f32>(0.0500000007, -7.45058071e-10), vec2<f32>(0.0476190485, -8.86973883e-10),
  vec2<f32>(0.0454545468, -1.35465106e-9), vec2<f32>(0.0434782617, -8.09845746e-10),
  vec2<f32>(0.0416666679, -1.24176347e-9), vec2<f32>(0.0399999991, 8.94069652e-10),
  vec2<f32>(0.0384615399, -1.43280399e-9), vec2<f32>(0.0370370373, -2.75947432e-10),
  vec2<f32>(0.0357142873, -1.59655300e-9), vec2<f32>(0.0344827585, 1.28458286e-10),
  vec2<f32>(0.0333333351, -1.73846881e-9), vec2<f32>(0.0322580636, 9.61365210e-10),
);

// L(x) = ln(1 + x) − x + x²/2 − x³/3 for x > −1 (logTail in chi.ts); DF_ATANH[0] is 1/3.
fn df_log_tail(x: vec2<f32>) -> vec2<f32> {
  let x2 = df_mul(x, x);
  if (abs(x.x) >= SERIES_LIMIT) {
    let cubic = df_sub(df_mul_f(x2, 0.5), df_mul(df_mul(x2, x), DF_ATANH[0]));
    return df_add(df_sub(df_log(df_add_f(x, 1.0)), x), cubic);
  }
  // Σ_{m=31}^{4} by Horner from m = 31 down, signs (−1)^{m+1}: + for odd m.
  var sum = vec2<f32>(0.0, 0.0);
  for (var m = 31; m >= 4; m--) {
    let term = DF_TAIL[m - 4];
    sum = df_add(df_mul(sum, x), select(term, -term, m % 2 == 0));
  }
  return df_mul(sum, df_mul(x2, x2));
}

// One attempt for Gamma(d + 1/3), c = 1/√(9d), from a df32 normal z and the uniform's word:
// d·v on acceptance, (−1, 0) on rejection.
fn df_gamma_attempt(d: vec2<f32>, c: vec2<f32>, z: vec2<f32>, uniform_word: u32) -> vec2<f32> {
  let x = df_mul(c, z);
  if (df_add_f(x, 1.0).x <= 0.0) {
    return vec2<f32>(-1.0, 0.0);
  }
  let one_plus_x = df_add_f(x, 1.0);
  let v = df_mul(df_mul(one_plus_x, one_plus_x), one_plus_x);
  let accepted = df_mul(d, v);
  // 1 − u, exact, against q = 3d·x⁴/(4(1 + min(x, 0))) (squeezeBound in chi.ts).
  let complement = df_uniform_open(~uniform_word);
  let x2 = df_mul(x, x);
  let q = df_div(df_mul(df_mul_f(d, 0.75), df_mul(x2, x2)), select(df_from(1.0), one_plus_x, x.x < 0.0));
  if (df_sub(complement, q).x > 0.0) {
    return accepted;
  }
  let bound = df_mul(df_mul_f(d, 3.0), df_log_tail(x));
  return select(vec2<f32>(-1.0, 0.0), accepted, df_sub(df_log_uniform(uniform_word), bound).x < 0.0);
}
