/**
 * Exact P(λ_min(GOE_N) > c) in arbitrary precision (decimal.js), by de Bruijn's Pfaffian.
 *
 * Normalization (DESIGN.md §1): off-diagonal N(0, 1), diagonal N(0, 2). The unordered
 * eigenvalue density is |Δ(λ)|·∏ w(λ_i) / Z_N with w(x) = exp(−x²/4) and (Mehta, Random
 * Matrices, eq. 17.6.7, rescaled x = √2·u from the weight exp(−u²/2))
 *
 *   Z_N = 2^{N(N+1)/4} · (2π)^{N/2} · ∏_{j=1}^{N} Γ(1 + j/2) / Γ(3/2).
 *
 * On the ordered region c < x_1 < … < x_N, |Δ| = det[x_i^{j}] (j = 0..N−1), so
 *
 *   P_N(c) = P(all λ_i > c) = N! · ∫_{c<x_1<…<x_N} det[x_i^{j} w(x_i)] dx / Z_N
 *          = N! · Pf(A) / Z_N,
 *
 * by de Bruijn's integration formula (N. G. de Bruijn, J. Indian Math. Soc. 19, 133, 1955):
 * A_{jk} = ∫∫_{[c,∞)²} sign(y − x)·φ_j(x)·φ_k(y) dx dy with φ_j(x) = x^j w(x); for odd N the
 * matrix is bordered by A_{j,N} = ∫_c^∞ φ_j = m_j (and A_{N,j} = −m_j). This is the route of
 * Dean & Majumdar (PRL 97, 160201, 2006; PRE 77, 041108, 2008), whose large-N limit is
 * ln P_N(0) ≈ −(ln 3/4)·N².
 *
 * Closed forms. With m_j = ∫_c^∞ x^j w, q_j = ∫_c^∞ x^j w², F_j(x) = ∫_c^x t^j w(t) dt and
 * I_{jk} = ∫_c^∞ x^k w(x) F_j(x) dx, splitting sign(y − x) gives
 *
 *   A_{jk} = 2·I_{jk} − m_j·m_k.
 *
 * Integration by parts with x·w = −2w′ (and 0⁰ = 1) gives the recursions
 *
 *   m_0 = √π·erfc(c/2),          m_1 = 2w(c),     m_{j+1} = 2c^j w(c) + 2j·m_{j−1},
 *   q_0 = √(π/2)·erfc(c/√2),     q_1 = w(c)²,     q_{j+1} = c^j w(c)² + j·q_{j−1},
 *   I_{0,0} = m_0²/2,            I_{0,1} = 2q_0,  I_{0,k+1} = 2k·I_{0,k−1} + 2q_k,
 *   I_{1,k} = 2w(c)·m_k − 2q_k,  I_{j+1,k} = 2j·I_{j−1,k} − 2q_{j+k} + 2c^j w(c)·m_k.
 *
 * The monomial basis is ill-conditioned and the recursions subtract, so digits are lost
 * (a few hundred at N = 100); callers run two working precisions and keep the digits that
 * agree. The Pfaffian uses skew-symmetric Gaussian elimination with partial pivoting
 * (M. Wimmer, ACM TOMS 38, 30, 2012, "pfaffian_LTL").
 *
 * Shift: for H + s·R·I with R = 2√N, λ_min(H + sRI) > 0 ⇔ λ_min(H) > c = −2s√N.
 */

import Decimal from 'decimal.js';

export type DecimalCtor = Decimal.Constructor;

/**
 * decimal.js keeps π to about 1025 digits and fails above that; erfc adds up to ~150 guard
 * digits for the cutoffs of the shift grid (|c| ≤ 30), so working precisions stop here.
 */
export const MAX_WORKING_DIGITS = 850;

