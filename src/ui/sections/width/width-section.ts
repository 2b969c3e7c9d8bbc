// The page's Width section (issue 9): controls, URL state under "w." keys, a worker that runs
// the experiment (GPU or CPU twin), progress with ETA, Stop keeping partial results, the three
// plots and the two CSV downloads. Mounted by src/ui/main.ts into #width-section.

import { widthCsv } from '../../../export/width-csv.ts';
import { endLossHistogram } from '../../../plots/width/end-loss-histogram.ts';
import { spuriousRatePlot } from '../../../plots/width/rate-plot.ts';
import { trajectoryPlot } from '../../../plots/width/trajectory-plot.ts';
import type { WidthRow } from '../../../stats/width-summary.ts';
import { formatDuration } from '../../progress-view.ts';
import { endLossBins, factorLabel, rateSeries, trajectoriesOf } from './width-plot-data.ts';
import type { BackendMessage, ErrorMessage } from '../section-protocol.ts';
import { mountSectionShell, runStateMarkup } from '../section-shell.ts';
import type { EndLoss, FromWidthWorker, RunTrajectory, ToWidthWorker } from './width-protocol.ts';
import { PAGE_K_MAX, parseWidthState, withWidthState, WIDTH_BACKENDS, type WidthState } from './width-state.ts';
import './width.css';

const WIDTH_FACTORS = [1, 1.25, 1.5, 2] as const;
const RUN_CHOICES = [10, 20, 50, 100, 200, 500, 1000, 2000] as const;
const TRAJECTORIES_PER_CELL = 12;

const TEMPLATE = `
<h2 id="width-title">Width: spurious minima of a two-layer ReLU network</h2>
<p class="model"><strong>Model</strong> (Safran &amp; Shamir, ICML 2018). Teacher f*(x) = Σᵢ relu(eᵢ·x), i = 1…k,
with orthonormal eᵢ in ℝᵏ; student f(x) = Σⱼ relu(wⱼ·x), j = 1…n, output weights fixed to 1; inputs x ~ N(0, I).
The population loss L = ½E[(f − f*)²] is known in closed form. Each run starts from wⱼ ~ N(0, I/k), descends with
step 5/max(k, n) until ‖∇L‖ ≤ 10⁻⁵, is polished in float64 (Newton to ‖∇L‖ ≤ 10⁻⁹) and classified: global minimum
(L ≤ 10⁻⁶), spurious minimum (L above that, every Hessian eigenvalue &gt; 10⁻⁶), saddle, or not converged. A wider
student (n &gt; k) has extra neurons to spare, and the bad valleys thin out.</p>
<div class="layout">
  <form id="w-controls" class="panel" aria-label="Width settings">
    <div class="field"><label for="w-kmin">k min <output id="w-kmin-value" for="w-kmin"></output></label>
      <input id="w-kmin" name="w-kmin" type="range" min="2" max="${PAGE_K_MAX}" step="1" /></div>
    <div class="field"><label for="w-kmax">k max <output id="w-kmax-value" for="w-kmax"></output></label>
      <input id="w-kmax" name="w-kmax" type="range" min="2" max="${PAGE_K_MAX}" step="1" /></div>
    <fieldset class="field widths"><legend>Student widths</legend>
      ${WIDTH_FACTORS.map((f) => `<label><input type="checkbox" name="w-width" value="${f}" /> ${factorLabel(f)}</label>`).join('')}
    </fieldset>
    <div class="field"><label for="w-runs">Runs per (k, n) <output id="w-runs-value" for="w-runs"></output></label>
      <input id="w-runs" name="w-runs" type="range" min="0" max="${RUN_CHOICES.length - 1}" step="1" /></div>
    <div class="field"><label for="w-opt">Optimizer</label>
      <select id="w-opt" name="w-opt"><option value="gd">gradient descent</option><option value="heavy-ball">heavy ball (same step)</option></select></div>
    <div class="field"><label for="w-beta">Momentum β <output id="w-beta-value" for="w-beta"></output></label>
      <input id="w-beta" name="w-beta" type="range" min="0.5" max="0.99" step="0.01" /></div>
    <div class="field"><label for="w-seed">Seed</label><input id="w-seed" name="w-seed" type="number" min="0" step="1" /></div>
    <div class="field"><label for="w-backend">Backend</label>
      <select id="w-backend" name="w-backend">${WIDTH_BACKENDS.map((b) => `<option value="${b}">${b === 'auto' ? 'auto (CPU for small jobs)' : b}</option>`).join('')}</select></div>
    <div class="buttons"><button id="w-run" type="button" class="primary">Run</button><button id="w-stop" type="button">Stop</button></div>
    <div class="buttons downloads"><button id="w-download-csv" type="button">Download CSV</button>
      <button id="w-download-endpoints" type="button">Download end points CSV</button></div>
  </form>
  <section class="results" aria-label="Width results">
    ${runStateMarkup('w', 'Width')}
    <figure class="plot-figure"><div id="w-plot-rate" class="plot-host"></div>
      <figcaption><strong>Spurious-minimum rate against k.</strong> For n = k the chance that plain descent from a random
      start ends in a spurious local minimum rises with k; wider students escape most of them.</figcaption></figure>
    <div class="field"><label for="w-cell">Trajectories and end losses for</label><select id="w-cell"></select></div>
    <figure class="plot-figure"><div id="w-plot-trajectories" class="plot-host"></div>
      <figcaption><strong>Loss trajectories</strong> of the first runs, coloured by where they ended (green global,
      red spurious, orange saddle, grey not converged).</figcaption></figure>
    <figure class="plot-figure"><div id="w-plot-histogram" class="plot-host"></div>
      <figcaption><strong>End losses</strong> after polishing: global minima pile up at the left (L ≤ 10⁻¹²), spurious
      minima sit at distinct losses around 10⁻².</figcaption></figure>
  </section>
</div>`;

