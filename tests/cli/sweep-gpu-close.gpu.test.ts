// sweep --backend gpu ends cleanly while the device recount may still compile: at N = 64 the f32
// kernel flags ~1.8% of GOE matrices, prepare() starts the df32 recount's compile in the
// background, and a short sweep can be done before it is. The CLI's close waits for pending
// compiles, within a bound, before it destroys the device (src/cli/node-gpu-backend.ts);
// destroying it under a compile is the suspect of dawn.node aborting the process, which would
// fail this file.
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { openGpuHarness } from '../gpu/gpu-harness.ts';
import { memoryIo } from './helpers.ts';

// The real bounded wait, recorded: what each call answered (true: every compile settled in time).
const waits = vi.hoisted(() => [] as boolean[]);
vi.mock('../../src/gpu/compile-pipeline.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/gpu/compile-pipeline.ts')>();
  return {
    ...real,
    compilesSettledWithin: async (device: GPUDevice, timeoutMs: number) => {
      const settled = await real.compilesSettledWithin(device, timeoutMs);
      waits.push(settled);
      return settled;
    },
  };
});

// Only to learn whether there is an adapter (REQUIRE_GPU=1 makes its absence an error).
const harness = await openGpuHarness();
await harness?.close();

describe.skipIf(!harness)('sweep --backend gpu closes after its background compiles', () => {
  it('exits 0 with a complete CSV at N = 64, having waited for the compiles once, in time', async () => {
    const io = memoryIo();
    const code = await main(['sweep', '--ensemble', 'goe', '--n', '64', '--samples', '600', '--seed', '4', '--backend', 'gpu', '--out', 'sweep.csv'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(waits).toEqual([true]);
    const [header, ...rows] = io.files.get('sweep.csv')!.trimEnd().split('\n').map((line) => line.split(','));
    expect(rows).toHaveLength(1);
    const field = (name: string) => rows[0]![header!.indexOf(name)];
    expect([field('n'), field('samples'), field('backend')]).toEqual(['64', '600', 'gpu']);
  });
});
