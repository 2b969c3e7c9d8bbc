import { describe, expect, it } from 'vitest';
import {
  energyDirect,
  energyFromGradient,
  gradient,
  hessian,
  pspinCoupling,
  tangentGradient,
  tangentHessian,
} from '../../../src/landscape/pspin/model.ts';
import { pspinDisorder, pspinStart } from '../../../src/landscape/pspin/streams.ts';

const N = 7;
const H_STEP = 1e-4;

function setup(p: number) {
  const j = pspinDisorder(11, p, N, 2);
  return { j, c: pspinCoupling(p, N, j), sigma: pspinStart(11, p, N, 2, 5) };
}

/** A unit tangent direction at σ from a fixed non-random vector. */
function unitTangent(sigma: Float64Array, salt: number): Float64Array {
  const xi = sigma.map((_, i) => Math.sin(1 + salt * (i + 1)));
  const r = xi.reduce((s, v, i) => s + v * sigma[i], 0) / N;
  for (let i = 0; i < N; i++) xi[i] -= r * sigma[i];
  const norm = Math.hypot(...xi);
  return xi.map((v) => v / norm);
}

describe.each([2, 3])('spherical %i-spin model in float64', (p) => {
  it('has a gradient equal to central differences of H summed directly over J', () => {
    const { j, c, sigma } = setup(p);
    const g = gradient(c, sigma);
    for (let k = 0; k < N; k++) {
      const plus = Float64Array.from(sigma);
      const minus = Float64Array.from(sigma);
      plus[k] += H_STEP;
      minus[k] -= H_STEP;
      const fd = (energyDirect(p, N, j, plus) - energyDirect(p, N, j, minus)) / (2 * H_STEP);
      expect(Math.abs(g[k] - fd)).toBeLessThan(1e-7);
    }
  });

  it('has a symmetric Hessian equal to central differences of the gradient', () => {
    const { c, sigma } = setup(p);
    const h = hessian(c, sigma);
    for (let l = 0; l < N; l++) {
      const plus = Float64Array.from(sigma);
      const minus = Float64Array.from(sigma);
      plus[l] += H_STEP;
      minus[l] -= H_STEP;
      const gp = gradient(c, plus);
      const gm = gradient(c, minus);
      for (let k = 0; k < N; k++) {
        expect(Math.abs(h[k * N + l] - (gp[k] - gm[k]) / (2 * H_STEP))).toBeLessThan(1e-7);
        expect(Math.abs(h[k * N + l] - h[l * N + k])).toBeLessThan(1e-12);
      }
    }
  });

  it('obeys Euler: σ·∇H = p·H', () => {
    const { j, c, sigma } = setup(p);
    expect(energyFromGradient(1, sigma, gradient(c, sigma))).toBeCloseTo(p * energyDirect(p, N, j, sigma), 11);
  });

  it('has tangent derivatives equal to differences of H along great circles γ(t) = cos t·σ + sin t·√N·ξ', () => {
    // d/dt H(γ)|₀ = √N ξ·g_T and d²/dt² H(γ)|₀ = N ξᵀTξ at every point, critical or not.
    const { j, c, sigma } = setup(p);
    const g = gradient(c, sigma);
    const gT = tangentGradient(sigma, g);
    const t = tangentHessian(c, sigma, g);
    const dt = 1e-3;
    for (const salt of [0.3, 1.7, 2.9]) {
      const xi = unitTangent(sigma, salt);
      const at = (s: number) => energyDirect(p, N, j, sigma.map((v, i) => Math.cos(s) * v + Math.sin(s) * Math.sqrt(N) * xi[i]));
      const first = (at(dt) - at(-dt)) / (2 * dt);
      const second = (at(dt) - 2 * at(0) + at(-dt)) / (dt * dt);
      const xiG = xi.reduce((s, v, i) => s + v * gT[i], 0);
      let xiTxi = 0;
      for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) xiTxi += xi[a] * t[a * N + b] * xi[b];
      expect(Math.abs(first - Math.sqrt(N) * xiG)).toBeLessThan(1e-5);
      expect(Math.abs(second - N * xiTxi)).toBeLessThan(1e-4);
    }
  });

  it('has a tangent gradient orthogonal to σ and a tangent Hessian that annihilates σ', () => {
    const { c, sigma } = setup(p);
    const g = gradient(c, sigma);
    const gT = tangentGradient(sigma, g);
    expect(Math.abs(gT.reduce((s, v, i) => s + v * sigma[i], 0))).toBeLessThan(1e-12);
    const t = tangentHessian(c, sigma, g);
    for (let a = 0; a < N; a++) {
      let s = 0;
      for (let b = 0; b < N; b++) s += t[a * N + b] * sigma[b];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
  });
});
