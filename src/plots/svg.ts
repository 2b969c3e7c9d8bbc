// Small helpers shared by the plots: an accessible <svg> root built with the caller's
// document (jsdom in tests, the page's document in the browser).

import { select, type Selection } from 'd3-selection';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface PlotOptions {
  /** The document that creates the nodes; plots never touch a global `document`. */
  document: Document;
  widthPx?: number;
  heightPx?: number;
  /** Prefix for element ids, unique per page (aria references need ids). */
  idPrefix?: string;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

/** A scalable <svg role="img"> with a <title> and <desc> that screen readers announce. */
export function svgRoot(
  doc: Document,
  widthPx: number,
  heightPx: number,
  id: string,
  title: string,
  description: string,
): SvgSelection {
  const node = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const svg = select(node)
    .attr('viewBox', `0 0 ${widthPx} ${heightPx}`)
    .attr('width', widthPx)
    .attr('height', heightPx)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .attr('class', 'plot');
  svg.append('title').attr('id', `${id}-title`).text(title);
  svg.append('desc').attr('id', `${id}-desc`).text(description);
  return svg;
}

/** Rounds a pixel coordinate to 0.1 px so snapshots stay stable and the markup small. */
export const px = (value: number): number => Math.round(value * 10) / 10;
