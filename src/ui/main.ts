// Wires the page: reads the URL, fills the controls, picks the backend, starts the first sweep,
// and connects buttons and sliders to the App. Everything else lives in the modules it imports.

import { App, type AppViews } from './app.ts';
import { openBackend } from './backend.ts';
import { Controls } from './controls.ts';
import { CpuWorkers, defaultPoolSize } from './cpu-workers.ts';
import { byId } from './dom.ts';
import { downloadText } from './download.ts';
import { PlotsView } from './plots-view.ts';
import { ProgressView } from './progress-view.ts';
import { runFileStem } from './run-file-names.ts';
import { keepSectionKeys, settingsSearch, parseSettings } from './url-state.ts';
import type { PageSettings } from './settings.ts';
import { parseSpectrumSettings, spectrumSearchSuffix } from './spectrum-settings.ts';
import { SpectrumControls } from './spectrum-controls.ts';
import { markIndexOnlyControls } from './statistic-mode.ts';
import './styles.css';

/** Slider moves within this many ms make one run, not one per pixel. */
const RERUN_DEBOUNCE_MS = 250;

const doc = document;
const parsed = parseSettings(location.search);
const parsedSpectrum = parseSpectrumSettings(location.search, parsed.settings.ensemble);
parsed.problems.push(...parsedSpectrum.problems);
const controls = new Controls(doc);
controls.write(parsed.settings);
const spectrumControls = new SpectrumControls(doc);
spectrumControls.write(parsedSpectrum.settings);
// Downloads that hold index histograms: disabled while Count = P(min) only (statistic-mode.ts).
const indexOnly = [byId(doc, 'download-histogram', HTMLButtonElement)];
markIndexOnlyControls(indexOnly, parsed.settings.statistic);

const statusLine = byId(doc, 'status', HTMLElement);
// Problems with the URL stay in front of the status line until a setting is changed.
let urlNotice = parsed.problems.join('; ');
let plots: PlotsView | undefined;
const views: AppViews = {
  progress: new ProgressView(byId(doc, 'progress', HTMLProgressElement), byId(doc, 'progress-text', HTMLElement)),
  status(text, error = false) {
    statusLine.textContent = urlNotice ? `${urlNotice}. ${text}` : text;
    statusLine.classList.toggle('error', error || urlNotice !== '');
  },
  badge(text) {
    const badge = byId(doc, 'backend', HTMLElement);
    badge.textContent = text;
    badge.classList.toggle('fallback', text.startsWith('CPU'));
  },
  redraw: () => plots?.schedule(),
};

// Workers start on first use, so a GPU run never pays for them.
const worker = new CpuWorkers(defaultPoolSize(navigator.hardwareConcurrency));
const app = new App(parsed.settings, openBackend(parsed.settings.backend, navigator.gpu, worker), worker, views);
app.spectrumSettings = parsedSpectrum.settings;
plots = new PlotsView(doc, () => app.plotsData());
// Other sections' keys (w.…, l.…) stay in the URL whenever this section writes its state.
const search = () => keepSectionKeys(settingsSearch(app.settings) + spectrumSearchSuffix(app.spectrumSettings), location.search);
history.replaceState(null, '', search());
views.status(urlNotice ? 'Using defaults for those.' : 'Starting…', urlNotice !== '');
plots.renderNow();

let rerun: ReturnType<typeof setTimeout> | undefined;
function settingsChanged(target: EventTarget | null): void {
  const settings: PageSettings = controls.read(target);
  app.settings = settings;
  markIndexOnlyControls(indexOnly, settings.statistic);
  app.spectrumSettings = spectrumControls.read(settings.ensemble);
  // A value the form could not use stays in front of the status line, like a bad URL parameter.
  urlNotice = [...controls.problems, ...spectrumControls.problems].join('; ');
  if (urlNotice) views.status('The other settings apply.', true);
  history.replaceState(null, '', search());
  plots?.schedule();
  clearTimeout(rerun);
  // Rare-event estimates take seconds to minutes per N: those wait for the Run button.
  if (settings.method !== 'rare') rerun = setTimeout(() => void app.run(), RERUN_DEBOUNCE_MS);
}
const form = byId(doc, 'controls', HTMLFormElement);
form.addEventListener('input', (event) => settingsChanged(event.target));
form.addEventListener('submit', (event) => event.preventDefault());

byId(doc, 'run', HTMLButtonElement).addEventListener('click', () => {
  clearTimeout(rerun);
  void app.run();
});
byId(doc, 'stop', HTMLButtonElement).addEventListener('click', () => {
  clearTimeout(rerun);
  void app.stop();
});
const stem = () => runFileStem(app.settings);
byId(doc, 'download-csv', HTMLButtonElement).addEventListener('click', () =>
  downloadText(doc, `${stem()}.csv`, app.summaryCsv(), 'text/csv'),
);
byId(doc, 'download-histogram', HTMLButtonElement).addEventListener('click', () =>
  downloadText(doc, `${stem()}_index.csv`, app.histogramCsv(), 'text/csv'),
);
const spectrumForm = byId(doc, 'spectrum-controls', HTMLFormElement);
spectrumForm.addEventListener('submit', (event) => event.preventDefault());
spectrumForm.addEventListener('input', () => {
  app.spectrumSettings = spectrumControls.read(app.settings.ensemble);
  urlNotice = [...controls.problems, ...spectrumControls.problems].join('; ');
  if (urlNotice) views.status('The other settings apply.', true);
  history.replaceState(null, '', search());
  plots?.schedule();
});
byId(doc, 'run-spectrum', HTMLButtonElement).addEventListener('click', () => {
  clearTimeout(rerun);
  void app.runSpectra();
});
byId(doc, 'download-spectrum', HTMLButtonElement).addEventListener('click', () =>
  downloadText(doc, `${stem()}_spectrum_n${app.spectrumSettings.n}.csv`, app.spectrumCsv(), 'text/csv'),
);
byId(doc, 'download-edge', HTMLButtonElement).addEventListener('click', () =>
  downloadText(doc, `${stem()}_lambda_min_n${app.spectrumSettings.n}.csv`, app.edgeCsv(), 'text/csv'),
);
byId(doc, 'download-manifest', HTMLButtonElement).addEventListener('click', () => {
  void app.manifestJson().then((json) => downloadText(doc, `${stem()}_manifest.json`, json, 'application/json'));
});

if (parsed.settings.method !== 'rare') void app.run();

// The Width section (its own folder) loads after the Hessians section has started.
const widthHost = document.getElementById('width-section');
if (widthHost) void import('./sections/width/width-section.ts').then((m) => m.mountWidthSection(doc, widthHost));

// The Landscape section (its own folder) likewise.
const landscapeHost = document.getElementById('landscape-section');
if (landscapeHost) void import('./sections/landscape/landscape-section.ts').then((m) => m.mountLandscapeSection(doc, landscapeHost));