/** A decimal.js constructor with its own working precision (significant digits). */
export function decimalWithDigits(digits: number): DecimalCtor {
  if (!Number.isInteger(digits) || digits < 20 || digits > MAX_WORKING_DIGITS) {
    throw new RangeError(
      `invalid digits: ${digits} (must be an integer in [20, ${MAX_WORKING_DIGITS}])`,
    );
  }
  return Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

/** π at the constructor's precision (acos(−1) reads decimal.js's stored digits). */
export function piOf(D: DecimalCtor): Decimal {
  return new D(-1).acos();
}

/**
 * erfc(z) in the constructor's precision. Uses the positive-term series
 * erf(z) = (2/√π)·e^{−z²}·Σ_{n≥0} 2^n z^{2n+1} / (1·3·…·(2n+1))  (Abramowitz & Stegun 7.1.6),
 * which has no cancellation; erfc = 1 − erf for z ≥ 0 loses about z²/ln 10 digits, so that
 * branch works with that many guard digits.
 */
export function erfc(D: DecimalCtor, zIn: Decimal.Value): Decimal {
  const z = new D(zIn);
  const z2 = z.times(z).toNumber();
  const guardDigits = 10 + Math.ceil(z2 / Math.LN10);
  const W = D.clone({ precision: D.precision + guardDigits });
  const a = new W(z).abs();
  const twoA2 = a.times(a).times(2);
  let term = a;
  let sum = a;
  const tiny = new W(10).pow(-(W.precision + 2));
  for (let n = 1; ; n++) {
    term = term.times(twoA2).div(2 * n + 1);
    sum = sum.plus(term);
    if (n > z2 && term.lte(sum.times(tiny))) break;
  }
  const erfAbs = sum.times(a.times(a).neg().exp()).times(2).div(piOf(W).sqrt());
  const result = z.isNegative() ? erfAbs.plus(1) : new W(1).minus(erfAbs);
  return new D(result);
}

/** Z_N, the full-line normalization in the header (Mehta 17.6.7 rescaled to w = e^{−x²/4}). */
export function goeNormalization(D: DecimalCtor, n: number): Decimal {
  const pi = piOf(D);
  const gamma32 = pi.sqrt().div(2);
  // Γ(1 + j/2) by Γ(x + 1) = xΓ(x) along integers (Γ(1) = 1) and half-integers (Γ(3/2)).
  let gammaInt = new D(1); // Γ(1 + j/2) for even j
  let gammaHalf = gamma32; // Γ(1 + j/2) for odd j
  let product = new D(1);
  for (let j = 1; j <= n; j++) {
    if (j % 2 === 1) {
      if (j > 1) gammaHalf = gammaHalf.times(new D(j).div(2));
      product = product.times(gammaHalf);
    } else {
      gammaInt = gammaInt.times(j / 2);
      product = product.times(gammaInt);
    }
    product = product.div(gamma32);
  }
  return new D(2).pow(new D(n * (n + 1)).div(4)).times(pi.times(2).pow(new D(n).div(2))).times(product);
}

/**
 * The de Bruijn matrix for N eigenvalues above c: size N (even N) or N + 1 (odd N, bordered
 * by the moments m_j). Full storage, A[j][k] = −A[k][j].
 */
export function deBruijnMatrix(D: DecimalCtor, n: number, cIn: Decimal.Value): Decimal[][] {
  const c = new D(cIn);
  const pi = piOf(D);
  const wc = c.times(c).div(-4).exp();
  const wc2 = wc.times(wc);
  const maxPower = 2 * n; // q_j is needed up to j = 2N − 2, m and c^j up to N.
  const cPow: Decimal[] = [new D(1)];
  for (let j = 1; j <= maxPower; j++) cPow.push(cPow[j - 1].times(c));

  const m: Decimal[] = [pi.sqrt().times(erfc(D, c.div(2))), wc.times(2)];
  for (let j = 1; j < n; j++) m.push(cPow[j].times(wc).times(2).plus(m[j - 1].times(2 * j)));
  const q: Decimal[] = [pi.div(2).sqrt().times(erfc(D, c.div(new D(2).sqrt()))), wc2];
  for (let j = 1; j < maxPower; j++) q.push(cPow[j].times(wc2).plus(q[j - 1].times(j)));

  // I[j][k] for j, k < N by the recursions in the header.
  const I: Decimal[][] = [];
  const row0: Decimal[] = [m[0].times(m[0]).div(2), q[0].times(2)];
  for (let k = 1; k + 1 < n; k++) row0.push(row0[k - 1].times(2 * k).plus(q[k].times(2)));
  I.push(row0);
  if (n > 1) I.push(m.slice(0, n).map((mk, k) => wc.times(2).times(mk).minus(q[k].times(2))));
  for (let j = 1; j + 1 < n; j++) {
    const next: Decimal[] = [];
    for (let k = 0; k < n; k++) {
      next.push(
        I[j - 1][k]
          .times(2 * j)
          .minus(q[j + k].times(2))
          .plus(cPow[j].times(wc).times(m[k]).times(2)),
      );
    }
    I.push(next);
  }

  const size = n % 2 === 0 ? n : n + 1;
  const zero = new D(0);
  const A: Decimal[][] = Array.from({ length: size }, () => new Array<Decimal>(size).fill(zero));
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++) {
      const a = I[j][k].times(2).minus(m[j].times(m[k]));
      A[j][k] = a;
      A[k][j] = a.neg();
    }
  }
  if (size > n) {
    for (let j = 0; j < n; j++) {
      A[j][n] = m[j];
      A[n][j] = m[j].neg();
    }
  }
  return A;
}

