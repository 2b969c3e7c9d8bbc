// The page's Landscape section (issue 8): gradient descents on the spherical p-spin, run in the
// section's own worker (WebGPU or the CPU twin); progress with ETA; Stop keeping what finished;
// the four plots (trajectories with a quantile band, end energies with u₀ and −E∞, index
// against energy with the theory, restarts); CSV downloads of end points and critical points;
// state in the URL under "l." keys. Mounted by src/ui/main.ts into #landscape-section.

import { endEnergyHistogram } from '../../../plots/landscape/end-energy-histogram.ts';
import { energyTrajectoryPlot } from '../../../plots/landscape/energy-trajectories.ts';
import { indexEnergyPlot } from '../../../plots/landscape/index-energy-plot.ts';
import { restartsPlot } from '../../../plots/landscape/restarts-plot.ts';
import { PSPIN_N_MAX } from '../../../landscape/pspin/settings.ts';
import { bestOfR, energyBins, energyMarks, theoryCurve, trajectoryBand } from './landscape-plot-data.ts';
import type { BackendMessage, ErrorMessage } from '../section-protocol.ts';
import { mountSectionShell, runStateMarkup } from '../section-shell.ts';
import type { CriticalDot, EndEnergy, EnergyTrajectory, FromLandscapeWorker, ToLandscapeWorker } from './landscape-protocol.ts';
import { LANDSCAPE_BACKENDS, landscapeSettingsOf, parseLandscapeState, withLandscapeState, type LandscapeState } from './landscape-state.ts';
import './landscape.css';

const TEMPLATE = `
<h2 id="landscape-title">Landscape: gradient descent on the spherical p-spin</h2>
<p class="model"><strong>Model.</strong> H(σ) = N<sup>−(p−1)/2</sup> Σ J<sub>i1…ip</sub> σ<sub>i1</sub>⋯σ<sub>ip</sub> over all ordered
index tuples, J iid N(0, 1), σ on the sphere |σ|² = N, energy per coordinate u = H/N. At a critical point of energy u the
tangent Hessian P∇²H P − p·u·P is, for large N, a GOE of semicircle radius 2√(p(p−1)) shifted by −p·u: the lab's shift
s = −u/E∞, E∞ = 2√((p−1)/p). Its index fraction tends to F(−s(u)) and minima exist only below −E∞ (Auffinger, Ben Arous
&amp; Černý 2013). Descent from random starts ends near −E∞, not at the ground state u₀ (≈ −1.657 for p = 3; −√2 for p = 2,
whose only minima are ± the top eigenvector). Each end point is polished in float64 (Newton on the sphere to
|∇H|/√N ≤ 10⁻¹¹) and its index counted by the lab's inertia code.</p>
<div class="layout">
  <form id="l-controls" class="panel" aria-label="Landscape settings">
    <div class="field"><label for="l-p">p</label><select id="l-p" name="l-p"><option value="2">2 (control)</option><option value="3">3</option></select></div>
    <div class="field"><label for="l-n">N</label><input id="l-n" name="l-n" type="number" min="2" step="1" /></div>
    <div class="field"><label for="l-runs">Runs per disorder</label><input id="l-runs" name="l-runs" type="number" min="1" step="1" /></div>
    <div class="field"><label for="l-disorders">Disorders</label><input id="l-disorders" name="l-disorders" type="number" min="1" step="1" /></div>
    <div class="field"><label for="l-opt">Optimizer</label>
      <select id="l-opt" name="l-opt"><option value="gd">projected gradient descent</option><option value="heavy-ball">heavy ball (momentum)</option></select></div>
    <div class="field"><label for="l-eta">Step η</label><input id="l-eta" name="l-eta" type="number" min="0" step="0.01" /></div>
    <div class="field"><label for="l-beta">Momentum β</label><input id="l-beta" name="l-beta" type="number" min="0" max="0.99" step="0.01" /></div>
    <div class="field"><label for="l-steps">Max steps</label><input id="l-steps" name="l-steps" type="number" min="0" step="1" /></div>
    <div class="field"><label for="l-seed">Seed</label><input id="l-seed" name="l-seed" type="number" min="0" step="1" /></div>
    <div class="field"><label for="l-backend">Backend</label>
      <select id="l-backend" name="l-backend">${LANDSCAPE_BACKENDS.map((b) => `<option value="${b}">${b === 'auto' ? 'auto (CPU for small jobs)' : b}</option>`).join('')}</select></div>
    <div class="buttons"><button id="l-run" type="button" class="primary">Descend</button><button id="l-critical" type="button">Find critical points</button>
      <button id="l-stop" type="button">Stop</button></div>
    <div class="buttons downloads"><button id="l-download-ends" type="button">Download end points CSV</button>
      <button id="l-download-critical" type="button">Download critical points CSV</button></div>
  </form>
  <section class="results" aria-label="Landscape results">
    ${runStateMarkup('l', 'Landscape')}
    <figure class="plot-figure"><div id="l-plot-trajectories" class="plot-host"></div>
      <figcaption><strong>Energy trajectories</strong> of the first runs of each disorder (thin lines), the middle 80% band and the
      median; dashed: the threshold −E∞.</figcaption></figure>
    <figure class="plot-figure"><div id="l-plot-histogram" class="plot-host"></div>
      <figcaption><strong>End energies</strong> after polishing, with the ground state u₀ and the threshold −E∞.</figcaption></figure>
    <figure class="plot-figure"><div id="l-plot-restarts" class="plot-host"></div>
      <figcaption><strong>Restarts:</strong> the mean best end energy among R runs of one disorder.</figcaption></figure>
    <figure class="plot-figure"><div id="l-plot-index" class="plot-host"></div>
      <figcaption><strong>Index against energy</strong> of the critical points found from points along descent trajectories
      (Find critical points), beside the theory F(−s(u)).</figcaption></figure>
  </section>
</div>`;

