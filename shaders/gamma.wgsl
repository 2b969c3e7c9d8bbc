// Gamma variates by Marsaglia–Tsang, shared by every kernel that needs χ or χ² draws (the
// tridiagonal model's χ_k, the Student-t fill's χ²_ν). Float64 twin: src/cpu/chi.ts, which
// derives the squeeze and the cancellation-free acceptance test 3d·L(x) used here.

const CHI_ATTEMPTS: u32 = 15u;
const SERIES_LIMIT: f32 = 0.25;

// L(x) = ln(1+x) − x + x²/2 − x³/3; below SERIES_LIMIT its series Σ_{m=4}^{17} (−1)^{m+1} x^m/m
// (the first omitted term is 0.25^14 ≈ 4e-9 of the sum).
fn log_tail(x: f32) -> f32 {
  if (abs(x) >= SERIES_LIMIT) {
    return log(1.0 + x) - x + x * x / 2.0 - x * x * x / 3.0;
  }
  var sum = 0.0;
  for (var m = 17; m >= 4; m--) {
    sum = sum * x + select(1.0, -1.0, m % 2 == 0) / f32(m);
  }
  return sum * x * x * x * x;
}

// One Marsaglia–Tsang attempt for Gamma(d + 1/3), c = 1/√(9d): d·v on acceptance, −1 on
// rejection. The squeeze decides first; ln u only where it fails (chi.ts has the proof).
fn gamma_attempt(d: f32, c: f32, z: f32, uniform_word: u32) -> f32 {
  let x = c * z;
  if (x <= -1.0) {
    return -1.0;
  }
  let v = (1.0 + x) * (1.0 + x) * (1.0 + x);
  // 1 − u, exact, against q = 3d·x⁴/(4(1 + min(x, 0))) (squeezeBound in chi.ts).
  let complement = (f32(~uniform_word) + 0.5) * 2.3283064365386963e-10;
  let x2 = x * x;
  if (complement > 0.75 * d * x2 * x2 / (1.0 + min(x, 0.0))) {
    return d * v;
  }
  // Near acceptance ln u ≈ 3d·L(x) ≈ 0, where log_uniform keeps its relative accuracy.
  return select(-1.0, d * v, log_uniform(uniform_word) < 3.0 * d * log_tail(x));
}

