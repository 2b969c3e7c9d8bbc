// One matrix's LDLᵀ pivot by pivot in float64 and in emulated f32 (Math.fround after every
// operation, the kernel's order; fused=1 emulates a fused multiply–add instead), with each
// f32 pivot's error against float64 and the old flag's pivot/growth ratio. The matrix the old
// flag missed:
//
//   npx tsx scripts/trace-pivots.ts wigner-rademacher 64 87881 0
//
// (seed 1, shift 0, default parameters): float64 index 32, f32 33; the pivot errors grow from
// ~1e-7 to 0.55 at the last pivot (0.4987 in float64, −0.0514 in f32) with every ratio ≥ 3.7e-5.

import { float64Matrix } from '../src/cpu/float64-twin.ts';
import { ensembleEntry } from '../src/ensembles/registry.ts';
import { packedIndex } from '../src/cpu/pivots.ts';
const f = Math.fround;
const [ens = 'wigner-rademacher', nT = '64', idxT = '87881', fmaT = '0'] = process.argv.slice(2);
if (!Number.isInteger(Number(nT)) || Number(nT) < 1) throw new Error(`N must be a positive integer, got ${nT}`);
const n = Number(nT), index = Number(idxT), fma = fmaT === '1';
const entry = ensembleEntry(ens as any) as any;
const a64 = float64Matrix(entry, { seed: 1, n, shift: 0, index, params: {} });
function ldl(a: Float64Array, round: (x: number) => number, fused: boolean) {
  const p = Float64Array.from(a, round);
  const piv: number[] = [];
  let growthDiag = 0, growthAll = 0, maxL = 0;
  const minRatio: number[] = [];
  for (let k = 0; k < n; k++) {
    const d = p[packedIndex(k, k)]!;
    piv.push(d);
    minRatio.push(Math.abs(d) / Math.max(growthDiag, 1e-300));
    growthDiag = Math.max(growthDiag, Math.abs(d));
    const inv = round(1 / d);
    for (let i = k + 1; i < n; i++) {
      const fac = round(p[packedIndex(i, k)]! * inv);
      maxL = Math.max(maxL, Math.abs(fac));
      growthDiag = Math.max(growthDiag, Math.abs(round(fac * p[packedIndex(i, k)]!)));
      for (let j = k + 1; j <= i; j++) {
        const t = packedIndex(i, j);
        const prod = fac * p[packedIndex(j, k)]!;
        growthAll = Math.max(growthAll, Math.abs(prod));
        p[t] = fused ? round(p[t]! - prod) : round(p[t]! - round(prod));
      }
    }
  }
  return { piv, growthDiag, growthAll, maxL, minRatio };
}
const r64 = ldl(a64, (x) => x, false);
const r32 = ldl(a64, f, fma);
const neg = (p: number[]) => p.filter((x) => x < 0).length;
console.log(`index f64 ${neg(r64.piv)} f32 ${neg(r32.piv)} growthDiag ${r64.growthDiag.toExponential(2)} growthAll ${r64.growthAll.toExponential(2)} maxL ${r64.maxL.toExponential(2)}`);
for (let k = 0; k < n; k++) {
  const e = r32.piv[k]! - r64.piv[k]!;
  console.log(k, r64.piv[k]!.toExponential(4), r32.piv[k]!.toExponential(4), 'err', e.toExponential(2), 'rel', (e / Math.abs(r64.piv[k]!)).toExponential(2), 'ratio32', r32.minRatio[k]!.toExponential(2));
}
