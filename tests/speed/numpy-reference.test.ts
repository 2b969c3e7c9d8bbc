// scripts/speed/numpy_reference.py measures numpy's side of the speed table; its rates mean
// something only if it computes the lab's statistic: P(min) of GOE_N by the lazy early-exit
// LDLᵀ and by the tridiagonal Sturm count, against the exact values (5σ).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/speed/numpy_reference.py', import.meta.url));
const EXACT = JSON.parse(readFileSync(new URL('../../data/exact-goe.json', import.meta.url), 'utf8'));

function reference(method: string, ns: string) {
  const run = spawnSync('python3', [SCRIPT, method, ns, '0.3'], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { n: number; samples: number; minima: number; matrices_per_s: number });
}

const zScore = (hits: number, samples: number, p: number) => (hits / samples - p) / Math.sqrt((p * (1 - p)) / samples);

describe('numpy_reference.py', () => {
  for (const method of ['pmin', 'sturm']) {
    it(`${method}: P(min) of GOE_1..3 within 5σ of the exact values`, () => {
      const lines = reference(method, '1,2,3');
      expect(lines.map((l) => l.n)).toEqual([1, 2, 3]);
      for (const line of lines) {
        const exact = exactPmin(line.n);
        expect(line.samples).toBeGreaterThan(10_000);
        expect(Math.abs(zScore(line.minima, line.samples, exact)), `N = ${line.n}`).toBeLessThan(5);
        expect(line.matrices_per_s).toBeGreaterThan(0);
      }
    }, 60_000);
  }
});

function exactPmin(n: number): number {
  return Number((EXACT.unshifted as { n: number; p: string }[]).find((r) => r.n === n)!.p);
}