interface Results {
  ends: EndEnergy[];
  trajectories: EnergyTrajectory[];
  recordEvery: number;
  endsCsv: string;
  dots: CriticalDot[];
  criticalCsv: string;
}

export function mountLandscapeSection(doc: Document, host: HTMLElement, win: Window = window): void {
  const shell = mountSectionShell<ToLandscapeWorker, FromLandscapeWorker>(doc, host, {
    className: 'landscape-section',
    titleId: 'landscape-title',
    template: TEMPLATE,
    prefix: 'l',
    createWorker: () => new Worker(new URL('./landscape-worker.ts', import.meta.url), { type: 'module' }),
    endTypes: ['ends', 'critical'],
    onMessage,
  });
  const { $, status } = shell;
  const parsed = parseLandscapeState(win.location.search);
  let state: LandscapeState = parsed.state;
  let results: Results = { ends: [], trajectories: [], recordEvery: 10, endsCsv: '', dots: [], criticalCsv: '' };
  if (parsed.problems.length) status(parsed.problems.join('; '), true);
  const input = (id: string) => $<HTMLInputElement>(id);
  const select = (id: string) => $<HTMLSelectElement>(id);

  function writeControls(): void {
    select('l-p').value = String(state.p);
    input('l-n').max = String(PSPIN_N_MAX[state.p]);
    for (const [id, value] of [['l-n', state.n], ['l-runs', state.runs], ['l-disorders', state.disorders], ['l-eta', state.eta], ['l-beta', state.beta], ['l-steps', state.steps], ['l-seed', state.seed]] as const) {
      input(id).value = String(value);
    }
    select('l-opt').value = state.optimizer;
    select('l-backend').value = state.backend;
    input('l-beta').disabled = state.optimizer !== 'heavy-ball';
  }
  // The form's values go through the URL grammar, so a typed value is checked exactly as a
  // link's would be and a bad one is named and replaced by its default.
  function readControls(): void {
    const params = new URLSearchParams();
    for (const key of ['p', 'opt', 'backend']) params.set(`l.${key}`, select(`l-${key}`).value);
    for (const key of ['n', 'runs', 'disorders', 'eta', 'beta', 'steps', 'seed']) params.set(`l.${key}`, input(`l-${key}`).value);
    const search = `?${params.toString()}`;
    const next = parseLandscapeState(search);
    state = next.state;
    status(next.problems.join('; '), next.problems.length > 0);
    input('l-beta').disabled = state.optimizer !== 'heavy-ball';
    input('l-n').max = String(PSPIN_N_MAX[state.p]);
    win.history.replaceState(null, '', withLandscapeState(win.location.search, state));
  }

  function renderPlots(): void {
    const marks = energyMarks(state.p);
    const options = { document: doc, idPrefix: 'l' };
    $('l-plot-trajectories').replaceChildren(energyTrajectoryPlot({
      recordEvery: results.recordEvery, threshold: marks.threshold,
      lines: results.trajectories.map((t) => ({ run: t.run, energies: Array.from(t.energies) })),
      band: trajectoryBand(results.trajectories, results.recordEvery),
    }, options));
    $('l-plot-histogram').replaceChildren(endEnergyHistogram({ bins: energyBins(results.ends), ...marks }, options));
    $('l-plot-restarts').replaceChildren(restartsPlot({ points: bestOfR(results.ends), threshold: marks.threshold }, options));
    $('l-plot-index').replaceChildren(indexEnergyPlot({ dots: results.dots, theory: theoryCurve(state.p), threshold: marks.threshold }, options));
  }

  function onMessage(message: Exclude<FromLandscapeWorker, BackendMessage | ErrorMessage>): void {
    if (message.type === 'progress') {
      shell.progress(message.done, message.total, message.text);
    } else if (message.type === 'ends') {
      results = { ...results, ends: message.ends, trajectories: message.trajectories, recordEvery: message.recordEvery, endsCsv: message.csv };
      const runs = message.ends.length;
      const minima = message.ends.filter((e) => e.endClass === 'minimum').length;
      $('l-progress-text').textContent = `${runs} runs classified`;
      if (message.failure) status(`Failed: ${message.failure}. ${runs} runs kept.`, true);
      else status(`${message.stopped ? 'Stopped' : 'Done'}: ${runs} runs, ${minima} minima.`);
      renderPlots();
    } else {
      results = { ...results, dots: message.dots, criticalCsv: message.csv };
      status(`${message.stopped ? 'Stopped' : 'Done'}: ${message.summary}.`);
      renderPlots();
    }
  }

  function start(type: 'descend' | 'critical'): void {
    const settings = landscapeSettingsOf(state);
    // The saddle search needs only a few trajectories: 8 per disorder, snapshots up to 512 steps.
    const asked = type === 'descend' ? settings : { ...settings, runs: Math.min(8, settings.runs), maxSteps: Math.min(512, settings.maxSteps) };
    shell.start({ type, settings: asked, backend: state.backend }, type === 'descend' ? 'Descending…' : 'Finding critical points…');
  }

  writeControls();
  renderPlots();
  $('l-controls').addEventListener('change', () => readControls());
  $('l-run').addEventListener('click', () => start('descend'));
  $('l-critical').addEventListener('click', () => start('critical'));
  const stem = () => `pspin_p${state.p}_n${state.n}_seed${state.seed}`;
  shell.onDownload('l-download-ends', () => ({ name: `${stem()}_ends.csv`, text: results.endsCsv }));
  shell.onDownload('l-download-critical', () => ({ name: `${stem()}_critical.csv`, text: results.criticalCsv }));
  win.history.replaceState(null, '', withLandscapeState(win.location.search, state));
}
