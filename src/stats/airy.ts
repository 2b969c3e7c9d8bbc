// The Airy function Ai(x) in float64, for the Tracy–Widom determinant (tracy-widom.ts). No npm
// package provides it (@stdlib has no Airy function; checked with `npm view`), so it is built
// here from three textbook representations, each used where it is well conditioned
// (DLMF §9.2, §9.6; Abramowitz & Stegun 10.4):
//
// - |x| ≤ TAYLOR_RADIUS: the Maclaurin series. Ai solves y'' = x·y, so the coefficients of
//   y = Σ c_k (x − x₀)^k obey (k + 2)(k + 1)·c_{k+2} = x₀·c_k + c_{k−1}; at x₀ = 0 they start
//   from c₀ = Ai(0) = 3^(−2/3)/Γ(2/3), c₁ = Ai'(0) = −3^(−1/3)/Γ(1/3), c₂ = 0.
// - x < −TAYLOR_RADIUS: the same Taylor recurrence stepped from −TAYLOR_RADIUS leftwards in
//   steps of at most STEP (analytic continuation along the ODE). For x < 0 both Airy solutions
//   oscillate with bounded amplitude, so rounding errors grow only linearly with the distance.
// - x > TAYLOR_RADIUS: Ai(x) = (1/π)·√(x/3)·K_{1/3}(ζ), ζ = (2/3)·x^(3/2), with
//   K_ν(ζ) = ∫₀^∞ exp(−ζ·cosh t)·cosh(νt) dt by the trapezoidal rule, which converges
//   geometrically for this analytic, doubly-exponentially decaying integrand (Trefethen &
//   Weideman, SIAM Rev. 56 (2014)). Rightward stepping would be unstable (Bi grows).
//
// Accuracy: about 1e-14 relative for x ≥ −12 (tests/stats/airy.test.ts against mpmath).

/** Ai(0) = 3^(−2/3)/Γ(2/3) and Ai'(0) = −3^(−1/3)/Γ(1/3) (DLMF 9.2.3, 9.2.4). */
export const AIRY_AI_0 = 0.355_028_053_887_817_239_26;
export const AIRY_AI_PRIME_0 = -0.258_819_403_792_806_798_41;

const TAYLOR_RADIUS = 2;
const STEP = 0.25;
const TAYLOR_TERMS_MAX = 80;
const TRAPEZOID_STEP = 0.1;

/** Value and derivative at x₀ + h of the Airy solution with value y and slope dy at x₀. */
function taylorStep(x0: number, y: number, dy: number, h: number): [number, number] {
  // c_{k−1}, c_k, c_{k+1} slide along the recurrence (k + 2)(k + 1)c_{k+2} = x₀c_k + c_{k−1}.
  let cPrev = 0;
  let c = y;
  let cNext = dy;
  let value = y;
  let slope = 0;
  let power = 1;
  for (let k = 0; k < TAYLOR_TERMS_MAX; k++) {
    // Adds c_{k+1}·h^{k+1} to the value and (k + 1)·c_{k+1}·h^k to the slope.
    slope += (k + 1) * cNext * power;
    power *= h;
    const term = cNext * power;
    value += term;
    const cNextNext = (x0 * c + cPrev) / ((k + 2) * (k + 1));
    cPrev = c;
    c = cNext;
    cNext = cNextNext;
    if (k > 4 && Math.abs(term) < 1e-18 * Math.abs(value) && Math.abs(cNext * power) < 1e-18 * (Math.abs(value) + 1e-300)) break;
  }
  return [value, slope];
}

function airyAiIntegral(x: number): number {
  const zeta = (2 / 3) * x * Math.sqrt(x);
  // ∫₀^∞ exp(−ζ(cosh t − 1))·cosh(t/3) dt, the factor exp(−ζ) taken out so nothing underflows
  // before the end; the integrand is even in t, so the trapezoid starts at t = 0 with weight ½.
  let sum = 0.5;
  for (let j = 1; ; j++) {
    const t = j * TRAPEZOID_STEP;
    const exponent = zeta * (Math.cosh(t) - 1);
    if (exponent > 745) break;
    const term = Math.exp(-exponent) * Math.cosh(t / 3);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return (Math.sqrt(x / 3) / Math.PI) * TRAPEZOID_STEP * sum * Math.exp(-zeta);
}

/** The Airy function Ai(x) (DLMF §9.2). NaN for NaN. */
export function airyAi(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > TAYLOR_RADIUS) return airyAiIntegral(x);
  if (x >= -TAYLOR_RADIUS) return taylorStep(0, AIRY_AI_0, AIRY_AI_PRIME_0, x)[0];
  let [value, slope] = taylorStep(0, AIRY_AI_0, AIRY_AI_PRIME_0, -TAYLOR_RADIUS);
  let at = -TAYLOR_RADIUS;
  const steps = Math.ceil((at - x) / STEP);
  const h = (x - at) / steps;
  for (let i = 0; i < steps; i++) {
    [value, slope] = taylorStep(at, value, slope, h);
    at += h;
  }
  return value;
}