/**
 * Pfaffian of a skew-symmetric matrix (even size) by Gaussian elimination with partial
 * pivoting, Pf(A)² = det(A) (Wimmer 2012, pfaffian_LTL). Destroys A.
 */
export function pfaffian(D: DecimalCtor, A: Decimal[][]): Decimal {
  const size = A.length;
  if (size % 2 !== 0) throw new RangeError(`invalid matrix size: ${size} (a Pfaffian needs an even size)`);
  let pf = new D(1);
  for (let k = 0; k < size - 1; k += 2) {
    let kp = k + 1;
    for (let j = k + 2; j < size; j++) if (A[k][j].abs().gt(A[k][kp].abs())) kp = j;
    if (kp !== k + 1) {
      [A[k + 1], A[kp]] = [A[kp], A[k + 1]];
      for (const row of A) [row[k + 1], row[kp]] = [row[kp], row[k + 1]];
      pf = pf.neg();
    }
    const pivot = A[k][k + 1];
    if (pivot.isZero()) return new D(0);
    pf = pf.times(pivot);
    const tau: Decimal[] = [];
    for (let i = k + 2; i < size; i++) tau[i] = A[k][i].div(pivot);
    const r = A[k + 1];
    // A[i][j] += tau_i·A[j][k+1] − A[i][k+1]·tau_j on the trailing block (upper half, then mirror).
    for (let i = k + 2; i < size; i++) {
      const rowI = A[i];
      for (let j = i + 1; j < size; j++) {
        const updated = rowI[j].minus(tau[i].times(r[j])).plus(r[i].times(tau[j]));
        rowI[j] = updated;
        A[j][i] = updated.neg();
      }
    }
  }
  return pf;
}

/** N! as a Decimal. */
function factorial(D: DecimalCtor, n: number): Decimal {
  let f = new D(1);
  for (let i = 2; i <= n; i++) f = f.times(i);
  return f;
}

/** P(λ_min(GOE_N) > c) = N!·Pf(A(c)) / Z_N in the constructor's precision. */
export function goeProbAllAbove(D: DecimalCtor, n: number, c: Decimal.Value): Decimal {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (must be an integer ≥ 1)`);
  const pf = pfaffian(D, deBruijnMatrix(D, n, c));
  return factorial(D, n).times(pf).div(goeNormalization(D, n));
}

/** The cutoff c = −s·R = −2s√N for the shifted matrix H + s·R·I. */
export function cutoffForShift(D: DecimalCtor, n: number, shift: Decimal.Value): Decimal {
  return new D(shift).times(new D(n).sqrt()).times(-2);
}

/** P(H + s·R·I positive definite), H ~ GOE_N, R = 2√N. */
export function goeProbMinimum(D: DecimalCtor, n: number, shift: Decimal.Value = 0): Decimal {
  return goeProbAllAbove(D, n, cutoffForShift(D, n, shift));
}

/**
 * Significant digits on which two evaluations agree: ⌊−log10(|a − b| / |b|)⌋, capped at
 * `cap` (identical values, or agreement past the lower working precision, give the cap).
 */
export function digitsAgreed(a: Decimal, b: Decimal, cap: number): number {
  if (b.isZero()) return a.isZero() ? cap : 0;
  const diff = a.minus(b).abs();
  if (diff.isZero()) return cap;
  const rel = diff.div(b.abs());
  const d = Math.floor(-rel.log(10).toNumber());
  return Math.max(0, Math.min(cap, d));
}
