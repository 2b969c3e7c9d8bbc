// `saddle-lab descend` and `saddle-lab critical` (issue 8): p-spin descents and critical points
// on the GPU p-spin backend (Dawn) or the float64 CPU twin, written as the page's CSVs.
// Exit codes as every command (src/cli/exit-codes.ts): 0 done, 1 failed, 2 bad input, 3 no
// adapter, 128 + n stopped by signal n (partial results written). Outputs go through
// io.openOutput and deliver: checked before the work, replaced only once complete.

import type { BackendKind } from '../config.ts';
import { createCpuDescentBackend } from '../cpu/cpu-descent.ts';
import { runPspinCritical, runPspinDescents } from '../engine/pspin-run.ts';
import { csvField } from '../export/csv.ts';
import { pspinCriticalText, pspinEndPointsText } from '../engine/pspin-tables.ts';
import type { DescentBackend } from '../landscape/descent.ts';
import { reasonOf } from '../failure.ts';
import { EXIT } from './exit-codes.ts';
import { deliver, type CliIo } from './io.ts';
import { OutputError, samePath } from './output-file.ts';
import { endOfRun, runCommand, type Command } from './command-runner.ts';
import { NoGpuError, openOnNodeGpu } from './node-gpu-backend.ts';
import { parsePspinCommandLine, PSPIN_HELP, type PspinCliOptions } from './pspin-options.ts';

async function openBackend(kind: BackendKind): Promise<{ backend: DescentBackend; close(): Promise<void> }> {
  if (kind === 'cpu') return { backend: createCpuDescentBackend(), close: async () => undefined };
  const { pspinBackendOnContext } = await import('../gpu/pspin-descent-backend.ts');
  const { value: backend, close } = await openOnNodeGpu((context) => pspinBackendOnContext(context), (opened) => opened.destroy());
  return { backend, close };
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

const NAME = 'saddle-lab';

export function pspinMain(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const command: Command<PspinCliOptions> = {
    name: NAME,
    parse: parsePspinCommandLine,
    help: () => PSPIN_HELP,
    refusals: [[OutputError, EXIT.usage]],
    async run(options, open) {
      if (options.out !== undefined && options.trajectories !== undefined && samePath(options.out, options.trajectories)) {
        io.stderr(`${NAME}: --out and --trajectories name the same file ${JSON.stringify(options.out)}: give them different paths\n`);
        return EXIT.usage;
      }
      const out = open('--out', options.out);
      const trajectories = open('--trajectories', options.trajectories);
      let opened;
      try {
        opened = await openBackend(options.backend);
      } catch (error) {
        io.stderr(`${NAME}: ${reasonOf(error)}\n`);
        return error instanceof NoGpuError ? EXIT.noGpu : EXIT.failed;
      }
      try {
        const outcome = await (options.command === 'descend' ? descend : critical)(options, opened.backend, io, signal);
        io.progress('');
        let written = deliver(io, out, outcome.text);
        if (trajectories) written = deliver(io, trajectories, outcome.trajectories ?? '') && written;
        return endOfRun(io, NAME, signal, written, outcome.incomplete);
      } finally {
        await opened.close();
      }
    },
  };
  return runCommand(command, argv, io);
}
