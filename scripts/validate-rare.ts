// Validates the rare-event estimator against exact GOE values at N = 10, 20, 40, 60 (s = 0):
// prints the estimate, its 95% interval, the exact value and whether the interval covers it,
// and the seconds each estimate took (one thread).
//
// Exact values come from data/exact-goe.json (src/stats/exact-table.ts) where it has the (N, s)
// point; otherwise they are computed here by de Bruijn's Pfaffian (src/stats/exact-pfaffian.ts)
// at 400 digits (enough for N ≤ 60) and labelled "pfaffian".
//
// Usage: npx tsx scripts/validate-rare.ts [--n 10,20,40,60] [--shift 0] [--seed 1]
//        [--replicates 8] [--particles 256]

import { parseArgs } from 'node:util';
import { decimalWithDigits, goeProbMinimum } from '../src/stats/exact-pfaffian.ts';
import { estimateRare } from '../src/stats/rare/estimate.ts';

type ExactLookup = (n: number, shift: number) => { log10P: number; source: string } | undefined;

async function exactLookup(): Promise<ExactLookup> {
  let D: ReturnType<typeof decimalWithDigits> | undefined;
  const live: ExactLookup = (n, shift) => {
    D ??= decimalWithDigits(400);
    return { log10P: goeProbMinimum(D, n, shift).log(10).toNumber(), source: 'pfaffian' };
  };
  try {
    const { exactPMin } = await import('../src/stats/exact-table.ts');
    return (n, shift) => {
      const value = exactPMin(n, shift);
      return value ? { log10P: value.log10P, source: 'table' } : live(n, shift);
    };
  } catch {
    return live;
  }
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10,20,40,60' },
    shift: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    replicates: { type: 'string', default: '8' },
    particles: { type: 'string', default: '256' },
  },
});
const ns = values.n.split(',').map(Number);
const shift = Number(values.shift);
const seed = Number(values.seed);
const replicates = Number(values.replicates);
const particles = Number(values.particles);
const exact = await exactLookup();

const header = ['n', 'shift', 'log10P', 'log10Lo', 'log10Hi', 'halfWidth', 'exact', 'source', 'covers', 'seconds'];
console.log(header.join('\t'));
let allCover = true;
for (const n of ns) {
  const estimate = await estimateRare({ n, shift, seed, replicates, budget: { particles } });
  const truth = exact(n, shift);
  const covers = truth ? truth.log10P >= estimate.log10Lo && truth.log10P <= estimate.log10Hi : undefined;
  if (covers === false) allCover = false;
  console.log(
    [
      n,
      shift,
      estimate.log10P.toFixed(5),
      estimate.log10Lo.toFixed(5),
      estimate.log10Hi.toFixed(5),
      ((estimate.log10Hi - estimate.log10Lo) / 2).toExponential(2),
      truth ? truth.log10P.toFixed(5) : 'n/a',
      truth?.source ?? 'none',
      covers === undefined ? 'n/a' : covers ? 'yes' : 'NO',
      estimate.elapsedS.toFixed(2),
    ].join('\t'),
  );
}
process.exitCode = allCover ? 0 : 1;
