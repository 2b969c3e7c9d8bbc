// The Width measurements of the README (issue 9), on the float64 CPU twin by default (on this
// 2-core machine it is ~4× faster than Dawn on SwiftShader for these kernels; --backend gpu runs
// the WGSL instead). Writes data/width/*.csv and prints a summary:
//   rate-vs-k.csv        spurious-minimum rate for k = n = 6…20 (plain descent, step 5/k)
//   overparam.csv        n = k … 2k for k in OVERPARAM_KS
//   restarts.csv         best of R restarts against 1 − (1 − p)^R, from the n = k runs
//   momentum.csv         heavy ball (β = 0.9, same step) against plain descent
//   spurious-minima.csv  distinct spurious minima (up to permutation) with their three smallest
//                        Hessian eigenvalues
// Usage: npx tsx scripts/measure-width.ts [--runs 500] [--backend cpu|gpu] [--quick]
//          [--stages square,momentum,overparam] [--k 6:20] [--momentum-k 6:12] [--overparam-k 8,10]
//          [--overparam-runs 300] [--overparam-step 1]   (n = k, k + step, …, 2k)
// Stages write their own files, so they can run as separate processes.

import './raw-imports.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' }, backend: { type: 'string' }, quick: { type: 'boolean' }, out: { type: 'string' }, stages: { type: 'string' },
    k: { type: 'string' }, 'momentum-k': { type: 'string' }, 'overparam-k': { type: 'string' }, 'overparam-runs': { type: 'string' },
    'overparam-step': { type: 'string' },
  },
});
const runs = Number(values.runs ?? 500);
const stages = new Set((values.stages ?? 'square,momentum,overparam').split(','));
const quick = values.quick === true;
const outDir = values.out ?? 'data/width';

const { runWidthSweep } = await import('../src/engine/width-sweep.ts');
const { widthCsv } = await import('../src/export/width-csv.ts');
const { bestOfRestarts } = await import('../src/stats/restarts.ts');
const { lossClusters } = await import('../src/stats/width-summary.ts');
const { smallestEigenvalues } = await import('../src/landscape/inertia.ts');
const { createTeacherStudent } = await import('../src/landscape/teacher-student.ts');
const { csvField } = await import('../src/export/csv.ts');
const { DEFAULT_WIDTH_CONFIG } = await import('../src/width-config.ts');
const { openDescentBackend } = await import('../src/cli/open-descent.ts');
const { parseKs } = await import('../src/width-config.ts');

const K_RANGE = quick ? [6, 8] : parseKs(values.k ?? '6:20');
const OVERPARAM_KS = quick ? [6] : parseKs(values['overparam-k'] ?? '8,10,12');
const MOMENTUM_KS = quick ? [6] : parseKs(values['momentum-k'] ?? '6,8,10,12,14');
const overparamRuns = Number(values['overparam-runs'] ?? runs);
const overparamStep = Number(values['overparam-step'] ?? 1);
const RESTARTS = [1, 2, 4, 8];

