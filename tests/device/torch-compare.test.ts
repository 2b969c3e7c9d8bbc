// scripts/device/torch_compare.py, run here on its numpy stand-in: the statistic code it shares
// with the torch backend is checked against exact GOE values, and the torch path's failure modes
// (no torch, bad input) against their exit codes. The torch backend itself runs on the device.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/device/torch_compare.py', import.meta.url));

/** Runs the comparator with `blocked` modules made unimportable (sys.modules[name] = None). */
function compare(args: string[], blocked: string[] = []) {
  const prelude = `import sys, runpy\nfor m in ${JSON.stringify(blocked)}: sys.modules[m] = None\nsys.argv = ${JSON.stringify([SCRIPT, ...args])}\n`;
  const run = spawnSync('python3', ['-c', `${prelude}runpy.run_path(sys.argv[0], run_name="__main__")`], { encoding: 'utf8', timeout: 120_000 });
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return { status: run.status, lines, stderr: run.stderr };
}

const zScore = (hits: number, samples: number, p: number) => (hits / samples - p) / Math.sqrt((p * (1 - p)) / samples);
/** Φ(x) for x ≥ 0 (Abramowitz–Stegun 26.2.17, |error| < 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

describe('the PyTorch comparator (numpy stand-in)', () => {
  it('finds P(min) = (2 − √2)/4 at N = 2 by eigvalsh, cholesky_ex and the Sturm count (5σ)', () => {
    const { status, lines } = compare(['--backend', 'numpy', '--method', 'eigvalsh,cholesky_ex,sturm', '--n', '2', '--seconds', '0.3', '--seed', '7']);
    expect(status).toBe(0);
    expect(lines.map((l) => l.method)).toEqual(['eigvalsh', 'cholesky_ex', 'sturm']);
    for (const line of lines) {
      expect(line.samples).toBeGreaterThan(1e5);
      expect(Math.abs(zScore(line.minima, line.samples, (2 - Math.SQRT2) / 4))).toBeLessThan(5);
    }
  });

  it('applies the shift as H + s·2√N·I: at N = 1, P(min) = Φ(√2·s) (5σ)', () => {
    const { lines } = compare(['--backend', 'numpy', '--method', 'eigvalsh,cholesky_ex,sturm', '--n', '1', '--shift', '0.3', '--seconds', '0.2']);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(Math.abs(zScore(line.minima, line.samples, normalCdf(Math.SQRT2 * 0.3)))).toBeLessThan(5);
  });

  it('gives a mean index of N/2 at s = 0 for the dense and the tridiagonal model (N = 8)', () => {
    const { lines } = compare(['--backend', 'numpy', '--method', 'eigvalsh,sturm', '--n', '8', '--seconds', '0.2']);
    expect(lines.map((l) => [l.ensemble, l.statistic])).toEqual([['goe', 'index'], ['goe-tridiagonal', 'index']]);
    for (const line of lines) expect(Math.abs(line.index_mean - 4)).toBeLessThan(0.05);
  });

  it('writes lines in the bench format: ensemble, n, samples, seconds, matrices_per_s, compile_s, backend, device', () => {
    const { lines } = compare(['--backend', 'numpy', '--method', 'cholesky_ex', '--n', '16', '--seconds', '0.1']);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['ensemble', 'n', 'samples', 'seconds', 'matrices_per_s', 'compile_s', 'backend', 'device', 'method', 'statistic']));
    expect(lines[0].seconds).toBeGreaterThanOrEqual(0.1);
    // seconds is rounded to 0.1 ms in the line; the rate was computed before rounding.
    expect(Math.abs(lines[0].matrices_per_s * lines[0].seconds / lines[0].samples - 1)).toBeLessThan(1e-2);
  });

  it('plans a torch run with --dry-run without importing torch or numpy', () => {
    const { status, lines } = compare(['--dry-run', '--method', 'eigvalsh,sturm', '--n', '8,4096'], ['torch', 'numpy']);
    expect(status).toBe(0);
    expect(lines.map((l) => [l.method, l.n, l.backend])).toEqual([['eigvalsh', 8, 'torch'], ['eigvalsh', 4096, 'torch'], ['sturm', 8, 'torch'], ['sturm', 4096, 'torch']]);
  });

  it('exits 3 without torch and 2 on bad input, naming the field and the value', () => {
    const noTorch = compare(['--n', '8'], ['torch']);
    expect(noTorch.status).toBe(3);
    expect(noTorch.stderr).toContain('no torch backend');
    const badN = compare(['--backend', 'numpy', '--n', '8,0']);
    expect(badN.status).toBe(2);
    expect(badN.stderr).toContain('invalid n: 0');
    expect(compare(['--backend', 'numpy', '--method', 'svd']).stderr).toContain("invalid method: 'svd'");
  });
});
