// The settings form: shows PageSettings in the controls, reads them back, and keeps the N
// sliders' limits in step with the ensemble and method. Native <input type=range> and
// <select> give keyboard operation; every control has a visible <label>.

import { checkMethod, checkStatistic, ConfigError, defaultParams, METHODS, parameterNames, parseEnsemble, parseMethod, parseParameter, parseSeed, parseStatistic, type EnsembleParams, type Method, type Statistic } from '../config.ts';
import { allParameters, ensembleEntry, ensembleIds } from '../ensembles/registry.ts';
import { byId } from './dom.ts';
import { formatSamples, positionOf, samplesAt, SAMPLES_STEPS } from './samples-slider.ts';
import { nLimit, SHIFT_STEP, type PageSettings } from './settings.ts';

const SHIFT_STEPS_PER_UNIT = Math.round(1 / SHIFT_STEP);

/** The slider's grid as k / SHIFT_STEPS_PER_UNIT: prints as 0.15, never 0.15000000000000002. */
const snapShift = (shift: number): number => Math.round(shift * SHIFT_STEPS_PER_UNIT) / SHIFT_STEPS_PER_UNIT;

export class Controls {
  readonly ensemble: HTMLSelectElement;
  readonly method: HTMLSelectElement;
  readonly statistic: HTMLSelectElement;
  readonly nMin: HTMLInputElement;
  readonly nMax: HTMLInputElement;
  readonly samples: HTMLInputElement;
  readonly shift: HTMLInputElement;
  readonly seed: HTMLInputElement;
  /** One number input per ensemble parameter of the registry; only the current ensemble's are shown. */
  readonly params = new Map<string, HTMLInputElement>();
  readonly #doc: Document;
  /** The exact samples value from a URL until the slider is moved (the slider snaps to 1-2-5). */
  #samplesExact: number | undefined;
  /** Likewise the exact shift from a URL (the slider snaps to SHIFT_STEP): a different shift is another stream. */
  #shiftExact: number | undefined;
  #backend: PageSettings['backend'] = 'gpu';
  /** What the last read() could not use, each naming the field and the value ("invalid seed: …"). */
  problems: string[] = [];

  constructor(doc: Document) {
    this.#doc = doc;
    this.ensemble = byId(doc, 'ensemble', HTMLSelectElement);
    this.method = byId(doc, 'method', HTMLSelectElement);
    this.statistic = byId(doc, 'statistic', HTMLSelectElement);
    this.nMin = byId(doc, 'nmin', HTMLInputElement);
    this.nMax = byId(doc, 'nmax', HTMLInputElement);
    this.samples = byId(doc, 'samples', HTMLInputElement);
    this.shift = byId(doc, 'shift', HTMLInputElement);
    this.seed = byId(doc, 'seed', HTMLInputElement);
    this.samples.max = String(SAMPLES_STEPS.length - 1);
    this.shift.step = String(SHIFT_STEP);
    this.#buildEnsembleControls();
  }

