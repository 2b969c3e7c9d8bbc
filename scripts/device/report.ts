// The device run's table: the lab beside PyTorch on the same chip, their ratio, and the lab's
// speed as a fraction of DESIGN.md §10's paper bound for an H100-class GPU.

export interface ResultLine {
  /** The list line the result came from, and its arguments. */
  item?: number;
  args?: string;
  side: 'lab' | 'torch';
  status: 'ok' | 'failed' | 'timeout' | 'skipped';
  /** Only the last attempt of a lab item is its measurement; pilots are kept but not reported. */
  final?: boolean;
  ensemble?: string;
  n?: number;
  statistic?: string;
  method?: string;
  matrices_per_s?: number;
  compile_s?: number;
  seconds?: number;
  rechecked?: number;
  recheck_s?: number;
  samples?: number;
  backend?: string;
}

/**
 * DESIGN.md §10, H100-class GPU with Philox, generation included, matrices/s. Between the
 * listed N the bound is interpolated log-log; past the last N it follows the last segment
 * (≈ 1/N for the O(N) tridiagonal count, ≈ 1/N² for dense, whose N² entries dominate).
 */
export const PAPER_BOUNDS: Record<string, Record<string, [number, number][]>> = {
  index: {
    goe: [[8, 1.3e10], [32, 8e8], [128, 4e7]],
    'goe-tridiagonal': [[128, 1.3e9], [1024, 1.6e8]],
  },
  // Early-exit P(min): one value at any N (most matrices fail in a few pivots).
  pmin: { goe: [[8, 1.8e11]] },
};

export interface Bound {
  value: number;
  /** 'listed' where §10 gives this N, else 'interpolated' or 'extrapolated'. */
  how: 'listed' | 'interpolated' | 'extrapolated';
}

export function paperBound(statistic: string, ensemble: string, n: number): Bound | undefined {
  const points = PAPER_BOUNDS[statistic]?.[ensemble];
  if (!points) return undefined;
  if (points.length === 1) return { value: points[0][1], how: 'listed' };
  const exact = points.find(([x]) => x === n);
  if (exact) return { value: exact[1], how: 'listed' };
  let i = points.findIndex(([x]) => x > n);
  const how = i > 0 ? 'interpolated' : 'extrapolated';
  if (i <= 0) i = i === 0 ? 1 : points.length - 1;
  const [[x0, y0], [x1, y1]] = [points[i - 1], points[i]];
  const slope = Math.log(y1 / y0) / Math.log(x1 / x0);
  return { value: y0 * (n / x0) ** slope, how };
}

interface Row {
  statistic: string;
  ensemble: string;
  n: number;
  lab?: ResultLine;
  /** The lab line is the full-index kernel standing in for a P(min)-only one. */
  labFullIndex?: boolean;
  torch?: ResultLine;
}

const key = (statistic: string, ensemble: string, n: number) => `${statistic}|${ensemble}|${n}`;

/** Rows in the order their lines came, one per (statistic, ensemble, N). */
export function tableRows(lines: readonly ResultLine[]): Row[] {
  const rows = new Map<string, Row>();
  const row = (statistic: string, ensemble: string, n: number): Row => {
    const k = key(statistic, ensemble, n);
    if (!rows.has(k)) rows.set(k, { statistic, ensemble, n });
    return rows.get(k)!;
  };
  const measured = lines.filter((l) => l.status === 'ok' && l.ensemble && l.n && (l.side === 'torch' || l.final));
  for (const line of measured) {
    const statistic = line.statistic ?? 'index';
    const r = row(statistic, line.ensemble!, line.n!);
    if (line.side === 'torch') r.torch = line;
    else r.lab = line;
  }
  // A P(min) row without a P(min)-only lab kernel gets the full-index kernel (its k = 0 bin).
  for (const r of rows.values()) {
    if (r.statistic !== 'pmin' || r.lab) continue;
    const full = rows.get(key('index', r.ensemble, r.n))?.lab;
    if (full) Object.assign(r, { lab: full, labFullIndex: true });
  }
  return [...rows.values()];
}

const STATISTIC_LABEL: Record<string, string> = { index: 'index histogram', pmin: 'P(min) only' };

function rate(x: number | undefined): string {
  if (x === undefined) return '—';
  if (x >= 1e9) return `${(x / 1e9).toPrecision(3)}G/s`;
  if (x >= 1e6) return `${(x / 1e6).toPrecision(3)}M/s`;
  if (x >= 1e3) return `${(x / 1e3).toPrecision(3)}k/s`;
  return `${x.toPrecision(3)}/s`;
}

/** The markdown table the README's "On a real GPU" section shows. */
export function markdownTable(lines: readonly ResultLine[]): string {
  const head =
    '| statistic | ensemble | N | saddle-lab | PyTorch | ratio | paper bound (§10) | lab / bound | lab compile s | host recheck share |\n' +
    '|---|---|---|---|---|---|---|---|---|---|\n';
  const body = tableRows(lines).map((r) => {
    const lab = r.lab?.matrices_per_s;
    const torch = r.torch?.matrices_per_s;
    const bound = paperBound(r.statistic, r.ensemble, r.n);
    const labCell = lab === undefined ? '—' : `${rate(lab)}${r.labFullIndex ? ' (full index)' : ''}`;
    // The comparator's backend is named where it is not PyTorch on CUDA (a stand-in run).
    const how = [r.torch?.method, r.torch?.backend === 'torch-cuda' ? undefined : r.torch?.backend].filter(Boolean).join(', ');
    const torchCell = torch === undefined ? '—' : `${rate(torch)} (${how})`;
    const ratio = lab !== undefined && torch ? (lab / torch).toPrecision(3) : '—';
    const boundCell = bound ? `${bound.value.toExponential(1)}${bound.how === 'listed' ? '' : ` (${bound.how})`}` : '—';
    const fraction = lab !== undefined && bound ? (lab / bound.value).toExponential(1) : '—';
    const compile = r.lab?.compile_s === undefined ? '—' : r.lab.compile_s.toFixed(2);
    const share = r.lab?.recheck_s !== undefined && r.lab.seconds ? `${((100 * r.lab.recheck_s) / r.lab.seconds).toFixed(1)}%` : '—';
    return `| ${STATISTIC_LABEL[r.statistic] ?? r.statistic} | ${r.ensemble} | ${r.n} | ${labCell} | ${torchCell} | ${ratio} | ${boundCell} | ${fraction} | ${compile} | ${share} |`;
  });
  const failed = lines.filter((l) => l.status !== 'ok');
  const notes = failed.map((l) => `- list line ${l.item ?? '?'} (${l.side} ${l.args ?? ''}): ${l.status}`);
  return head + body.join('\n') + '\n' + (notes.length ? '\n' + notes.join('\n') + '\n' : '');
}
