import { describe, expect, it } from 'vitest';
import table from '../../data/exact-goe.json';
import {
  decimalWithDigits,
  digitsAgreed,
  erfc,
  goeProbMinimum,
  pfaffian,
} from '../../src/stats/exact-pfaffian.ts';
import { EXACT_N_MAX as CONFIG_EXACT_N_MAX } from '../../src/config.ts';
import { EXACT_N_MAX, EXACT_SHIFTED_N_MAX, EXACT_SHIFTS, exactPMin } from '../../src/stats/exact-table.ts';

const D = decimalWithDigits(80);

// Upper normal tail Φ̄(x) = ∫_x^∞ φ in float64 by composite Simpson on [|x|, |x| + 40] with one
// Richardson step (independent of the decimal erfc under test; error below 1e-15).
function normalTail(x: number): number {
  if (x < 0) return 1 - normalTail(-x);
  const phi = (t: number) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
  const simpson = (steps: number) => {
    const h = 40 / steps;
    let sum = phi(x) + phi(x + 40);
    for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * phi(x + i * h);
    return (sum * h) / 3;
  };
  const coarse = simpson(4000);
  const fine = simpson(8000);
  return fine + (fine - coarse) / 15;
}

// N = 1: λ ~ N(0, 2), so P(λ > c) = Φ̄(c/√2).
// N = 2: λ_min = u − r with u = (a + d)/2 ~ N(0, 1) and r = √(((a − d)/2)² + b²) Rayleigh(1),
// independent; P(u − r > c) = ∫_0^∞ r e^{−r²/2} Φ̄(c + r) dr = Φ̄(c) − e^{−c²/4} Φ̄(c/√2)/√2
// (integrate by parts, then complete the square).
function closedFormP1(c: number): number {
  return normalTail(c / Math.SQRT2);
}
function closedFormP2(c: number): number {
  return normalTail(c) - (Math.exp(-c * c / 4) * normalTail(c / Math.SQRT2)) / Math.SQRT2;
}

// N = 3 by nested Simpson over the ordered region c < x < y < z < c + 16 of
// 3!·(y − x)(z − x)(z − y)·e^{−(x²+y²+z²)/4} / Z_3, Z_3 = 2^3·(2π)^{3/2}·(2/√π)·(3/2) = 48√2·π,
// with one Richardson step (Simpson's error is O(h⁴); 64 and 128 steps give ~2e-7 relative).
function quadratureP3(c: number): number {
  const top = c + 16;
  const w = (t: number) => Math.exp(-t * t / 4);
  const integrate = (steps: number) => {
    const simpson = (a: number, b: number, f: (t: number) => number) => {
      if (b <= a) return 0;
      const h = (b - a) / steps;
      let s = f(a) + f(b);
      for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
      return (s * h) / 3;
    };
    return simpson(c, top, (x) =>
      simpson(x, top, (y) => simpson(y, top, (z) => (y - x) * (z - x) * (z - y) * w(z)) * w(y)) * w(x),
    );
  };
  const coarse = integrate(64);
  const fine = integrate(128);
  return (6 * (fine + (fine - coarse) / 15)) / (48 * Math.SQRT2 * Math.PI);
}

function tableRow(n: number, s: number) {
  return table.shifted.rows.find((r) => r.n === n && Math.abs(r.s - s) < 1e-9);
}

describe('exact P(GOE_N positive definite) by de Bruijn\'s Pfaffian', () => {
  it('gives P_1 = 1/2 and P_2 = (2 − √2)/4 to 70 digits', () => {
    expect(digitsAgreed(goeProbMinimum(D, 1), new D(0.5), 80)).toBeGreaterThanOrEqual(70);
    const p2 = new D(2).minus(new D(2).sqrt()).div(4);
    expect(digitsAgreed(goeProbMinimum(D, 2), p2, 80)).toBeGreaterThanOrEqual(70);
  });

  it('reproduces the committed table for N = 1..6 and 12 to every digit written', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 12]) {
      const row = table.unshifted.find((r) => r.n === n)!;
      const written = new D(row.p);
      const sigDigits = row.p.split('e')[0].replace(/[.-]/g, '').length;
      expect(sigDigits).toBeGreaterThanOrEqual(15);
      // The written value is the fresh value rounded to sigDigits: they agree to ≥ sigDigits − 1.
      expect(digitsAgreed(written, goeProbMinimum(D, n), 80)).toBeGreaterThanOrEqual(sigDigits - 1);
    }
  });

  it('reproduces committed shifted rows for N = 6 and 12', () => {
    for (const [n, s] of [[12, -0.5], [12, 0.5], [6, 1.5], [6, -0.25]]) {
      const row = tableRow(n, s)!;
      const sigDigits = row.p.split('e')[0].replace(/[.-]/g, '').length;
      expect(sigDigits).toBeGreaterThanOrEqual(15);
      expect(digitsAgreed(new D(row.p), goeProbMinimum(D, n, s), 80)).toBeGreaterThanOrEqual(sigDigits - 1);
    }
  });

  it('matches float64 closed forms for the shifted N = 1 and N = 2 (Φ̄ by quadrature)', () => {
    for (const s of [-0.5, -0.2, 0.25, 0.7, 1.3]) {
      const c1 = -2 * s;
      const c2 = -2 * s * Math.SQRT2;
      expect(goeProbMinimum(D, 1, s).toNumber()).toBeCloseTo(closedFormP1(c1), 13);
      expect(goeProbMinimum(D, 2, s).toNumber()).toBeCloseTo(closedFormP2(c2), 13);
    }
  });

  it('matches a float64 triple quadrature for the shifted N = 3 (odd, bordered Pfaffian)', () => {
    for (const s of [0, 0.3, -0.2]) {
      const exact = goeProbMinimum(D, 3, s).toNumber();
      expect(Math.abs(exact - quadratureP3(-2 * s * Math.sqrt(3))) / exact).toBeLessThan(1e-6);
    }
  });

  it('computes erfc against known values (A&S table 7.1)', () => {
    expect(erfc(D, 0).toNumber()).toBe(1);
    expect(erfc(D, 1).toNumber()).toBeCloseTo(0.157299207050285, 15);
    expect(erfc(D, -2).toNumber()).toBeCloseTo(1.995322265018953, 15);
    expect(erfc(D, 5).toNumber() / 1.5374597944280349e-12).toBeCloseTo(1, 14);
  });

  it('takes the Pfaffian of a 4×4 skew matrix as a12·a34 − a13·a24 + a14·a23', () => {
    const [a12, a13, a14, a23, a24, a34] = [2, -3, 5, 7, 11, -13].map((v) => new D(v));
    const A = [
      [new D(0), a12, a13, a14],
      [a12.neg(), new D(0), a23, a24],
      [a13.neg(), a23.neg(), new D(0), a34],
      [a14.neg(), a24.neg(), a34.neg(), new D(0)],
    ];
    expect(pfaffian(D, A).toNumber()).toBe(2 * -13 - -3 * 11 + 5 * 7);
  });
});

