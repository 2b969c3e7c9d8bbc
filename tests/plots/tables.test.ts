// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { indexTable, pMinTable } from '../../src/plots/tables.ts';
import { indexPlotData } from '../../src/ui/plot-data.ts';
import { GOE_THEORIES } from '../../src/ensembles/wigner-common.ts';
import { HISTOGRAMS, mcRow, smallData } from './fixtures.ts';

const cells = (table: HTMLTableElement) =>
  [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent));

describe('pMinTable', () => {
  // By hand at N = 4: 2⁻⁴ = 6.25e−2; exp(−(ln 3/4)·16) = 10^(−1.9085) = 1.23e−2.
  it('has one row per measured N and method, in N order, with bounds written as "<"', () => {
    const rows = cells(pMinTable(smallData(), { document }));
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '6']);
    expect(rows[3]).toEqual(['4', 'no minimum seen: 95% upper bound', '1\u2009000', '0', '< 3.83e−3', '0 – 3.83e−3', '—', '6.25e−2', '1.23e−2']);
    expect(rows[4]![1]).toBe('rare-event estimate, 95% interval');
  });

  it('lists exact values for N that have no measurement', () => {
    const data = { ...smallData(), rows: [] };
    const rows = cells(pMinTable(data, { document }));
    expect(rows.map((r) => [r[0], r[1], r[6]])).toEqual([
      ['1', 'exact only', '5.00e−1'],
      ['2', 'exact only', '1.46e−1'],
    ]);
  });

  it('labels its columns with header cells for screen readers', () => {
    const table = pMinTable(smallData(), { document });
    expect(table.caption!.textContent).toBe('P(minimum) against N');
    expect([...table.tHead!.querySelectorAll('th')].every((th) => th.scope === 'col')).toBe(true);
  });
});

describe('indexTable', () => {
  // counts 0, 120, 760, 120, 0: mean k = 2, var = 240/999, σ(k/N) = √0.2402/4 = 0.1225.
  it('gives mean, σ and the most likely bin of k/N per N', () => {
    const data = indexPlotData([{ n: 4, counts: HISTOGRAMS[4]! }], [mcRow(4)], 0, GOE_THEORIES);
    expect(cells(indexTable(data, { document }))).toEqual([['4', '1\u2009000', '0.500', '0.123', '0.38 – 0.63']]);
  });
});
