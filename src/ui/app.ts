// The page's state and its runs: settings, the results cache, the backend, and one run at a
// time (Monte Carlo sweep, rare-event estimates or the exact table). DOM-free apart from the
// views it is given, so main.ts only wires events.

import { version } from '../../package.json';
import { runSweep, type SweepProgress } from '../engine/sweep.ts';
import { histogramCsv, summaryCsv } from '../export/csv.ts';
import { manifestJson } from '../export/manifest.ts';
import { formatCount } from '../plots/format.ts';
import { describeFailure, reasonOf } from '../failure.ts';
import type { Summary } from '../stats/summary.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { cpuBackend, type Backend } from './backend.ts';
import type { CpuWorkers } from './cpu-workers.ts';
import { closedFormExact, indexPlotData, pMinPlotData, type ExactLookup } from './plot-data.ts';
import type { PlotsData } from './plots-view.ts';
import type { ProgressView } from './progress-view.ts';
import { ResultsCache, type StreamKey } from './results-cache.ts';
import { dimensions, runConfig, type PageSettings } from './settings.ts';
import { runSpectraPanel, spectraKey, type SpectraResults } from './spectra-run.ts';
import { alphaPlotData, edgePlotData, spectrumPlotData } from './spectra-plot-data.ts';
import { DEFAULT_SPECTRUM_SETTINGS, type SpectrumSettings } from './spectrum-settings.ts';
import { indexNotice } from './statistic-mode.ts';
import { pMinCaption } from './pmin-caption.ts';
import { edgeCsv } from '../export/edge-csv.ts';
import { spectrumCsv } from '../export/spectrum-csv.ts';
import { pMinTracyWidom, tracyWidomArgumentOfShift } from '../stats/edge-scaling.ts';

export interface AppViews {
  progress: ProgressView;
  /** Shows one line of status; `error` marks it as a problem. */
  status(text: string, error?: boolean): void;
  badge(text: string): void;
  /** Asks for a redraw of the plots. */
  redraw(): void;
}

interface Timings {
  compileS: number;
  samplingS: number;
  matricesPerS: number;
}

export class App {
  settings: PageSettings;
  spectrumSettings: SpectrumSettings = { ...DEFAULT_SPECTRUM_SETTINGS };
  /** The last spectrum and λ_min results; shown only while they match the settings. */
  #spectra: SpectraResults | undefined;
  readonly cache = new ResultsCache();
  #backend: Promise<Backend>;
  #run: { controller: AbortController; done: Promise<void> } | undefined;
  #timings: Timings = { compileS: 0, samplingS: 0, matricesPerS: 0 };
  #note: string | undefined;
  #device = '';
  // The exact table is ~270 kB of JSON: loaded after start-up so it never delays the first
  // point; until then the plot shows the closed forms P_1 and P_2.
  readonly #exactTable = import('../stats/exact-table.ts');
  #exactLookup: ExactLookup = closedFormExact;

