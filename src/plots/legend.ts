// A legend: one entry per mark kind, with a swatch drawn in the same classes the marks use, so
// the stylesheet styles both alike. One column by default; a plot whose legend sits below its
// axes (pmin-plot.ts) lays the entries out in rows of `columns`.

import type { SvgSelection } from './svg.ts';

export interface LegendEntry {
  /** CSS class of the mark (mc, bound, rare, exact, naive, largeDeviation, mean, band). */
  kind: string;
  label: string;
}

export const LEGEND_ROW_HEIGHT_PX = 16;
const ROW_HEIGHT_PX = LEGEND_ROW_HEIGHT_PX;

export interface LegendLayout {
  /** Entries per row, filled left to right. */
  columns: number;
  columnWidthPx: number;
}

const ONE_COLUMN: LegendLayout = { columns: 1, columnWidthPx: 250 };

export function drawLegend(svg: SvgSelection, entries: readonly LegendEntry[], leftPx: number, topPx: number, layout: LegendLayout = ONE_COLUMN): void {
  if (entries.length === 0) return;
  const columns = Math.max(1, Math.min(layout.columns, entries.length));
  const rows = Math.ceil(entries.length / columns);
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${leftPx},${topPx})`);
  legend
    .append('rect')
    .attr('class', 'legend-box')
    .attr('x', -6)
    .attr('y', -4)
    .attr('width', columns * layout.columnWidthPx)
    .attr('height', rows * ROW_HEIGHT_PX + 6);
  entries.forEach((entry, i) => {
    const [r, c] = [Math.floor(i / columns), i % columns];
    const row = legend.append('g').attr('transform', `translate(${c * layout.columnWidthPx},${r * ROW_HEIGHT_PX})`);
    const mid = ROW_HEIGHT_PX / 2 - 1;
    switch (entry.kind) {
      case 'mc':
        row.append('path').attr('class', 'bar mc').attr('d', `M10,${mid - 6}V${mid + 6}`);
        row.append('circle').attr('class', 'mark mc').attr('cx', 10).attr('cy', mid).attr('r', 4);
        break;
      case 'rare':
        row.append('path').attr('class', 'bar rare').attr('d', `M10,${mid - 7}V${mid + 7}`);
        row.append('path').attr('class', 'mark rare').attr('d', `M10,${mid - 5}L15,${mid}L10,${mid + 5}L5,${mid}Z`);
        break;
      case 'bound':
        row.append('path').attr('class', 'mark bound').attr('d', `M5,${mid - 6}H15M10,${mid - 6}v11M7,${mid + 1}L10,${mid + 6}L13,${mid + 1}`);
        break;
      case 'exact':
        row.append('path').attr('class', 'curve exact').attr('d', `M0,${mid}H20`);
        row.append('circle').attr('class', 'mark exact').attr('cx', 10).attr('cy', mid).attr('r', 3.5);
        break;
      case 'histogram':
        row.append('rect').attr('class', 'bar spectrum').attr('x', 2).attr('y', mid - 6).attr('width', 16).attr('height', 12);
        break;
      case 'band':
        row.append('rect').attr('class', 'band').attr('x', 0).attr('y', mid - 5).attr('width', 20).attr('height', 10);
        break;
      default:
        row.append('path').attr('class', `curve ${entry.kind}`).attr('d', `M0,${mid}H20`);
    }
    row.append('text').attr('x', 26).attr('y', mid + 4).text(entry.label);
  });
}
