// The spectrum panel's form: N, matrices and samples per shift. A half-typed or out-of-range
// value keeps the last valid one; N is clamped to the ensemble's N limit.

import { nMax, type Ensemble } from '../config.ts';
import { byId } from './dom.ts';
import { EDGE_SAMPLES_MAX, SPECTRUM_MATRICES_MAX, spectrumInteger, type SpectrumSettings } from './spectrum-settings.ts';

export class SpectrumControls {
  readonly n: HTMLInputElement;
  readonly matrices: HTMLInputElement;
  readonly edgeSamples: HTMLInputElement;
  #last: SpectrumSettings | undefined;
  /** What the last read() could not use, each naming the field and the value. */
  problems: string[] = [];

  constructor(doc: Document) {
    this.n = byId(doc, 'specn', HTMLInputElement);
    this.matrices = byId(doc, 'specm', HTMLInputElement);
    this.edgeSamples = byId(doc, 'edgesamples', HTMLInputElement);
    this.matrices.max = String(SPECTRUM_MATRICES_MAX);
    this.edgeSamples.max = String(EDGE_SAMPLES_MAX);
  }

  write(settings: SpectrumSettings): void {
    this.n.value = String(settings.n);
    this.matrices.value = String(settings.matrices);
    this.edgeSamples.value = String(settings.edgeSamples);
    this.#last = { ...settings };
  }

  read(ensemble: Ensemble): SpectrumSettings {
    const limit = nMax(ensemble, 'mc');
    this.n.max = String(limit);
    const last = this.#last!;
    this.problems = [];
    // The shared grammar (config.ts); a half-typed value keeps the last valid one and says so.
    const integer = (input: HTMLInputElement, min: number, max: number, fallback: number) => {
      const value = spectrumInteger(input.id, input.value, min, max);
      if (typeof value === 'number') return value;
      this.problems.push(`invalid ${input.id}: ${JSON.stringify(input.value)} (${value}); still using ${fallback}`);
      return fallback;
    };
    const settings = {
      n: Math.min(limit, integer(this.n, 2, Number.MAX_SAFE_INTEGER, last.n)),
      matrices: integer(this.matrices, 1, SPECTRUM_MATRICES_MAX, last.matrices),
      edgeSamples: integer(this.edgeSamples, 100, EDGE_SAMPLES_MAX, last.edgeSamples),
    };
    this.#last = settings;
    return settings;
  }
}
