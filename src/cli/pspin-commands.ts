// `saddle-lab descend` and `saddle-lab critical` (issue 8): p-spin descents and critical points
// on the GPU p-spin backend (Dawn) or the float64 CPU twin, written as the page's CSVs.
// Exit codes as the other commands: 0 done, 1 failed, 2 bad input, 3 no adapter, 130 Ctrl-C
// (partial results written).

import { ConfigError, type BackendKind } from '../config.ts';
import { createCpuDescentBackend } from '../cpu/cpu-descent.ts';
import { runPspinCritical, runPspinDescents } from '../engine/pspin-run.ts';
import { csvField } from '../export/csv.ts';
import { pspinCriticalText, pspinEndPointsText } from '../engine/pspin-tables.ts';
import type { DescentBackend } from '../landscape/descent.ts';
import type { CliIo } from './io.ts';
import { NoGpuError } from './open-sampler.ts';
import { UsageError } from './options.ts';
import { parsePspinCommandLine, PSPIN_HELP, type PspinCliOptions } from './pspin-options.ts';

const EXIT = { ok: 0, failed: 1, usage: 2, noGpu: 3, interrupted: 130 } as const;

async function openBackend(kind: BackendKind): Promise<{ backend: DescentBackend; close(): void }> {
  if (kind === 'cpu') return { backend: createCpuDescentBackend(), close: () => undefined };
  const { nodeGpu } = await import('../gpu/node-gpu.ts');
  const { createPspinGpuBackend } = await import('../gpu/pspin-descent-backend.ts');
  let provider;
  try {
    provider = await nodeGpu();
    const backend = await createPspinGpuBackend(provider.gpu);
    const opened = provider;
    return { backend, close: () => (backend.destroy(), opened.release()) };
  } catch (error) {
    provider?.release();
    throw new NoGpuError(`no WebGPU adapter: ${error instanceof Error ? error.message : String(error)}. Use --backend cpu`);
  }
}

async function descend(o: PspinCliOptions, backend: DescentBackend, io: CliIo, signal: AbortSignal) {
  const { settings } = o;
  const result = await runPspinDescents(settings, backend, {
    signal,
    onProgress: (disorder, p) => io.progress(`disorder ${disorder}: ${p.runsDone}/${p.runsTotal} runs, ${Math.round(p.stepsPerS)} run-steps/s, ETA ${p.etaS.toFixed(0)} s`),
  });
  const text = pspinEndPointsText(settings, backend.kind, result);
  let trajectories: string | undefined;
  if (o.trajectories !== undefined) {
    const lines = ['p,n,disorder,run,step,u'];
    for (const g of result.groups)
      for (const [run, records] of g.trajectories)
        records.forEach((h, slot) => {
          if (!Number.isNaN(h)) lines.push([settings.p, settings.n, g.disorder, run, slot * settings.recordEvery, h / settings.n].map(csvField).join(','));
        });
    trajectories = lines.join('\n') + '\n';
  }
  const incomplete = result.failure ?? (result.stopped ? 'stopped before every disorder finished' : undefined);
  return { text, trajectories, incomplete };
}

async function critical(o: PspinCliOptions, backend: DescentBackend, io: CliIo, signal: AbortSignal) {
  const { settings } = o;
  const result = await runPspinCritical(settings, backend, { signal, onProgress: (text) => io.progress(text) });
  const text = pspinCriticalText(settings, result);
  io.stderr(`saddle-lab: ${result.rows.length} distinct critical points from ${result.tried} seeds (${result.failed} missed the polishing criterion, ${result.repeats} repeats)\n`);
  return { text, trajectories: undefined, incomplete: result.stopped ? 'stopped before every disorder finished' : undefined };
}

export async function pspinMain(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  let options: PspinCliOptions;
  try {
    options = parsePspinCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`saddle-lab: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(PSPIN_HELP);
    return EXIT.ok;
  }
  for (const [flag, path] of [['--out', options.out], ['--trajectories', options.trajectories]] as const) {
    if (path === undefined) continue;
    try {
      io.writeFile(path, '');
    } catch (error) {
      io.stderr(`saddle-lab: cannot write ${flag} ${JSON.stringify(path)}: ${error instanceof Error ? error.message : error}\n`);
      return EXIT.usage;
    }
  }
  let opened;
  try {
    opened = await openBackend(options.backend);
  } catch (error) {
    io.stderr(`saddle-lab: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof NoGpuError ? EXIT.noGpu : EXIT.failed;
  }
  try {
    const outcome = await (options.command === 'descend' ? descend : critical)(options, opened.backend, io, signal);
    io.progress('');
    if (options.out) io.writeFile(options.out, outcome.text);
    else io.stdout(outcome.text);
    if (options.trajectories && outcome.trajectories) io.writeFile(options.trajectories, outcome.trajectories);
    if (outcome.incomplete) {
      io.stderr(`saddle-lab: partial results written: ${outcome.incomplete}\n`);
      return signal.aborted ? EXIT.interrupted : EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    io.stderr(`saddle-lab: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  } finally {
    opened.close();
  }
}
