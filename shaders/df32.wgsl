// Double-f32 ("df32") arithmetic: a value is hi + lo, two f32 with |lo| ≤ ½ ulp(hi), about 48
// significant bits (unit roundoff u² = 2⁻⁴⁸ ≈ 3.6e-15). The device recount of suspect matrices
// (shaders/recount-main.wgsl) regenerates and factors them in it. Every operation is built from
// error-free transforms in plain f32 adds and multiplies: WGSL's fma() may be unfused, and f32
// division and sqrt may be off by a few ulp (WGSL allows 2.5 ulp), so neither is trusted; the
// quotient and the root are corrected by exact residuals instead. tests/gpu/df32.gpu.test.ts checks
// each operation against float64 on Dawn/SwiftShader, so a compiler that contracts or reorders
// these expressions fails there.
// Algorithms: Knuth's two-sum, Dekker's two-product with Veltkamp's split, and the double-word
// addition, multiplication and division of Joldes, Muller & Popescu (ACM TOMS 44, 2017).

// s + e = a + b exactly (Knuth): six adds, no branch, any order of magnitudes.
fn df_two_sum(a: f32, b: f32) -> vec2<f32> {
  let s = a + b;
  let b_virtual = s - a;
  let a_virtual = s - b_virtual;
  return vec2<f32>(s, (a - a_virtual) + (b - b_virtual));
}

// s + e = a + b exactly when |a| ≥ |b| (or a = 0): three adds.
fn df_fast_two_sum(a: f32, b: f32) -> vec2<f32> {
  let s = a + b;
  return vec2<f32>(s, b - (s - a));
}

// Veltkamp: a = hi + lo with hi on 12 bits and lo on 12 (sign included), so products of
// halves are exact in f32. 4097 = 2¹² + 1 for f32's 24-bit significand.
const DF_SPLITTER: f32 = 4097.0;

fn df_split(a: f32) -> vec2<f32> {
  let scaled = DF_SPLITTER * a;
  let hi = scaled - (scaled - a);
  return vec2<f32>(hi, a - hi);
}

// p + e = a·b exactly (Dekker), barring overflow and underflow.
fn df_two_prod(a: f32, b: f32) -> vec2<f32> {
  let p = a * b;
  let sa = df_split(a);
  let sb = df_split(b);
  let e = ((sa.x * sb.x - p) + sa.x * sb.y + sa.y * sb.x) + sa.y * sb.y;
  return vec2<f32>(p, e);
}

fn df_from(a: f32) -> vec2<f32> {
  return vec2<f32>(a, 0.0);
}

fn df_neg(a: vec2<f32>) -> vec2<f32> {
  return -a;
}

// Accurate double-word sum (AccurateDWPlusDW): relative error below 3u², cancellation included.
fn df_add(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let s = df_two_sum(a.x, b.x);
  let t = df_two_sum(a.y, b.y);
  let c = df_fast_two_sum(s.x, s.y + t.x);
  return df_fast_two_sum(c.x, t.y + c.y);
}

fn df_sub(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return df_add(a, -b);
}

// a + b for an f32 b (DWPlusFP): relative error below 2u².
fn df_add_f(a: vec2<f32>, b: f32) -> vec2<f32> {
  let s = df_two_sum(a.x, b);
  let c = df_fast_two_sum(s.x, a.y + s.y);
  return c;
}

// Double-word product (DWTimesDW1): relative error below 7u².
fn df_mul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let p = df_two_prod(a.x, b.x);
  let cross = a.x * b.y + a.y * b.x;
  return df_fast_two_sum(p.x, p.y + cross);
}

// a·b for an f32 b (DWTimesFP1): relative error below 2u².
fn df_mul_f(a: vec2<f32>, b: f32) -> vec2<f32> {
  let p = df_two_prod(a.x, b);
  return df_fast_two_sum(p.x, p.y + a.y * b);
}

// a/b by long division with exact residuals: q₁ = a/b in f32, r = a − q₁·b in df32, q₂ = r/b,
// and once more, so the f32 quotients' own rounding (up to WGSL's 2.5 ulp) does not matter.
fn df_div(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let q1 = a.x / b.x;
  let r1 = df_sub(a, df_mul_f(b, q1));
  let q2 = r1.x / b.x;
  let r2 = df_sub(r1, df_mul_f(b, q2));
  let q3 = r2.x / b.x;
  let q = df_fast_two_sum(q1, q2);
  return df_add_f(q, q3);
}

// √a for a ≥ 0 (0 for a ≤ 0): an f32 root, then two Newton steps x + (a − x²)/(2x) with the
// residual in df32, so an inexact f32 sqrt is corrected too.
fn df_sqrt(a: vec2<f32>) -> vec2<f32> {
  if (a.x <= 0.0) {
    return vec2<f32>(0.0, 0.0);
  }
  let x0 = sqrt(a.x);
  let r0 = df_sub(a, df_two_prod(x0, x0));
  let x1 = df_add_f(df_from(x0), r0.x / (2.0 * x0));
  let r1 = df_sub(a, df_mul(x1, x1));
  return df_add_f(x1, r1.x / (2.0 * x1.x));
}

// The sign of a df32 value is its hi part's (lo never flips it); |hi| as an f32 magnitude.
fn df_magnitude(a: vec2<f32>) -> f32 {
  return abs(a.x);
}
