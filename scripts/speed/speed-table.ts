// The README's speed table in one run: the lab's GPU path (WebGPU; SwiftShader on a machine
// without a GPU) and its float64 CPU twin on one thread, beside numpy's best method for the
// same statistic on one thread (scripts/speed/numpy_reference.py), all generation included.
//
//   npm run build:cli && npx tsx scripts/speed/speed-table.ts [--rows index,pmin] [--scale 1]
//
// index: index histogram of GOE_N via the tridiagonal model, N = 64, 512, 4096 (numpy: the
//        same model with a vectorised Sturm count). pmin: P(min) alone of dense GOE_N,
//        N = 8, 32, 64, by the lab's early-exit kernel (`bench --statistic pmin`: rows drawn
//        only while the pivots stay positive) against numpy's lazy early-exit LDLᵀ.
// --scale multiplies every run's matrices (1 ≈ 1–3 s per cell on an idle 2-core machine).
// numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (see the environment note:
// they slow a current numpy); nothing else here uses BLAS.

import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rows: { type: 'string', default: 'index,pmin' }, scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);

interface Row { statistic: string; n: number; lab: string[]; numpy: string; samples: { gpu: number; cpu: number }; numpySeconds: number }

const ROWS: Record<string, Row[]> = {
  index: [64, 512, 4096].map((n) => ({
    statistic: 'index histogram', n, lab: ['--ensemble', 'goe-tridiagonal'], numpy: 'sturm',
    samples: { gpu: Math.round(6e6 / n), cpu: Math.round(4e6 / n) }, numpySeconds: 2,
  })),
  pmin: [8, 32, 64].map((n) => ({
    statistic: 'P(min) only', n, lab: ['--ensemble', 'goe', '--statistic', 'pmin'], numpy: 'pmin',
    // The early exit's work hardly depends on N: the same matrices at every N.
    samples: { gpu: 4e6, cpu: 4e6 }, numpySeconds: 2,
  })),
};

function labRate(row: Row, backend: 'gpu' | 'cpu'): { rate: number; device: string; rechecked: number } {
  const args = ['bin/saddle-lab.js', 'bench', ...row.lab, '--n', String(row.n), '--samples', String(Math.round(row.samples[backend] * scale)), '--backend', backend];
  if (backend === 'cpu') args.push('--threads', '1');
  const line = JSON.parse(execFileSync('node', args, { encoding: 'utf8' }).trim().split('\n').pop()!);
  return { rate: line.matrices_per_s, device: line.device, rechecked: line.rechecked };
}

function numpyRate(row: Row): { rate: number; version: string } {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const out = execFileSync('python3', ['scripts/speed/numpy_reference.py', row.numpy, String(row.n), String(row.numpySeconds * scale)], { encoding: 'utf8', env });
  const line = JSON.parse(out.trim().split('\n').pop()!);
  return { rate: line.matrices_per_s, version: line.numpy };
}

const ratio = (a: number, b: number) => (a / b).toPrecision(2);
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : String(x));
const lines: string[] = [];
let device = '';
let numpyVersion = '';
for (const key of values.rows!.split(',')) {
  for (const row of ROWS[key] ?? []) {
    const gpu = labRate(row, 'gpu');
    const cpu = labRate(row, 'cpu');
    const numpy = numpyRate(row);
    device = gpu.device;
    numpyVersion = numpy.version;
    lines.push(`| ${row.statistic} | ${row.n} | ${fmt(gpu.rate)}/s | ${fmt(cpu.rate)}/s | ${fmt(numpy.rate)}/s (${row.numpy === 'sturm' ? 'tridiagonal Sturm' : 'lazy early-exit LDLᵀ'}) | ${ratio(gpu.rate, numpy.rate)} | ${ratio(cpu.rate, numpy.rate)} |`);
    process.stderr.write(lines.at(-1) + '\n');
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}`;
console.log(`Measured ${new Date().toISOString().slice(0, 16)}Z on ${machine}; GPU: ${device}; numpy ${numpyVersion} (1 thread); CPU twin on 1 thread.`);
console.log('');
console.log('| statistic | N | saddle-lab gpu | saddle-lab cpu twin (1 thread) | numpy (1 thread), best method | gpu / numpy | cpu / numpy |');
console.log('|---|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
