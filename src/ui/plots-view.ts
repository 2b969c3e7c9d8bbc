// Puts the plots and their tables into the page. Redraws at most once per animation frame
// however often results arrive, and builds a table only while its <details> is open.

import { indexPlot, type IndexPlotData } from '../plots/index-plot.ts';
import { pMinPlot, type PMinPlotData } from '../plots/pmin-plot.ts';
import { indexTable, pMinTable } from '../plots/tables.ts';
import { alphaPlot, type AlphaPlotData } from '../plots/alpha-plot.ts';
import { edgePlot, type EdgePlotData } from '../plots/edge-plot.ts';
import { spectrumPlot, type SpectrumPlotData } from '../plots/spectrum-plot.ts';
import { byId } from './dom.ts';

const MIN_REDRAW_INTERVAL_MS = 200;

export interface PlotsData {
  pMin: PMinPlotData;
  /** The P(min) figure's caption: what the plot draws for the ensemble and shift on screen. */
  pMinCaption: string;
  index: IndexPlotData;
  /** Drawn instead of the index plot (and its table hidden) when no index is counted. */
  indexNotice?: string;
  /** Absent until a spectrum run for the settings on screen. */
  spectrum?: SpectrumPlotData;
  edge?: EdgePlotData;
  /** Only for ensembles whose theory is the free convolution. */
  alpha?: AlphaPlotData;
}

export class PlotsView {
  readonly #doc: Document;
  readonly #pMinHost: HTMLElement;
  readonly #indexHost: HTMLElement;
  readonly #pMinTable: HTMLDetailsElement;
  readonly #indexTable: HTMLDetailsElement;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastRenderMs = -Infinity;
  #source: () => PlotsData;

  constructor(doc: Document, source: () => PlotsData) {
    this.#doc = doc;
    this.#source = source;
    this.#pMinHost = byId(doc, 'plot-pmin', HTMLElement);
    this.#indexHost = byId(doc, 'plot-index', HTMLElement);
    this.#pMinTable = byId(doc, 'table-pmin-details', HTMLDetailsElement);
    this.#indexTable = byId(doc, 'table-index-details', HTMLDetailsElement);
    for (const details of [this.#pMinTable, this.#indexTable]) details.addEventListener('toggle', () => this.schedule());
  }

  /**
   * Asks for a redraw (coalesced): on the next animation frame, but not sooner than
   * MIN_REDRAW_INTERVAL_MS after the last one, so fast progress cannot flood the main thread.
   */
  schedule(): void {
    if (this.#frame || this.#timer) return;
    const wait = this.#lastRenderMs + MIN_REDRAW_INTERVAL_MS - performance.now();
    const request = () => {
      this.#timer = undefined;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.renderNow();
      });
    };
    if (wait > 0) this.#timer = setTimeout(request, wait);
    else request();
  }

  /** Fills the host with `plot`, or empties it and hides its figure when there is none. */
  #optional(hostId: string, plot: SVGSVGElement | undefined): void {
    const host = byId(this.#doc, hostId, HTMLElement);
    host.replaceChildren(...(plot ? [plot] : []));
    const figure = host.closest('figure');
    if (figure) figure.hidden = plot === undefined && figure.dataset['always'] === undefined;
  }

  renderNow(): void {
    this.#lastRenderMs = performance.now();
    const data = this.#source();
    const doc = this.#doc;
    // A redraw replaces the points; keep keyboard focus on the same N so the readout stays.
    const focused = doc.activeElement instanceof SVGGElement && this.#pMinHost.contains(doc.activeElement) ? doc.activeElement : undefined;
    const focusKey = focused && `.${[...focused.classList].join('.')}[data-n="${focused.dataset['n']}"]`;
    this.#pMinHost.replaceChildren(pMinPlot(data.pMin, { document: doc, idPrefix: 'a' }));
    byId(doc, 'pmin-caption', HTMLElement).textContent = data.pMinCaption;
    if (focusKey) this.#pMinHost.querySelector<SVGGElement>(focusKey)?.focus();
    this.#indexHost.replaceChildren(data.indexNotice === undefined ? indexPlot(data.index, { document: doc, idPrefix: 'b' }) : notice(doc, data.indexNotice));
    this.#indexTable.hidden = data.indexNotice !== undefined;
    const pMinTableHost = byId(doc, 'table-pmin', HTMLElement);
    const indexTableHost = byId(doc, 'table-index', HTMLElement);
    this.#optional('plot-spectrum', data.spectrum && spectrumPlot(data.spectrum, { document: doc, idPrefix: 'c' }));
    this.#optional('plot-edge', data.edge && edgePlot(data.edge, { document: doc, idPrefix: 'd' }));
    this.#optional('plot-alpha', data.alpha && alphaPlot(data.alpha, { document: doc, idPrefix: 'e' }));
    pMinTableHost.replaceChildren(...(this.#pMinTable.open ? [pMinTable(data.pMin, { document: doc })] : []));
    indexTableHost.replaceChildren(...(this.#indexTable.open && !this.#indexTable.hidden ? [indexTable(data.index, { document: doc })] : []));
  }
}

/** One line in a plot's place, saying why there is nothing to draw. */
function notice(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.className = 'plot-notice';
  p.setAttribute('role', 'note');
  p.textContent = text;
  return p;
}
