/**
 * Prints the large-deviation fit ln P_N ≈ −θN² + aN + b ln N + c of the exact GOE table
 * (data/exact-goe.json, shift 0) and compares θ with ln 3 / 4 (Dean & Majumdar, PRL 97,
 * 160201, 2006). The model is in src/stats/large-deviation-fit.ts.
 *
 * Usage: npx tsx scripts/fit-large-deviation.ts [--n-min 20] [--n-max 100] [--table data/exact-goe.json]
 * Prints one JSON object for the chosen range, then θ over a few other ranges to show how
 * stable the fit is (the O(1/N) terms the model leaves out bias small ranges).
 */

import { readFileSync } from 'node:fs';
import { fitLargeDeviation, type LnProbabilityPoint } from '../src/stats/large-deviation-fit.ts';
import { LARGE_DEVIATION_RATE } from '../src/stats/theory.ts';

function fail(message: string): never {
  process.stderr.write(`fit-large-deviation: ${message}\n`);
  process.exit(2);
}

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (!['--n-min', '--n-max', '--table'].includes(argv[i])) fail(`unknown flag: ${argv[i]}`);
  args.set(argv[i], argv[i + 1] ?? '');
}
const nMin = Number(args.get('--n-min') ?? 20);
const nMax = Number(args.get('--n-max') ?? 100);
if (!Number.isInteger(nMin) || nMin < 1) fail(`invalid n-min: ${args.get('--n-min')} (must be an integer ≥ 1)`);
if (!Number.isInteger(nMax) || nMax < nMin + 3) fail(`invalid n-max: ${args.get('--n-max')} (must be an integer ≥ n-min + 3)`);

const tablePath = args.get('--table') ?? 'data/exact-goe.json';
const table = JSON.parse(readFileSync(tablePath, 'utf8')) as { unshifted: { n: number; log10p: number }[] };
const points: LnProbabilityPoint[] = table.unshifted.map((r) => ({ n: r.n, lnP: r.log10p * Math.LN10 }));

function fitRange(lo: number, hi: number) {
  const fit = fitLargeDeviation(points.filter((p) => p.n >= lo && p.n <= hi));
  if (!fit) fail(`too few table points in N = ${lo}..${hi}`);
  return fit;
}

const fit = fitRange(nMin, nMax);
const maxResidual = Math.max(...fit.residuals.map((r) => Math.abs(r.residual)));
console.log(
  JSON.stringify(
    {
      range: [nMin, nMax],
      theta: fit.theta,
      theta_theory: LARGE_DEVIATION_RATE,
      theta_relative_error: fit.thetaRelativeError,
      a: fit.a,
      b: fit.b,
      c: fit.c,
      rms_residual_lnP: fit.rmsResidual,
      max_abs_residual_lnP: maxResidual,
    },
    null,
    2,
  ),
);
console.log(`ln 3/4 = ${LARGE_DEVIATION_RATE.toFixed(8)}`);
for (const [lo, hi] of [[5, 100], [10, 100], [20, 100], [40, 100], [60, 100], [10, 50]]) {
  if (hi > Math.max(...points.map((p) => p.n))) continue;
  const f = fitRange(lo, hi);
  console.log(`N ${lo}..${hi}: θ = ${f.theta.toFixed(8)}  a = ${f.a.toFixed(4)}  b = ${f.b.toFixed(4)}  c = ${f.c.toFixed(4)}  rms = ${f.rmsResidual.toExponential(2)}`);
}
