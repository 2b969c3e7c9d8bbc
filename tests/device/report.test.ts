import { describe, expect, it } from 'vitest';
import { markdownTable, paperBound, tableRows, type ResultLine } from '../../scripts/device/report.ts';

const lab = (ensemble: string, n: number, rate: number, extra: Partial<ResultLine> = {}): ResultLine => ({
  side: 'lab', status: 'ok', final: true, ensemble, n, matrices_per_s: rate, compile_s: 0.5, seconds: 4, recheck_s: 0.2, ...extra,
});
const torch = (ensemble: string, n: number, statistic: string, method: string, rate: number): ResultLine => ({
  side: 'torch', status: 'ok', ensemble, n, statistic, method, matrices_per_s: rate, backend: 'torch-cuda',
});

describe('the device report', () => {
  it('gives the DESIGN §10 bounds where listed and interpolates log-log between them', () => {
    expect(paperBound('index', 'goe', 8)).toEqual({ value: 1.3e10, how: 'listed' });
    // Between N = 8 (1.3e10) and 32 (8e8): the geometric mean at N = 16.
    expect(paperBound('index', 'goe', 16)!.value).toBeCloseTo(Math.sqrt(1.3e10 * 8e8), -3);
    expect(paperBound('index', 'goe', 16)!.how).toBe('interpolated');
    // Past N = 1024 the tridiagonal bound follows its last segment, ≈ 1/N.
    const b4096 = paperBound('index', 'goe-tridiagonal', 4096)!;
    expect(b4096.how).toBe('extrapolated');
    expect(b4096.value / 1.6e8).toBeCloseTo((1.6e8 / 1.3e9) ** (Math.log(4) / Math.log(8)), 6);
    expect(paperBound('pmin', 'goe', 64)).toEqual({ value: 1.8e11, how: 'listed' });
    expect(paperBound('index', 'wishart', 8)).toBeUndefined();
  });

  it('pairs each lab kernel with the comparator line of the same statistic, ensemble and N', () => {
    const rows = tableRows([
      lab('goe', 8, 1e9, { final: false, matrices_per_s: 1 }), // a pilot: not reported
      lab('goe', 8, 2e9),
      torch('goe', 8, 'index', 'eigvalsh', 1e8),
      torch('goe', 8, 'pmin', 'cholesky_ex', 4e8),
      { side: 'torch', status: 'timeout', item: 9, args: '--method sturm --n 4096' },
    ]);
    expect(rows.map((r) => [r.statistic, r.n, r.lab?.matrices_per_s, r.torch?.method, r.labFullIndex ?? false])).toEqual([
      ['index', 8, 2e9, 'eigvalsh', false],
      // No P(min)-only lab kernel: the full-index kernel's k = 0 bin stands in, and says so.
      ['pmin', 8, 2e9, 'cholesky_ex', true],
    ]);
  });

  it('prints both sides, the ratio, the bound and the fraction achieved, and names failed items', () => {
    const table = markdownTable([
      lab('goe', 8, 2.6e9),
      torch('goe', 8, 'index', 'eigvalsh', 1.3e8),
      { side: 'torch', status: 'timeout', item: 9, args: '--method sturm --n 4096' },
    ]);
    expect(table).toContain('| index histogram | goe | 8 | 2.60G/s | 130M/s (eigvalsh) | 20.0 | 1.3e+10 | 2.0e-1 | 0.50 | 5.0% |');
    expect(table).toContain('- list line 9 (torch --method sturm --n 4096): timeout');
  });
});
