// Gauss–Legendre quadrature nodes and weights on [a, b], float64: the nodes are the roots of
// the Legendre polynomial P_m, found by Newton's method from Tricomi's initial guess
// cos(π(i − ¼)/(m + ½)), with P_m and P'_m from the three-term recurrence
// (k + 1)P_{k+1} = (2k + 1)x·P_k − k·P_{k−1}; the weights are 2/((1 − x²)P'_m(x)²)
// (Golub & Welsch, Math. Comp. 23 (1969); Press et al., Numerical Recipes §4.6).
// The rule integrates polynomials of degree ≤ 2m − 1 exactly.

export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

function legendreRule(m: number): QuadratureRule {
  const hit = cache.get(m);
  if (hit) return hit;
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let i = 0; i < Math.ceil(m / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 1; k < m; k++) {
        const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      // P'_m(x) = m(x·P_m − P_{m−1})/(x² − 1).
      derivative = (m * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[m - 1 - i] = x;
    weights[i] = w;
    weights[m - 1 - i] = w;
  }
  const rule = { nodes, weights };
  cache.set(m, rule);
  return rule;
}

/** The m-point Gauss–Legendre rule mapped to [a, b] (nodes ascending). */
export function gaussLegendre(m: number, a: number, b: number): QuadratureRule {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`invalid m: ${m} (must be an integer ≥ 1)`);
  const { nodes, weights } = legendreRule(m);
  const half = (b - a) / 2;
  const middle = (a + b) / 2;
  return {
    nodes: nodes.map((x) => middle + half * x),
    weights: weights.map((w) => half * w),
  };
}

/** ∫_a^b f by the m-point rule. */
export function integrate(f: (x: number) => number, a: number, b: number, m: number): number {
  const { nodes, weights } = gaussLegendre(m, a, b);
  let sum = 0;
  for (let i = 0; i < m; i++) sum += weights[i]! * f(nodes[i]!);
  return sum;
}
