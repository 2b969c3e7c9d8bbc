// Theory curves sampled for the plots, keyed by the registry's Theory ids: the plots draw the
// points they are given and never evaluate a law themselves (DESIGN §3). Each builder returns
// undefined where its theory does not apply, so a plot shows only what applies.

import type { EnsembleParams, Theory } from '../model/ensemble.ts';
import { pMinTracyWidom } from './edge-scaling.ts';
import { criticalLoss, freeConvolutionCdf, freeConvolutionSupport, indexFraction } from './free-convolution.ts';
import { goeIndexVariance } from './index-variance.ts';
import { marchenkoPasturCdf } from './marchenko-pastur.ts';
import { semicircleCdf } from './semicircle-density.ts';
import type { SpectrumWindow } from './spectrum.ts';
import { semicircleRadius } from '../model/semicircle.ts';

export interface TheoryCurve {
  /** The Theory id (CSS class of the curve). */
  kind: Theory;
  label: string;
  points: { x: number; y: number }[];
}

/**
 * The applicable limit law's mass per bin of the spectrum window, divided by the bin width: a
 * step curve directly comparable with the histogram's density (x = λ/scale). `diagonalShift`
 * is what the sample adds to the diagonal (s·R for the Wigner family, whose semicircle is then
 * centred at x = s; s·1 for the Wishart-type laws, which it moves by s).
 */
export function spectrumTheory(theories: readonly Theory[], window: SpectrumWindow, params: EnsembleParams, diagonalShift: number): TheoryCurve | undefined {
  const lambda = (x: number) => x * window.scale - diagonalShift;
  const cdf = theories.includes('semicircle')
    ? { kind: 'semicircle' as const, label: 'semicircle (N → ∞)', f: (x: number) => semicircleCdf(x, diagonalShift / window.scale) }
    : theories.includes('free-convolution') && (params.epsilon ?? 0) > 0
      ? { kind: 'free-convolution' as const, label: `MP(φ) ⊞ semicircle(2ε), φ = ${params.phi}, ε = ${params.epsilon}`, f: (x: number) => freeConvolutionCdf(lambda(x), { phi: params.phi!, epsilon: params.epsilon! }) }
      : theories.includes('marchenko-pastur') || theories.includes('free-convolution')
        ? { kind: 'marchenko-pastur' as const, label: `Marchenko–Pastur, φ = ${params.phi}`, f: (x: number) => marchenkoPasturCdf(lambda(x), params.phi!) }
        : undefined;
  if (!cdf) return undefined;
  const width = (window.xHi - window.xLo) / window.bins;
  const points = Array.from({ length: window.bins }, (_, j) => {
    const lo = window.xLo + j * width;
    return { x: lo + width / 2, y: (cdf.f(lo + width) - cdf.f(lo)) / width };
  });
  return { kind: cdf.kind, label: cdf.label, points };
}

/** F₁(2(s − 1)N^(2/3)) over the shifts, where the Tracy–Widom edge applies. */
export function edgeTheory(theories: readonly Theory[], n: number, shifts: readonly number[]): TheoryCurve | undefined {
  if (!theories.includes('tracy-widom')) return undefined;
  return { kind: 'tracy-widom', label: 'Tracy–Widom F₁(2(s − 1)N^(2/3))', points: shifts.map((s) => ({ x: s, y: pMinTracyWidom(s, n) })) };
}

export interface AlphaCurve {
  phi: number;
  epsilonC: number;
  points: { x: number; y: number }[];
}

/** α(ε, φ) on [0, εMax] (`count` points), with ε_c(φ). */
export function alphaTheory(phi: number, epsilonMax: number, count = 121): AlphaCurve {
  const points = Array.from({ length: count }, (_, i) => {
    const epsilon = (epsilonMax * i) / (count - 1);
    return { x: epsilon, y: indexFraction({ phi, epsilon }) };
  });
  return { phi, epsilonC: criticalLoss(phi), points };
}

/** σ(k/N) = √(ln N/π² + C₁)/N per N, for GOE at shift 0 only. */
export function indexSdTheory(theories: readonly Theory[], shift: number, ns: readonly number[]): { n: number; sd: number }[] | undefined {
  if (!theories.includes('semicircle') || !theories.includes('exact-table') || shift !== 0) return undefined;
  return ns.map((n) => ({ n, sd: Math.sqrt(goeIndexVariance(n)) / n }));
}

/**
 * The spectrum window for an ensemble's theory, in x = λ/scale: for the Wigner family
 * (semicircle) scale R = 2√N and x ∈ [c − 1.25, c + 1.25], c = diagonalShift/R (= s); for
 * Wishart and Gauss–Newton + residual scale 1 and x over the limit support moved by the
 * diagonal shift (MP edges widened by 2σ, σ² = 2ε) plus a quarter of its width either side;
 * otherwise [c − 1.5, c + 1.5] with scale R. The edges are offset by a tenth of a bin from
 * round numbers so an exactly zero eigenvalue (Wishart at φ > 1) never sits on a threshold.
 */
export function spectrumWindowFor(theories: readonly Theory[], n: number, params: EnsembleParams, diagonalShift: number, bins: number): SpectrumWindow {
  const nudge = (lo: number, hi: number) => {
    const width = (hi - lo) / bins;
    return { xLo: lo - 0.1 * width, xHi: hi - 0.1 * width };
  };
  if (theories.includes('marchenko-pastur') || theories.includes('free-convolution')) {
    const phi = params.phi ?? 1;
    const sigma = Math.sqrt(2 * (params.epsilon ?? 0));
    const lo = Math.min(0, (1 - Math.sqrt(phi)) ** 2) - 2 * sigma;
    const hi = (1 + Math.sqrt(phi)) ** 2 + 2 * sigma;
    const margin = 0.25 * (hi - lo);
    return { ...nudge(lo - margin + diagonalShift, hi + margin + diagonalShift), bins, scale: 1 };
  }
  const half = theories.includes('semicircle') ? 1.25 : 1.5;
  const radius = semicircleRadius(n);
  const centre = diagonalShift / radius;
  return { ...nudge(centre - half, centre + half), bins, scale: radius };
}

/**
 * Shifts for a λ_min sweep at N: where P(min | s) rises from ≈ 0 to ≈ 1. Wigner family:
 * s = 1 + t/(2N^(2/3)) for t = −5, −4.5, …, 2 (F₁'s range). Wishart-type laws (shift scale 1):
 * s = −e + u for u in [−0.4, 0.4] in 17 steps, e the left edge of the limit support (0 with
 * MP's atom at φ > 1). Rounded to 4 decimals (each shift is its own stream).
 */
export function edgeShiftsFor(theories: readonly Theory[], n: number, params: EnsembleParams): number[] {
  const round = (s: number) => Math.round(s * 1e4) / 1e4;
  if (theories.includes('marchenko-pastur') || theories.includes('free-convolution')) {
    const phi = params.phi ?? 1;
    const epsilon = params.epsilon ?? 0;
    const edge = epsilon > 0 ? freeConvolutionSupport({ phi, epsilon })[0]!.lo : phi >= 1 ? 0 : (1 - Math.sqrt(phi)) ** 2;
    return Array.from({ length: 17 }, (_, i) => round(-edge - 0.4 + 0.05 * i));
  }
  return Array.from({ length: 15 }, (_, i) => round(1 + (-5 + 0.5 * i) / (2 * n ** (2 / 3))));
}