interface Results {
  rows: WidthRow[];
  trajectories: RunTrajectory[];
  endLosses: EndLoss[];
  endPointsCsv: string;
  stride: number;
}

export function mountWidthSection(doc: Document, host: HTMLElement, win: Window = window): void {
  const shell = mountSectionShell<ToWidthWorker, FromWidthWorker>(doc, host, {
    className: 'width-section',
    titleId: 'width-title',
    template: TEMPLATE,
    prefix: 'w',
    createWorker: () => new Worker(new URL('./width-worker.ts', import.meta.url), { type: 'module' }),
    endTypes: ['done'],
    onMessage,
  });
  const { $, status } = shell;
  const parsed = parseWidthState(win.location.search);
  let state: WidthState = parsed.state;
  let results: Results = { rows: [], trajectories: [], endLosses: [], endPointsCsv: '', stride: 25 };
  // The trajectory/histogram cell follows the newest finished (k, n) until the reader picks one.
  let pickedCell = false;
  if (parsed.problems.length) status(parsed.problems.join('; '), true);

  const input = (id: string) => $<HTMLInputElement>(id);
  function writeControls(): void {
    input('w-kmin').value = String(state.kMin);
    input('w-kmax').value = String(state.kMax);
    input('w-runs').value = String(Math.max(0, RUN_CHOICES.findIndex((r) => r >= state.runs)));
    input('w-beta').value = String(state.beta);
    input('w-seed').value = String(state.seed);
    $<HTMLSelectElement>('w-opt').value = state.optimizer;
    $<HTMLSelectElement>('w-backend').value = state.backend;
    for (const box of host.querySelectorAll<HTMLInputElement>('input[name="w-width"]')) box.checked = state.widths.includes(Number(box.value));
    outputs();
  }
  function outputs(): void {
    $('w-kmin-value').textContent = String(state.kMin);
    $('w-kmax-value').textContent = String(state.kMax);
    $('w-runs-value').textContent = String(state.runs);
    $('w-beta-value').textContent = state.beta.toFixed(2);
    input('w-beta').disabled = state.optimizer !== 'heavy-ball';
  }
  function readControls(target: EventTarget | null): void {
    let kMin = Number(input('w-kmin').value);
    let kMax = Number(input('w-kmax').value);
    // The slider being moved wins; the other follows.
    if (kMin > kMax) target === input('w-kmax') ? (kMin = kMax) : (kMax = kMin);
    const widths = [...host.querySelectorAll<HTMLInputElement>('input[name="w-width"]')].filter((b) => b.checked).map((b) => Number(b.value));
    const seed = Number(input('w-seed').value);
    state = {
      kMin, kMax, widths: widths.length ? widths : [1],
      runs: RUN_CHOICES[Number(input('w-runs').value)] ?? state.runs,
      optimizer: $<HTMLSelectElement>('w-opt').value === 'heavy-ball' ? 'heavy-ball' : 'gd',
      beta: Number(input('w-beta').value),
      seed: Number.isSafeInteger(seed) && seed >= 0 ? seed : state.seed,
      backend: $<HTMLSelectElement>('w-backend').value as WidthState['backend'],
    };
    input('w-kmin').value = String(kMin);
    input('w-kmax').value = String(kMax);
    outputs();
    win.history.replaceState(null, '', withWidthState(win.location.search, state));
  }

  function cellKey(k: number, n: number): string {
    return `${k}:${n}`;
  }
  function renderPlots(): void {
    $('w-plot-rate').replaceChildren(spuriousRatePlot(rateSeries(results.rows, state.widths), { document: doc, idPrefix: 'w' }));
    const select = $<HTMLSelectElement>('w-cell');
    const previous = select.value;
    const cells = results.rows.map((r) => cellKey(r.k, r.n));
    select.replaceChildren(...results.rows.map((r) => {
      const option = doc.createElement('option');
      option.value = cellKey(r.k, r.n);
      option.textContent = `k = ${r.k}, n = ${r.n}`;
      return option;
    }));
    select.value = pickedCell && cells.includes(previous) ? previous : (cells.at(-1) ?? '');
    const [k, n] = select.value.split(':').map(Number);
    const label = select.value ? `k = ${k}, n = ${n}` : 'no run yet';
    $('w-plot-trajectories').replaceChildren(trajectoryPlot({ stride: results.stride, label, trajectories: k ? trajectoriesOf(results.trajectories, k, n!) : [] }, { document: doc, idPrefix: 'w' }));
    $('w-plot-histogram').replaceChildren(endLossHistogram({ label, bins: k ? endLossBins(results.endLosses, k, n!) : [] }, { document: doc, idPrefix: 'w' }));
  }

  function onMessage(message: Exclude<FromWidthWorker, BackendMessage | ErrorMessage>): void {
    if (message.type === 'progress') {
      results = { ...results, rows: message.rows };
      shell.progress(message.runsDone, message.runsTotal, `${message.runsDone} / ${message.runsTotal} runs · ${Math.round(message.stepsPerS)} steps/s · ETA ${formatDuration(message.etaS)}`);
      renderPlots();
    } else {
      results = { rows: message.rows, trajectories: message.trajectories, endLosses: message.endLosses, endPointsCsv: message.endPointsCsv, stride: message.recordStride };
      const runs = message.rows.reduce((sum, r) => sum + r.counts.runs, 0);
      $('w-progress-text').textContent = `${runs} runs classified`;
      if (message.failure) status(`Failed: ${message.failure}. ${runs} runs kept.`, true);
      else status(message.stopped ? `Stopped: ${runs} runs kept (whole batches).` : `Done: ${runs} runs.`);
      renderPlots();
    }
  }

  function run(): void {
    const ks: number[] = [];
    for (let k = state.kMin; k <= state.kMax; k++) ks.push(k);
    const message: ToWidthWorker = {
      type: 'run', backend: state.backend, keepTrajectories: TRAJECTORIES_PER_CELL,
      config: { ks, widths: state.widths, runs: state.runs, optimizer: state.optimizer, beta: state.beta, stepScale: 5, gradientTolerance: 1e-5, maxSteps: 50_000, seed: state.seed },
    };
    if (shell.start(message, 'Running…')) pickedCell = false;
  }

  writeControls();
  renderPlots();
  $('w-controls').addEventListener('input', (event) => readControls(event.target));
  $('w-cell').addEventListener('change', () => {
    pickedCell = true;
    renderPlots();
  });
  $('w-run').addEventListener('click', run);
  shell.onDownload('w-download-csv', () => ({ name: `width_seed${state.seed}.csv`, text: widthCsv(results.rows) }));
  shell.onDownload('w-download-endpoints', () => ({ name: `width_seed${state.seed}_endpoints.csv`, text: results.endPointsCsv }));
  win.history.replaceState(null, '', withWidthState(win.location.search, state));
}
