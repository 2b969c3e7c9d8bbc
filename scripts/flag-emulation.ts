// The f32 index kernel's arithmetic emulated in JavaScript (Math.fround after every operation,
// in the kernel's order; the kernel's paired steps keep each element's order of updates), to
// study its SUSPECT flag against float64 on many matrices without a GPU:
//
//   npx tsx scripts/flag-emulation.ts ENSEMBLE N FIRST COUNT
//
// For each matrix: the float64 index, the emulated f32 index, the old flag (a pivot below 1e-5
// of the largest pivot or diagonal update before it) and the new flag's ratio
// q = ‖(LDLᵀ)⁻¹‖·(N+1)u·trace(|L||D||Lᵀ|) (two inverse-iteration steps, as in
// shaders/dense-inertia.wgsl's inertia_unreliable). Prints every matrix whose emulated f32 index
// differs (stderr) and the share of matrices at or above each q (stdout). SwiftShader may round
// differently (e.g. by fusing a multiply–add), so the GPU's own differences are what
// scripts/measure-disagreement.ts counts; this is for the flag's calibration.

import { float64Matrix } from '../src/cpu/float64-twin.ts';
import { ensembleEntry } from '../src/ensembles/registry.ts';
import { packedIndex, packedLength, countNegativePivotsPacked } from '../src/cpu/pivots.ts';
import { parseParams } from '../src/config.ts';
const f = Math.fround;
const [ens = 'wigner-rademacher', nT = '64', fromT = '0', countT = '1000'] = process.argv.slice(2);
if (!Number.isInteger(Number(nT)) || Number(nT) < 1) throw new Error(`N must be a positive integer, got ${nT}`);
const n = Number(nT), from = Number(fromT), count = Number(countT);
const entry = ensembleEntry(ens as any) as any;
const params = parseParams(ens as any, {});
const U = 2 ** -24;
const p = new Float32Array(packedLength(n));
const a64 = new Float64Array(packedLength(n));
const s64 = new Float64Array(packedLength(n));
const x = new Float32Array(n), inv = new Float32Array(n);
function solve(): void { // x <- (LDL^T)^{-1} x, in f32, with a_ik unscaled in p
  for (let i = 0; i < n; i++) { let y = x[i]!; const r = packedIndex(i, 0); for (let k = 0; k < i; k++) y = f(y - f(p[r + k]! * x[k]!)); x[i] = f(y * inv[i]!); }
  for (let k = n - 1; k >= 0; k--) { let s = 0; for (let i = k + 1; i < n; i++) s = f(s + f(p[packedIndex(i, k)]! * x[i]!)); x[k] = f(x[k]! - f(s * inv[k]!)); }
}
let raw = 0, oldFlag = 0; const qs: number[] = []; const qBad: number[] = [];
for (let m = from; m < from + count; m++) {
  float64Matrix(entry, { seed: 1, n, shift: 0, index: m, params }, a64);
  s64.set(a64);
  const i64 = countNegativePivotsPacked(s64, n);
  for (let t = 0; t < a64.length; t++) p[t] = a64[t]!;
  let neg = 0, growth = 0, suspect = false;
  for (let k = 0; k < n; k++) {
    let d = p[packedIndex(k, k)]!; if (d === 0) d = 1e-30;
    if (d < 0) neg++;
    if (!(Math.abs(d) >= f(1e-5 * growth))) suspect = true;
    growth = Math.max(growth, Math.abs(d));
    const iv = f(1 / d);
    for (let i = k + 1; i < n; i++) {
      const r = packedIndex(i, 0); const fac = f(p[r + k]! * iv);
      growth = Math.max(growth, Math.abs(f(fac * p[r + k]!)));
      for (let j = k + 1; j <= i; j++) p[r + j] = f(p[r + j]! - f(fac * p[packedIndex(j, k)]!));
    }
  }
  // certificate
  let sumS = 0;
  for (let i = 0; i < n; i++) { const d = p[packedIndex(i, i)]! || 1e-30; inv[i] = f(1 / d); let s = Math.abs(d); const r = packedIndex(i, 0); for (let k = 0; k < i; k++) s += Math.abs(p[r + k]! * p[r + k]! * inv[k]!); sumS += s; }
  for (let i = 0; i < n; i++) x[i] = (Math.imul(i + 1, 0x9e3779b9) >>> 0) >= 0x80000000 ? -1 : 1;
  solve();
  let m1 = 0; for (let i = 0; i < n; i++) m1 = Math.max(m1, Math.abs(x[i]!));
  for (let i = 0; i < n; i++) x[i] = f(x[i]! / m1);
  let n1 = 0; for (let i = 0; i < n; i++) n1 += x[i]! * x[i]!;
  solve();
  let n2 = 0; for (let i = 0; i < n; i++) n2 += x[i]! * x[i]!;
  const est = Math.sqrt(n2 / n1);
  const q = est * (n + 1) * U * sumS;
  qs.push(Number.isFinite(q) ? q : 1e30);
  if (suspect) oldFlag++;
  if (neg !== i64) { raw++; qBad.push(q); console.error(`raw differs ${m}: f64 ${i64} f32 ${neg} oldflag ${suspect} q ${q.toExponential(2)} est ${est.toExponential(2)} sumS ${sumS.toExponential(2)}`); }
}
qs.sort((a, b) => a - b);
const frac = (t: number) => qs.filter((q) => q >= t).length / qs.length;
console.log(`${ens} N=${n} ${from}+${count}: raw ${raw}, old flag ${(oldFlag / count * 100).toFixed(2)}%, q>=1e4: ${(frac(1e4) * 100).toFixed(3)}%, q>=1e3: ${(frac(1e3) * 100).toFixed(3)}%, q>=100: ${(frac(100) * 100).toFixed(3)}%, q>=10: ${(frac(10) * 100).toFixed(3)}%, q>=1: ${(frac(1) * 100).toFixed(3)}%, q>=0.1: ${(frac(0.1) * 100).toFixed(3)}%, q>=0.01: ${(frac(0.01) * 100).toFixed(3)}%, q>=1e-3: ${(frac(1e-3) * 100).toFixed(3)}%  min q of raw: ${Math.min(...qBad).toExponential(2)}`);
