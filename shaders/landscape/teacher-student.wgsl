// Teacher–student ReLU network, f32: the landscape functions the descent kernel
// (descent.wgsl) calls. The same expressions, in the same order, as the float64 twin
// src/landscape/teacher-student.ts (model, closed form and references there). Externals:
// TS_K (teacher width = input dimension), TS_N (student width), DIM = TS_N·TS_K.
// atan is our own (WGSL's atan2 may err by 4096 ulp, SwiftShader's trig builtins by ~1e-4).

const PI_F: f32 = 3.141592653589793;
const HALF_PI_F: f32 = 1.5707963267948966;
const SQRT3_F: f32 = 1.7320508075688772;
// tan(π/12): above it atan(r) = π/6 + atan((√3 r − 1)/(√3 + r)), whose argument is at most 0.268.
const TAN_PI_12: f32 = 0.2679491924311227;
const PI_6: f32 = 0.5235987755982988;

var<private> unit_w: array<f32, DIM>;
var<private> norms: array<f32, TS_N>;
var<private> tail_sq: array<f32, TS_K + 1>;
var<private> coefficients: array<f32, TS_N>;

// atan(r) for r in [0, 1]: Taylor series to r¹⁵ after the reduction (next term < 2e-11).
fn atan_unit(r: f32) -> f32 {
  var y = r;
  var offset = 0.0;
  if (r > TAN_PI_12) {
    y = (SQRT3_F * r - 1.0) / (SQRT3_F + r);
    offset = PI_6;
  }
  let y2 = y * y;
  return offset + y * (1.0 - y2 * (1.0 / 3.0 - y2 * (1.0 / 5.0 - y2 * (1.0 / 7.0 - y2 * (1.0 / 9.0 -
    y2 * (1.0 / 11.0 - y2 * (1.0 / 13.0 - y2 / 15.0)))))));
}

// (θ, sin θ, cos θ) of two unit vectors from s = |a − b|², t = |a + b|².
fn angle(s: f32, t: f32) -> vec3<f32> {
  let a = sqrt(s);
  let b = sqrt(t);
  var half_angle = 0.0;
  if (a <= b) {
    if (b > 0.0) {
      half_angle = atan_unit(a / b);
    }
  } else {
    half_angle = HALF_PI_F - atan_unit(b / a);
  }
  let sum = s + t;
  if (sum > 0.0) {
    return vec3<f32>(2.0 * half_angle, 2.0 * sqrt(s * t) / sum, (t - s) / sum);
  }
  return vec3<f32>(2.0 * half_angle, 0.0, 0.0);
}

fn landscape_gradient() -> f32 {
  for (var j = 0u; j < TS_N; j++) {
    var squares = 0.0;
    for (var l = 0u; l < TS_K; l++) {
      squares += x[j * TS_K + l] * x[j * TS_K + l];
    }
    let norm = sqrt(squares);
    norms[j] = norm;
    for (var l = 0u; l < TS_K; l++) {
      unit_w[j * TS_K + l] = select(0.0, x[j * TS_K + l] / norm, norm > 0.0);
    }
  }
  var self_sum = 0.0;
  var pairs = 0.0;
  var teacher = 0.0;
  for (var j = 0u; j < TS_N; j++) {
    for (var l = 0u; l < TS_K; l++) {
      g[j * TS_K + l] = PI_F * x[j * TS_K + l];
    }
    self_sum += PI_F * norms[j] * norms[j];
    coefficients[j] = 0.0;
  }
  // Each unordered pair once (θ_jm = θ_mj), feeding both neurons, in the twin's order.
  for (var j = 0u; j < TS_N; j++) {
    for (var m = j + 1u; m < TS_N; m++) {
      var s = 0.0;
      var t = 0.0;
      for (var l = 0u; l < TS_K; l++) {
        let a = unit_w[j * TS_K + l];
        let b = unit_w[m * TS_K + l];
        s += (a - b) * (a - b);
        t += (a + b) * (a + b);
      }
      let trig = angle(s, t);
      let weight = PI_F - trig.x;
      coefficients[j] += norms[m] * trig.y;
      coefficients[m] += norms[j] * trig.y;
      for (var l = 0u; l < TS_K; l++) {
        g[j * TS_K + l] += weight * x[m * TS_K + l];
        g[m * TS_K + l] += weight * x[j * TS_K + l];
      }
      pairs += 2.0 * norms[j] * norms[m] * (trig.y + weight * trig.z);
    }
  }
  for (var j = 0u; j < TS_N; j++) {
    let row = j * TS_K;
    tail_sq[TS_K] = 0.0;
    for (var l = TS_K; l > 0u; l--) {
      tail_sq[l - 1u] = tail_sq[l] + unit_w[row + l - 1u] * unit_w[row + l - 1u];
    }
    var head = 0.0;
    var coefficient = coefficients[j];
    for (var i = 0u; i < TS_K; i++) {
      let a = unit_w[row + i];
      let others = head + tail_sq[i + 1u];
      let trig = angle(others + (a - 1.0) * (a - 1.0), others + (a + 1.0) * (a + 1.0));
      head += a * a;
      coefficient -= trig.y;
      g[row + i] -= PI_F - trig.x;
      teacher += norms[j] * (trig.y + (PI_F - trig.x) * trig.z);
    }
    for (var l = 0u; l < TS_K; l++) {
      g[row + l] = (g[row + l] + coefficient * unit_w[row + l]) / (2.0 * PI_F);
    }
  }
  let k = f32(TS_K);
  return (self_sum + pairs - 2.0 * teacher + k * PI_F + k * (k - 1.0)) / (4.0 * PI_F);
}

// Flat: the tangent space is everything and no retraction is needed.
fn landscape_tangent(vector: ptr<private, array<f32, DIM>>) {}

fn landscape_retract() {}
