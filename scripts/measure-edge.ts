// The smallest eigenvalue of the lab's GOE against Tracy–Widom F₁ under the edge scaling of
// src/stats/edge-scaling.ts: P(λ_min > x) ≈ F₁(t) at x = −2√N − t·N^(−1/6).
//
//   npx tsx scripts/measure-edge.ts [--dense 64] [--tridiagonal 1024] [--matrices 20000] [--seed 1]
//
// Dense: the Philox GOE stream, Householder + Sturm (float64). Tridiagonal: the
// Dumitriu–Edelman model, Sturm. Prints a CSV line per (ensemble, N, t): matrices, the
// empirical P(λ_min > x) with its 95% Wilson interval, F₁(t), and the difference.

import { parseArgs } from 'node:util';
import { denseGoeMatrix } from '../src/ensembles/goe.ts';
import { tridiagonalGoeMatrix } from '../src/ensembles/goe-tridiagonal.ts';
import { denseSpectrumCounts, tridiagonalSpectrumCounts } from '../src/cpu/spectrum.ts';
import { wilsonInterval } from '../src/stats/binomial.ts';
import { tracyWidomGoeCdf } from '../src/stats/tracy-widom.ts';

const { values } = parseArgs({
  options: {
    dense: { type: 'string', default: '64' },
    tridiagonal: { type: 'string', default: '1024' },
    matrices: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
  },
});
const matrices = Number(values.matrices);
const seed = Number(values.seed);
const ts = [-4, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1];
const list = (s: string) => (s === '' ? [] : s.split(',').map(Number));

function report(ensemble: string, n: number, survivalCounts: number[]): void {
  ts.forEach((t, j) => {
    const survived = survivalCounts[j]!;
    const interval = wilsonInterval(survived, matrices)!;
    const f1 = tracyWidomGoeCdf(t);
    const p = survived / matrices;
    console.log([ensemble, n, t, matrices, p.toFixed(4), interval.lo.toFixed(4), interval.hi.toFixed(4), f1.toFixed(4), (p - f1).toFixed(4)].join(','));
  });
}

console.log('ensemble,n,t,matrices,p_survive,lo,hi,F1,difference');
for (const n of list(values.dense)) {
  const thresholds = ts.map((t) => -2 * Math.sqrt(n) - t * n ** (-1 / 6));
  // Count matrices with no eigenvalue below x: one matrix at a time, counts are 0 or more.
  const survived = ts.map(() => 0);
  for (let index = 0; index < matrices; index++) {
    const below = denseSpectrumCounts((i, out) => denseGoeMatrix(seed, n, 0, i, out), n, index, 1, thresholds);
    below.forEach((c, j) => { if (c === 0) survived[j]!++; });
  }
  report('goe', n, survived);
}
for (const n of list(values.tridiagonal)) {
  const thresholds = ts.map((t) => -2 * Math.sqrt(n) - t * n ** (-1 / 6));
  const survived = ts.map(() => 0);
  for (let index = 0; index < matrices; index++) {
    const below = tridiagonalSpectrumCounts((i) => tridiagonalGoeMatrix(seed, n, 0, i), index, 1, thresholds);
    below.forEach((c, j) => { if (c === 0) survived[j]!++; });
  }
  report('goe-tridiagonal', n, survived);
}