describe('the committed exact table', () => {
  it('covers N = 1..100 at s = 0 with at least 15 agreed digits and log10p consistent with p', () => {
    expect(table.unshifted.map((r) => r.n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const r of table.unshifted) {
      expect(r.digits_agreed).toBeGreaterThanOrEqual(15);
      expect(new D(r.p).log(10).toNumber()).toBeCloseTo(r.log10p, 12);
    }
  });

  it('falls with N at s = 0 and rises with s at every N (c = −2s√N moves left)', () => {
    const logs = table.unshifted.map((r) => r.log10p);
    for (let i = 1; i < logs.length; i++) expect(logs[i]).toBeLessThan(logs[i - 1]);
    for (let n = 1; n <= EXACT_SHIFTED_N_MAX; n++) {
      const rows = table.shifted.rows.filter((r) => r.n === n).sort((x, y) => x.s - y.s);
      expect(rows.length).toBe(EXACT_SHIFTS.length);
      for (let i = 1; i < rows.length; i++) expect(rows[i].log10p).toBeGreaterThanOrEqual(rows[i - 1].log10p);
      for (const r of rows) expect(r.digits_agreed).toBeGreaterThanOrEqual(15);
    }
  });

  it('holds the issue\'s reference magnitudes: P_8 ≈ 9.7e-10, P_10 ≈ 2e-14, P_40 ≈ 2.6e-198', () => {
    expect(exactPMin(8)!.p).toBeCloseTo(9.6945e-10, 13);
    expect(exactPMin(10)!.log10P).toBeCloseTo(Math.log10(2.2657e-14), 4);
    expect(exactPMin(40)!.log10P).toBeCloseTo(Math.log10(2.5666e-198), 4);
  });

  it('agrees with the N = 1, 2 closed forms at shifted grid points', () => {
    for (const s of [-0.5, 0.25, 1.5]) {
      expect(tableRow(1, s)).toBeDefined();
      expect(exactPMin(1, s)!.p).toBeCloseTo(closedFormP1(-2 * s), 13);
      expect(exactPMin(2, s)!.p).toBeCloseTo(closedFormP2(-2 * s * Math.SQRT2), 13);
    }
  });
});

describe('exactPMin', () => {
  it('reads shift 0 up to EXACT_N_MAX and returns the shifted grid row elsewhere', () => {
    expect(EXACT_N_MAX).toBe(100);
    expect(EXACT_N_MAX).toBe(CONFIG_EXACT_N_MAX); // the limit the CLI and page validate against
    expect(exactPMin(100)!.log10P).toBeLessThan(-1000);
    expect(exactPMin(100)!.p).toBe(0); // underflows a double; log10P carries it
    expect(exactPMin(5, 0)!.log10P).toBeCloseTo(tableRow(5, 0)!.log10p, 12);
    expect(exactPMin(5, 0.35)!.log10P).toBe(tableRow(5, 0.35)!.log10p);
    expect(exactPMin(5, 0.35 + 1e-12)).toEqual(exactPMin(5, 0.35));
  });

  it('returns undefined off the grid, beyond the tabulated N and for a non-integer N', () => {
    expect(exactPMin(5, 0.33)).toBeUndefined();
    expect(exactPMin(101)).toBeUndefined();
    expect(exactPMin(EXACT_SHIFTED_N_MAX + 1, 0.5)).toBeUndefined();
    expect(exactPMin(2.5)).toBeUndefined();
    expect(exactPMin(0)).toBeUndefined();
  });
});