const { backend, close } = await openDescentBackend(values.backend === 'gpu' ? 'gpu' : 'cpu');
const base = { ...DEFAULT_WIDTH_CONFIG, runs, seed: 3 };
const csv = (header: string[], rows: (string | number)[][]) => [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
// On a terminal a live line; in a log one line per finished (k, n) (cellRuns: its run count).
let lastCell = '';
const progress = (label: string, cellRuns = runs) => (p: { runsDone: number; runsTotal: number; etaS: number; current?: { k: number; n: number; endPoints: unknown[] } }) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${label}: ${p.runsDone}/${p.runsTotal} runs, ETA ${p.etaS.toFixed(0)} s`);
  const cell = `${label} k=${p.current?.k} n=${p.current?.n}`;
  if (!process.stderr.isTTY && p.current?.endPoints.length === cellRuns && cell !== lastCell) {
    lastCell = cell;
    process.stderr.write(`[${elapsed()} s] ${cell} done\n`);
  }
};
mkdirSync(outDir, { recursive: true });

// 1. k = n, plain descent; spurious points kept for the spectra.
if (stages.has('square')) {
const square = await runWidthSweep({ ...base, ks: K_RANGE, widths: [1] }, backend, { keepSpuriousPoints: true, onProgress: progress('k = n') });
writeFileSync(`${outDir}/rate-vs-k.csv`, widthCsv(square.cells.map((c) => c.row)));
console.log(`\n[${elapsed()} s] k = n, gd, step 5/k, ${runs} runs each:`);
for (const c of square.cells) {
  const r = c.row;
  console.log(`  k=${r.k}: spurious ${r.counts.spurious}/${r.counts.runs} = ${r.rates!.pSpurious.toFixed(3)} [${r.rates!.pSpuriousLo.toFixed(3)}, ${r.rates!.pSpuriousHi.toFixed(3)}], saddle ${r.counts.saddle}, not converged ${r.counts.notConverged}, median steps ${r.stepsMedian}, distinct ${r.distinctSpurious}`);
}

// 2. Restarts from the same runs.
const restartRows: (string | number)[][] = [];
for (const c of square.cells) {
  const global = c.endPoints.map((e) => e.endClass === 'global-minimum');
  for (const R of RESTARTS) {
    const row = bestOfRestarts(global, R);
    if (row) restartRows.push([c.k, c.n, R, row.groups, row.successes, row.rate, row.rateLo, row.rateHi, row.predicted, row.predictedLo, row.predictedHi]);
  }
}
writeFileSync(`${outDir}/restarts.csv`, csv(['k', 'n', 'restarts', 'groups', 'successes', 'rate', 'rate_lo', 'rate_hi', 'predicted', 'predicted_lo', 'predicted_hi'], restartRows));

// 3. Spectra of the distinct spurious minima.
const spectrumRows: (string | number)[][] = [];
for (const c of square.cells) {
  const landscape = createTeacherStudent({ k: c.k, n: c.n });
  const byRun = [...c.spuriousPoints.entries()].map(([run, x]) => ({ run, x, loss: landscape.loss(x) }));
  for (const cluster of lossClusters(byRun.map((p) => p.loss))) {
    const first = byRun.find((p) => Math.abs(p.loss - cluster.loss) <= 1e-9)!;
    const [l1, l2, l3] = smallestEigenvalues(landscape.hessian(first.x), landscape.dimension, 3, 1e-8);
    spectrumRows.push([c.k, c.n, cluster.loss, cluster.count, first.run, l1, l2, l3]);
  }
}
writeFileSync(`${outDir}/spurious-minima.csv`, csv(['k', 'n', 'loss', 'count', 'first_run', 'lambda_1', 'lambda_2', 'lambda_3'], spectrumRows));
console.log(`[${elapsed()} s] distinct spurious minima: ${spectrumRows.length}`);
}

// 4. Momentum at the same step (plain descent rerun here so the stage stands alone; same seed,
// so its rows equal those of rate-vs-k.csv).
if (stages.has('momentum')) {
const plain = await runWidthSweep({ ...base, ks: MOMENTUM_KS, widths: [1] }, backend, { onProgress: progress('gd') });
const momentum = await runWidthSweep({ ...base, ks: MOMENTUM_KS, widths: [1], optimizer: 'heavy-ball', beta: 0.9 }, backend, { onProgress: progress('heavy ball') });
const momentumRows = [...plain.cells.map((c) => c.row), ...momentum.cells.map((c) => c.row)];
writeFileSync(`${outDir}/momentum.csv`, widthCsv(momentumRows));
console.log(`\n[${elapsed()} s] heavy ball β = 0.9 against gd, same step 5/k:`);
for (const c of momentum.cells) {
  const gd = plain.cells.find((s) => s.k === c.k)!.row;
  const hb = c.row;
  console.log(`  k=${c.k}: spurious gd ${gd.rates!.pSpurious.toFixed(3)} hb ${hb.rates!.pSpurious.toFixed(3)} [${hb.rates!.pSpuriousLo.toFixed(3)}, ${hb.rates!.pSpuriousHi.toFixed(3)}]; median steps gd ${gd.stepsMedian} hb ${hb.stepsMedian}; hb not converged ${hb.counts.notConverged}`);
}

}

// 5. Over-parameterisation n = k … 2k.
if (stages.has('overparam')) {
const overRows = [];
for (const k of OVERPARAM_KS) {
  const ns = Array.from({ length: Math.floor(k / overparamStep) + 1 }, (_, i) => k + i * overparamStep);
  const over = await runWidthSweep({ ...base, runs: overparamRuns, ks: [k], widths: [1], ns }, backend, { onProgress: progress(`k=${k} n=k…2k`, overparamRuns) });
  overRows.push(...over.cells.map((c) => c.row));
  // Written after every k, so a long stage keeps what it finished.
  writeFileSync(`${outDir}/overparam.csv`, widthCsv(overRows));
  console.log(`\n[${elapsed()} s] k=${k}, n = k … 2k: ` + over.cells.map((c) => `n=${c.n} ${c.row.rates!.pSpurious.toFixed(3)}`).join(', '));
}
writeFileSync(`${outDir}/overparam.csv`, widthCsv(overRows));
}
close();
console.log(`done in ${elapsed()} s on ${backend.description}`);
