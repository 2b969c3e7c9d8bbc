// "Show as table": the data behind each plot as an HTML table, for screen readers and for
// anyone who wants the numbers. Same inputs as the plots, same formatting.

import { formatCount, formatFixed, formatLog10 } from './format.ts';
import type { IndexPlotData } from './index-plot.ts';
import { MARK_LABEL, markKind, type Log10Point, type PMinPlotData } from './pmin-plot.ts';

function table(doc: Document, caption: string, head: readonly string[], body: readonly (readonly string[])[]): HTMLTableElement {
  const tableNode = doc.createElement('table');
  tableNode.className = 'data-table';
  tableNode.createCaption().textContent = caption;
  const headRow = tableNode.createTHead().insertRow();
  for (const label of head) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    headRow.append(th);
  }
  const tbody = tableNode.createTBody();
  for (const cells of body) {
    const row = tbody.insertRow();
    for (const text of cells) row.insertCell().textContent = text;
  }
  return tableNode;
}

const lookup = (points: readonly Log10Point[]) => new Map(points.map((p) => [p.n, p.log10P]));

export function pMinTable(data: PMinPlotData, options: { document: Document }): HTMLTableElement {
  const exact = lookup(data.exact);
  const naive = lookup(data.naive);
  const largeDeviation = lookup(data.largeDeviation);
  const theory = (n: number) => [
    formatLog10(exact.get(n) ?? NaN),
    formatLog10(naive.get(n) ?? NaN),
    formatLog10(largeDeviation.get(n) ?? NaN),
  ];
  const body: string[][] = [];
  const measured = new Set<number>();
  const rows = data.rows
    .filter((r) => markKind(r) !== undefined && r.n >= data.nRange[0] && r.n <= data.nRange[1])
    .sort((a, b) => a.n - b.n || a.method.localeCompare(b.method));
  for (const row of rows) {
    measured.add(row.n);
    const bound = markKind(row) === 'bound';
    body.push([
      String(row.n),
      MARK_LABEL[markKind(row)!],
      formatCount(row.samples),
      formatCount(row.minima),
      bound ? `< ${formatLog10(row.log10PMinHi)}` : formatLog10(row.log10PMin),
      `${formatLog10(row.log10PMinLo)} – ${formatLog10(row.log10PMinHi)}`,
      ...theory(row.n),
    ]);
  }
  for (const point of data.exact) {
    if (measured.has(point.n) || point.n < data.nRange[0] || point.n > data.nRange[1]) continue;
    body.push([String(point.n), 'exact only', '—', '—', '—', '—', ...theory(point.n)]);
  }
  body.sort((a, b) => Number(a[0]) - Number(b[0]));
  return table(
    options.document,
    'P(minimum) against N',
    ['N', 'method', 'samples', 'minima', 'P(minimum)', '95% interval', 'exact', '2⁻ᴺ', 'exp(−(ln 3/4)N²)'],
    body,
  );
}

export function indexTable(data: IndexPlotData, options: { document: Document }): HTMLTableElement {
  const body = data.columns.map((c) => {
    const mode = c.cells.reduce((best, cell) => (cell.probability > best.probability ? cell : best), c.cells[0]!);
    return [
      String(c.n),
      formatCount(c.samples),
      formatFixed(c.mean),
      formatFixed(c.sd),
      mode ? `${formatFixed(mode.lo, 2)} – ${formatFixed(mode.hi, 2)}` : '—',
    ];
  });
  return table(
    options.document,
    'Fraction of descending directions k/N',
    ['N', 'samples', 'mean k/N', 'σ of k/N', 'most likely k/N bin'],
    body,
  );
}
