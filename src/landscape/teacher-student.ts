// Teacher–student two-layer ReLU network (Safran & Shamir, "Spurious Local Minima are Common in
// Two-Layer ReLU Neural Networks", ICML 2018, arXiv 1712.08968), float64.
//
// Teacher f*(x) = Σᵢ relu(eᵢ·x), i = 1..k (orthonormal vᵢ = eᵢ in ℝᵏ, d = k); student
// f(x) = Σⱼ relu(wⱼ·x), j = 1..n, output weights fixed to 1; x ~ N(0, I_k). The point is
// W = (w₁, …, wₙ), row-major: coordinate j·k + l is (wⱼ)_l, so the dimension is n·k.
// Population loss L(W) = ½ E[(f − f*)²] in closed form from
//   g(a, b) = E[relu(a·x) relu(b·x)] = |a||b| (sin θ + (π − θ) cos θ) / (2π),  θ = ∠(a, b):
//   4π L = Σⱼ π|wⱼ|² + Σ_{j≠m} |wⱼ||w_m| (sin θ_jm + (π − θ_jm) cos θ_jm)
//          − 2 Σⱼᵢ |wⱼ| (sin θ_ji + (π − θ_ji) cos θ_ji) + kπ + k(k − 1).
// Gradient, with h(w, u) = ∇_w g(w, u) = (|u| sin θ ŵ + (π − θ) u) / (2π) (h(w, w) = w/2):
//   ∇_{wⱼ} L = Σ_m h(wⱼ, w_m) − Σᵢ h(wⱼ, eᵢ).
// Hessian, analytic (blocks of k×k; p = cos θ ŵ − û, q = cos θ û − ŵ, |p| = |q| = sin θ):
//   ∂h(w, u)/∂w = (|u| / |w|) [sin θ (I − ŵŵᵀ) + p pᵀ / sin θ] / (2π)
//   ∂h(w, u)/∂u = [sin θ ŵ ûᵀ + p qᵀ / sin θ + (π − θ) I] / (2π)
//   H_jj = I/2 + Σ_{m≠j} ∂h(wⱼ, w_m)/∂w − Σᵢ ∂h(wⱼ, eᵢ)/∂w,   H_jm = ∂h(wⱼ, w_m)/∂u.
// At θ = 0 or π (two aligned neurons, a neuron on a teacher direction — the global minimum)
// g is not C³ but it is C²: every term with 1/sin θ is O(sin θ), so the Hessian is continuous
// and its value there is the limit, 0 for those terms. The analytic form evaluates it exactly
// there (where finite differences of the gradient would straddle a kink of the Hessian), so
// the sign of λ_min is decided to float64 rounding, ~1e-15·‖H‖.
//
// Angles come from s = |ŵ − û|², t = |ŵ + û|² (θ = 2·atan2(√s, √t), sin θ = 2√(st)/(s + t),
// cos θ = (t − s)/(s + t)) rather than acos(ŵ·û), which loses half the digits near θ = 0;
// for û = eᵢ, |ŵ − eᵢ|² = Σ_{l≠i} ŵ_l² + (ŵᵢ − 1)² with the sum from prefix and suffix sums.
// The WGSL twin (shaders/landscape/teacher-student.wgsl) computes the same expressions in f32.
//
// Starts (the paper's Xavier initialisation): wⱼ ~ N(0, I/k), from Philox (streams.ts).

import type { Landscape } from './landscape.ts';
import { LANDSCAPE_CODE, landscapeStreamTag, runNormals } from './streams.ts';
import { packedIndex, packedLength } from '../cpu/pivots.ts';
import { atan2 } from '../stats/portable-math.ts';

/** Largest teacher width and student width the lab runs (the GPU keeps 4·n·k f32 per run in private memory). */
export const TS_K_MAX = 24;
export const TS_N_MAX = 48;

export interface TeacherStudentSize {
  /** Teacher neurons = input dimension d. */
  k: number;
  /** Student neurons. */
  n: number;
}

const PI = Math.PI;