  /** The picker's options and a hidden field per parameter, all from the ensemble registry. */
  #buildEnsembleControls(): void {
    const doc = this.#doc;
    this.ensemble.replaceChildren(
      ...ensembleIds().map((id) => {
        const option = doc.createElement('option');
        option.value = id;
        option.textContent = `${ensembleEntry(id).label} (N ≤ ${ensembleEntry(id).nMax})`;
        return option;
      }),
    );
    const container = byId(doc, 'ensemble-params', HTMLElement);
    for (const spec of allParameters().values()) {
      const field = doc.createElement('div');
      field.className = 'field';
      field.dataset['param'] = spec.name;
      const label = doc.createElement('label');
      label.htmlFor = `param-${spec.name}`;
      label.textContent = spec.label;
      const input = doc.createElement('input');
      input.type = 'number';
      input.id = `param-${spec.name}`;
      input.name = spec.name;
      input.step = String(spec.step);
      input.title = spec.doc;
      field.append(label, input);
      container.append(field);
      this.params.set(spec.name, input);
    }
  }

  /** Shows the current ensemble's parameter fields with its ranges, and only its methods. */
  #showEnsemble(ensemble: string, params: EnsembleParams): void {
    const specs = new Map(ensembleEntry(ensemble).parameters.map((p) => [p.name, p]));
    for (const [name, input] of this.params) {
      const spec = specs.get(name);
      (input.parentElement as HTMLElement).hidden = spec === undefined;
      if (!spec) continue;
      input.min = String(spec.min);
      input.max = String(spec.max);
      input.setAttribute('aria-description', `${spec.unit}; ${spec.doc}`);
      if (Number(input.value) !== params[name] || input.value === '') input.value = String(params[name]);
    }
    for (const option of this.method.options) {
      option.disabled = !methodApplies(ensemble, parseMethod(option.value), params);
    }
  }

  /**
   * The current ensemble's parameters from their fields; a half-typed or out-of-range value
   * keeps the last valid one (or the default), as the seed does.
   */
  #readParams(ensemble: string): EnsembleParams {
    const params: Record<string, number> = { ...defaultParams(ensemble) };
    for (const spec of ensembleEntry(ensemble).parameters) {
      const input = this.params.get(spec.name)!;
      try {
        params[spec.name] = parseParameter(ensemble, spec.name, input.value);
        input.dataset['last'] = input.value;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const last = input.dataset['last'];
        if (last !== undefined) {
          try {
            params[spec.name] = parseParameter(ensemble, spec.name, last);
          } catch {
            // a value valid for another ensemble sharing the name: keep the default
          }
        }
      }
    }
    return params;
  }

  write(settings: PageSettings): void {
    this.ensemble.value = settings.ensemble;
    for (const [name, value] of Object.entries(settings.params)) {
      const input = this.params.get(name);
      if (input) (input.value = String(value)), (input.dataset['last'] = String(value));
    }
    this.#showEnsemble(settings.ensemble, settings.params);
    this.method.value = settings.method;
    this.#showStatistic(settings.ensemble, settings.method);
    this.statistic.value = settings.statistic;
    this.#setLimits(settings);
    this.nMin.value = String(settings.nMin);
    this.nMax.value = String(settings.nMax);
    this.samples.value = String(positionOf(settings.samples));
    this.#samplesExact = settings.samples === samplesAt(positionOf(settings.samples)) ? undefined : settings.samples;
    this.shift.value = String(settings.shift);
    this.#shiftExact = snapShift(settings.shift) === settings.shift ? undefined : settings.shift;
    this.seed.value = String(settings.seed);
    this.#backend = settings.backend;
    this.#showValues(settings);
  }

  /**
   * Reads the form. `moved` names the control the person just changed, so that dragging
   * N min past N max pushes N max along (and the other way round) instead of blocking.
   */
  read(moved?: EventTarget | null): PageSettings {
    const ensemble = parseEnsemble(this.ensemble.value);
    const params = this.#readParams(ensemble);
    // A method the ensemble's theory lacks (exact, rare off GOE) falls back to sampling.
    let method = parseMethod(this.method.value);
    if (!methodApplies(ensemble, method, params)) method = 'mc';
    // P(min) alone needs Monte Carlo on a dense ensemble; elsewhere the index is counted.
    let statistic = parseStatistic(this.statistic.value);
    if (!statisticApplies(ensemble, method, statistic)) statistic = 'index';
    const limit = nLimit(ensemble, method);
    let nMin = Math.min(limit, Number(this.nMin.value));
    let nMax = Math.min(limit, Number(this.nMax.value));
    if (nMin > nMax) {
      if (moved === this.nMax) nMin = nMax;
      else nMax = nMin;
    }
    if (moved === this.samples) this.#samplesExact = undefined;
    if (moved === this.shift) this.#shiftExact = undefined;
    this.problems = [];
    let seed: number;
    try {
      // The CLI's and the URL's grammar (config.ts): "1e3" is 1000 everywhere, "0x10" nowhere.
      seed = parseSeed(this.seed.value);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A half-typed seed keeps the last valid one rather than running seed 0, and says so.
      seed = Number(this.seed.dataset['last'] ?? 0);
      this.problems.push(`${error.message}; still using seed ${seed}`);
    }
    const settings: PageSettings = {
      ensemble,
      params,
      method,
      statistic,
      nMin,
      nMax,
      samples: this.#samplesExact ?? samplesAt(Number(this.samples.value)),
      shift: this.#shiftExact ?? snapShift(Number(this.shift.value)),
      seed,
      backend: this.#backend,
    };
    this.seed.dataset['last'] = String(settings.seed);
    this.#showEnsemble(ensemble, params);
    this.method.value = method;
    this.#showStatistic(ensemble, method);
    this.statistic.value = statistic;
    this.#setLimits(settings);
    this.nMin.value = String(nMin);
    this.nMax.value = String(nMax);
    this.#showValues(settings);
    return settings;
  }

  #showStatistic(ensemble: string, method: Method): void {
    for (const option of this.statistic.options) option.disabled = !statisticApplies(ensemble, method, parseStatistic(option.value));
  }

  #setLimits(settings: PageSettings): void {
    const limit = String(nLimit(settings.ensemble, settings.method));
    this.nMin.max = limit;
    this.nMax.max = limit;
  }

  #showValues(settings: PageSettings): void {
    const show = (id: string, text: string, input: HTMLInputElement) => {
      byId(this.#doc, id, HTMLOutputElement).value = text;
      input.setAttribute('aria-valuetext', text);
    };
    show('nmin-value', String(settings.nMin), this.nMin);
    show('nmax-value', String(settings.nMax), this.nMax);
    show('samples-value', formatSamples(settings.samples), this.samples);
    show('shift-value', settings.shift.toFixed(2), this.shift);
    this.seed.dataset['last'] = String(settings.seed);
  }
}

function methodApplies(ensemble: string, method: (typeof METHODS)[number], params: EnsembleParams): boolean {
  try {
    checkMethod(ensemble, method, params);
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

function statisticApplies(ensemble: string, method: Method, statistic: Statistic): boolean {
  try {
    checkStatistic(ensemble, method, statistic);
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

/** Names of the parameter inputs, for the URL writer and tests. */
export const PARAMETER_INPUTS = (): string[] => parameterNames();