  constructor(
    settings: PageSettings,
    backend: Promise<Backend>,
    private readonly worker: CpuWorkers,
    private readonly views: AppViews,
  ) {
    this.settings = settings;
    this.#backend = this.#watch(backend);
    void this.#exactTable.then(({ exactPMin }) => {
      this.#exactLookup = (n, shift) => exactPMin(n, shift)?.log10P;
      this.views.redraw();
    });
  }

  get running(): boolean {
    return this.#run !== undefined;
  }

  #stream(): StreamKey {
    const { ensemble, params, shift, seed, samples, statistic } = this.settings;
    return { ensemble, params, shift, seed, samples, statistic };
  }

  /** Shows the badge and, if the GPU device is lost while idle, switches to the CPU. */
  #watch(backend: Promise<Backend>): Promise<Backend> {
    const watched: Promise<Backend> = backend.then((b) => {
      // Marks for scripts/measure-page.ts (load → first point is a reported number).
      performance.mark('saddle:backend-ready');
      this.views.badge(b.badge);
      this.#device = b.sampler.description;
      if (b.kind === 'gpu') {
        void b.sampler.lost.then((end) => {
          if (end.kind === 'device-lost' && this.#backend === watched) this.#loseDevice(end.reason);
        });
      }
      return b;
    });
    return watched;
  }

  #loseDevice(reason: string): void {
    this.views.status(`GPU device lost (${reason}): results so far are kept; continuing on the CPU.`, true);
    this.#backend = this.#watch(Promise.resolve(cpuBackend(this.worker, 'CPU fallback — GPU device lost')));
  }

  /** Rows of the current stream and N range, all methods, ascending N. */
  rows(): Summary[] {
    return this.cache.rows(this.#stream(), this.settings.nMin, this.settings.nMax);
  }

  plotsData(): PlotsData {
    const { nMin, nMax, shift, ensemble, params } = this.settings;
    const rows = this.rows();
    const entry = ensembleEntry(ensemble);
    const theories = entry.theories(params);
    const spectra = this.#currentSpectra();
    const pMin = pMinPlotData(rows, [nMin, nMax], shift, this.#exactLookup, theories);
    return {
      pMin,
      pMinCaption: pMinCaption(pMin, theories, entry.label, shift),
      index: indexPlotData(this.cache.histograms(this.#stream(), nMin, nMax), rows, shift, theories),
      indexNotice: indexNotice(this.settings.statistic),
      spectrum: spectrumPlotData(spectra),
      edge: edgePlotData(this.settings, spectra, this.spectrumSettings.n),
      alpha: alphaPlotData(this.settings, rows),
    };
  }

  #currentSpectra(): SpectraResults | undefined {
    return this.#spectra?.key === spectraKey(this.settings, this.spectrumSettings) ? this.#spectra : undefined;
  }

  /** Long-form spectrum CSV of the spectrum on screen (the CLI's --spectrum format). */
  spectrumCsv(): string {
    const spectrum = this.#currentSpectra()?.spectrum;
    return spectrumCsv(spectrum ? [spectrum] : []);
  }

  /** λ_min CSV of the shift sweep on screen (the CLI's --edge format). */
  edgeCsv(): string {
    const rows = this.#currentSpectra()?.edge ?? [];
    const theories = ensembleEntry(this.settings.ensemble).theories(this.settings.params);
    return edgeCsv(rows.map((summary) => ({
      summary,
      tracyWidom: theories.includes('tracy-widom')
        ? { argument: tracyWidomArgumentOfShift(summary.shift, summary.n), f1: pMinTracyWidom(summary.shift, summary.n) }
        : undefined,
    })));
  }

  /** Runs the spectrum and λ_min sweep at spectrumSettings.n (one run at a time, as run()). */
  async runSpectra(): Promise<void> {
    return this.#start(async (signal) => {
      const settings = { ...this.settings };
      const spectrum = { ...this.spectrumSettings };
      const backend = await this.#backend;
      this.views.status(`Spectrum and λ_min sweep at N = ${spectrum.n} (spectrum on the CPU twin, shifts on ${backend.kind === 'gpu' ? 'the GPU' : 'the CPU'}).`);
      this.views.progress.fraction(0, 'spectrum');
      const results = await runSpectraPanel(settings, spectrum, backend, this.worker.spectrumCounter(), signal, (r) => {
        this.#spectra = r;
        this.views.progress.fraction(r.edge.length / 16, `λ_min sweep, ${r.edge.length} shifts`);
        this.views.redraw();
      });
      this.#spectra = results;
      if (results.failure) {
        this.views.progress.fraction(1, 'failed');
        this.views.status(`λ_min sweep failed: ${describeFailure(results.failure)}. The spectrum and the shifts done are kept.`, true);
        this.views.redraw();
        return;
      }
      this.views.progress.fraction(1, signal.aborted ? 'stopped' : 'done');
      this.views.status(signal.aborted ? 'Stopped. The spectrum and the shifts done are kept.' : `Done: spectrum and ${results.edge.length} shifts at N = ${spectrum.n}.`);
    });
  }

  summaryCsv(): string {
    return summaryCsv(this.rows());
  }

  histogramCsv(): string {
    const { ensemble, params, shift, nMin, nMax } = this.settings;
    return histogramCsv(this.cache.histograms(this.#stream(), nMin, nMax).map(({ n, counts }) => ({ ensemble, params, n, shift, counts })));
  }

  async manifestJson(): Promise<string> {
    const backend = await this.#backend;
    return manifestJson({
      tool: 'saddle-lab',
      version,
      createdAt: new Date().toISOString(),
      settings: runConfig(this.settings, backend.kind),
      backend: backend.kind,
      device: this.#device,
      timings: this.#timings,
      note: this.#note,
    });
  }

  /** Stops the current run (if any) and waits until it has ended; results stay in the cache. */
  async stop(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    run.controller.abort();
    await run.done;
  }

  /** Starts a run of the current settings, stopping any run in progress first. */
  async run(): Promise<void> {
    return this.#start((signal) => {
      const settings = { ...this.settings };
      return settings.method === 'mc' ? this.#sweep(settings, signal)
        : settings.method === 'rare' ? this.#rare(settings, signal)
        : this.#exact(settings);
    });
  }

  /** Stops any run, then starts `work` (which reads the settings then) as the one run in progress. */
  async #start(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    // A loop, not one await: two quick calls (a double-click, Run plus a debounced slider)
    // both wait here, and only the last may start; the other finds a newer run and stops it.
    while (this.#run) await this.stop();
    const controller = new AbortController();
    const done = work(controller.signal)
      .catch((error: unknown) => {
        this.views.status(`Run failed: ${reasonOf(error)}`, true);
      })
      .finally(() => {
        if (this.#run?.controller === controller) this.#run = undefined;
        this.views.redraw();
      });
    this.#run = { controller, done };
    return done;
  }

  async #sweep(settings: PageSettings, signal: AbortSignal): Promise<void> {
    const stream = { ensemble: settings.ensemble, params: settings.params, shift: settings.shift, seed: settings.seed, samples: settings.samples, statistic: settings.statistic };
    const ns = dimensions(settings);
    this.#note = undefined;
    for (;;) {
      const backendPromise = this.#backend;
      const backend = await backendPromise;
      if (signal.aborted) return;
      this.views.status(`Sampling N = ${settings.nMin}…${settings.nMax} on ${backend.kind === 'gpu' ? 'the GPU' : 'the CPU'}.`);
      const onProgress = (p: SweepProgress) => {
        performance.mark('saddle:progress');
        this.cache.storeSweep(p.summaries, p.histograms, settings.statistic);
        this.views.progress.sweep(p);
        this.#timings.matricesPerS = p.matricesPerS;
        this.views.redraw();
      };
      const result = await runSweep(runConfig(settings, backend.kind), backend.sampler, {
        signal,
        onProgress,
        resumeFrom: this.cache.resumeFrom(stream, ns),
        resumeElapsedS: this.cache.resumeElapsedS(stream, ns),
      });
      this.cache.storeSweep(result.summaries, result.histograms, settings.statistic);
      this.#timings.compileS = result.compileS;
      this.#timings.samplingS = result.samplingS;
      if (result.failure?.kind === 'device-lost' && backend.kind === 'gpu' && !signal.aborted) {
        // A lost device fails the sampler; the cache holds every finished round, so the CPU
        // continues each stream where the GPU stopped.
        this.#note = `GPU failed mid-sweep (${result.failure.reason}); finished on the CPU`;
        if (this.#backend === backendPromise) this.#loseDevice(result.failure.reason);
        continue;
      }
      if (result.failure) {
        this.#note = `sweep failed: ${describeFailure(result.failure)}`;
        this.views.status(`Sweep failed: ${describeFailure(result.failure)}. Results so far are kept.`, true);
      } else if (result.stopped) {
        this.#note = 'stopped before every N reached the requested samples';
        this.views.status('Stopped. Partial results are kept and can be downloaded.');
        this.views.progress.idle('stopped');
      } else {
        this.views.status(`Done: ${ns.length} ${ns.length === 1 ? 'dimension' : 'dimensions'} × ${formatCount(settings.samples)} samples.`);
        this.views.progress.sweep({ matricesDone: 1, matricesTotal: 1, matricesPerS: this.#timings.matricesPerS, etaS: 0, summaries: [], histograms: new Map() });
        this.views.progress.idle(`done · ${formatCount(this.#timings.matricesPerS)} matrices/s`);
      }
      return;
    }
  }

  async #rare(settings: PageSettings, signal: AbortSignal): Promise<void> {
    const stream = { ensemble: settings.ensemble, params: settings.params, shift: settings.shift, seed: settings.seed };
    const cached = new Set(this.cache.rows(stream, settings.nMin, settings.nMax, ['rare']).map((r) => r.n));
    const todo = dimensions(settings).filter((n) => !cached.has(n));
    for (const [i, n] of todo.entries()) {
      if (signal.aborted) break;
      const label = (f: number) => `rare-event estimate, N = ${n} (${i + 1} of ${todo.length}), ${Math.round(f * 100)}%`;
      this.views.status(`Estimating P(minimum) at N = ${n} by rare-event sampling.`);
      this.views.progress.fraction(i / todo.length, label(0));
      const config = { ...runConfig(settings, 'cpu'), ns: [n] };
      try {
        const rows = await this.worker.rare(config, (_n, f) => this.views.progress.fraction((i + f) / todo.length, label(f)), signal);
        this.cache.storeRows(rows);
      } catch (error) {
        if (signal.aborted) break;
        throw error;
      }
      this.views.redraw();
    }
    this.views.status(signal.aborted ? 'Stopped. Finished estimates are kept.' : `Done: rare-event estimates for ${todo.length} new N.`);
    this.views.progress.fraction(signal.aborted ? 0 : 1, signal.aborted ? 'stopped' : 'done');
  }

  async #exact(settings: PageSettings): Promise<void> {
    // Loaded on demand with the table it reads (see #exactTable).
    const { exactRows } = await import('../engine/exact-rows.ts');
    const { rows, missing } = exactRows(runConfig(settings, 'cpu'));
    this.cache.storeRows(rows);
    this.views.status(
      missing.length === 0
        ? `Exact values for N = ${settings.nMin}…${settings.nMax}.`
        : `No exact value tabulated at s = ${settings.shift} for N = ${missing[0]}${missing.length > 1 ? `…${missing[missing.length - 1]}` : ''}.`,
      missing.length > 0,
    );
  }
}