export function teacherStudentStreamTag({ k, n }: TeacherStudentSize): number {
  return landscapeStreamTag(LANDSCAPE_CODE['teacher-student'], (k << 12) | n);
}

/** θ, sin θ, cos θ of two unit vectors from s = |a − b|², t = |a + b|². */
function angle(s: number, t: number, out: Float64Array): void {
  const sum = s + t;
  out[0] = 2 * atan2(Math.sqrt(s), Math.sqrt(t)); // portable: V8 builds differ in Math.atan2's last bit
  out[1] = sum > 0 ? (2 * Math.sqrt(s * t)) / sum : 0;
  out[2] = sum > 0 ? (t - s) / sum : 0;
}

export function createTeacherStudent(size: TeacherStudentSize): Landscape {
  const { k, n } = size;
  if (!Number.isInteger(k) || k < 1 || k > TS_K_MAX) throw new RangeError(`teacher width k ${k} outside 1..${TS_K_MAX}`);
  if (!Number.isInteger(n) || n < 1 || n > TS_N_MAX) throw new RangeError(`student width n ${n} outside 1..${TS_N_MAX}`);
  const dimension = n * k;
  const tag = teacherStudentStreamTag(size);
  const norms = new Float64Array(n);
  const unit = new Float64Array(dimension);
  const tail = new Float64Array(k + 1);
  const trig = new Float64Array(3);
  const scratch = new Float64Array(dimension);
  const coefficients = new Float64Array(n);

  function normalize(x: Float64Array): void {
    for (let j = 0; j < n; j++) {
      let squares = 0;
      for (let l = 0; l < k; l++) squares += x[j * k + l] * x[j * k + l];
      const norm = Math.sqrt(squares);
      norms[j] = norm;
      for (let l = 0; l < k; l++) unit[j * k + l] = norm > 0 ? x[j * k + l] / norm : 0;
    }
  }

  function pairAngle(j: number, m: number): void {
    let s = 0;
    let t = 0;
    for (let l = 0; l < k; l++) {
      const a = unit[j * k + l];
      const b = unit[m * k + l];
      s += (a - b) * (a - b);
      t += (a + b) * (a + b);
    }
    angle(s, t, trig);
  }

  /** Fills tail[l] = Σ_{l' ≥ l} ŵⱼ_{l'}² for neuron j. */
  function tails(j: number): void {
    tail[k] = 0;
    for (let l = k - 1; l >= 0; l--) tail[l] = tail[l + 1] + unit[j * k + l] * unit[j * k + l];
  }

  /**
   * Each unordered pair of student neurons is visited once (θ_jm = θ_mj) and feeds both
   * neurons' gradients; the WGSL twin visits them in the same order.
   */
  function gradient(x: Float64Array, out: Float64Array): number {
    normalize(x);
    let self = 0;
    let pairs = 0;
    let teacher = 0;
    for (let j = 0; j < n; j++) {
      for (let l = 0; l < k; l++) out[j * k + l] = PI * x[j * k + l];
      self += PI * norms[j] * norms[j];
      coefficients[j] = 0;
    }
    for (let j = 0; j < n; j++) {
      for (let m = j + 1; m < n; m++) {
        pairAngle(j, m);
        const [theta, sin, cos] = trig;
        const weight = PI - theta;
        coefficients[j] += norms[m] * sin;
        coefficients[m] += norms[j] * sin;
        for (let l = 0; l < k; l++) {
          out[j * k + l] += weight * x[m * k + l];
          out[m * k + l] += weight * x[j * k + l];
        }
        pairs += 2 * norms[j] * norms[m] * (sin + weight * cos);
      }
    }
    for (let j = 0; j < n; j++) {
      const row = j * k;
      tails(j);
      let head = 0;
      let coefficient = coefficients[j];
      for (let i = 0; i < k; i++) {
        const a = unit[row + i];
        const others = head + tail[i + 1];
        angle(others + (a - 1) * (a - 1), others + (a + 1) * (a + 1), trig);
        head += a * a;
        const [theta, sin, cos] = trig;
        coefficient -= sin;
        out[row + i] -= PI - theta;
        teacher += norms[j] * (sin + (PI - theta) * cos);
      }
      for (let l = 0; l < k; l++) out[row + l] = (out[row + l] + coefficient * unit[row + l]) / (2 * PI);
    }
    return (self + pairs - 2 * teacher + k * PI + k * (k - 1)) / (4 * PI);
  }

  /** Adds c·[sin θ (I − ŵŵᵀ) + p pᵀ / sin θ] to the block (j, j) of the full matrix `h`, p = cos θ ŵⱼ − û. */
  function addSelfCurvature(h: Float64Array, j: number, u: Float64Array, uAt: number, c: number, sin: number, cos: number): void {
    const row = j * k;
    const p = scratch;
    for (let l = 0; l < k; l++) p[l] = cos * unit[row + l] - u[uAt + l];
    const rankOne = sin > 1e-300 ? 1 / sin : 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        const identity = a === b ? 1 : 0;
        h[(row + a) * dimension + row + b] += c * (sin * (identity - unit[row + a] * unit[row + b]) + p[a] * p[b] * rankOne);
      }
    }
  }

  function hessian(x: Float64Array): Float64Array {
    normalize(x);
    const h = new Float64Array(dimension * dimension);
    const basis = new Float64Array(k);
    const scale = 1 / (2 * PI);
    for (let j = 0; j < n; j++) {
      const row = j * k;
      for (let l = 0; l < k; l++) h[(row + l) * dimension + row + l] += 0.5;
      for (let m = 0; m < n; m++) {
        if (m === j) continue;
        pairAngle(j, m);
        const [theta, sin, cos] = trig;
        if (norms[j] > 0) addSelfCurvature(h, j, unit, m * k, (scale * norms[m]) / norms[j], sin, cos);
        // Cross block ∂h(wⱼ, w_m)/∂w_m.
        const col = m * k;
        const rankOne = sin > 1e-300 ? 1 / sin : 0;
        for (let a = 0; a < k; a++) {
          const pa = cos * unit[row + a] - unit[col + a];
          for (let b = 0; b < k; b++) {
            const qb = cos * unit[col + b] - unit[row + b];
            const identity = a === b ? PI - theta : 0;
            h[(row + a) * dimension + col + b] += scale * (sin * unit[row + a] * unit[col + b] + pa * qb * rankOne + identity);
          }
        }
      }
      tails(j);
      let head = 0;
      for (let i = 0; i < k; i++) {
        const a = unit[row + i];
        const others = head + tail[i + 1];
        angle(others + (a - 1) * (a - 1), others + (a + 1) * (a + 1), trig);
        head += a * a;
        basis.fill(0);
        basis[i] = 1;
        if (norms[j] > 0) addSelfCurvature(h, j, basis, 0, -scale / norms[j], trig[1], trig[2]);
      }
    }
    const packed = new Float64Array(packedLength(dimension));
    for (let a = 0; a < dimension; a++) {
      // The blocks are symmetric up to rounding; the packed form keeps their average.
      for (let b = 0; b <= a; b++) packed[packedIndex(a, b)] = 0.5 * (h[a * dimension + b] + h[b * dimension + a]);
    }
    return packed;
  }

  const landscape: Landscape = {
    id: 'teacher-student',
    dimension,
    loss: (x) => gradient(x, new Float64Array(dimension)),
    gradient,
    hessian,
    classificationHessian: (x) => ({ packed: hessian(x), size: dimension }),
    start(seed, run) {
      const z = runNormals(seed, run, tag, dimension);
      const start = new Float64Array(dimension);
      const sd = 1 / Math.sqrt(k);
      for (let i = 0; i < dimension; i++) start[i] = z[i] * sd;
      return start;
    },
    kernel: { shader: 'teacher-student', constants: { TS_K: k, TS_N: n } },
  };
  return landscape;
}

/** The teacher's own weights W = V (n = k): the global minimum, L = 0. */
export function teacherPoint(k: number): Float64Array {
  const x = new Float64Array(k * k);
  for (let i = 0; i < k; i++) x[i * k + i] = 1;
  return x;
}
