import { afterAll, describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import { openGpuHarness } from '../gpu/gpu-harness.ts';
import { TEST_ENSEMBLE_ID, withTestEnsemble } from './test-entry.ts';

const unregister = withTestEnsemble();
const harness = await openGpuHarness();
afterAll(async () => {
  await harness?.close();
  unregister();
});

describe.skipIf(!harness)('a test-only registry entry on the GPU', () => {
  it('samples through the GPU sampler and the sweep with counts equal to the CPU twin', async () => {
    const gpu = samplerOnContext(harness!.context, { ownsContext: false });
    const config = { ensemble: TEST_ENSEMBLE_ID, params: { scale: 3 }, ns: [1, 4, 9], samples: 3000, shift: -0.2, seed: 11, method: 'mc' as const, backend: 'gpu' as const };
    try {
      const onGpu = await runSweep(config, gpu);
      const onCpu = await runSweep({ ...config, backend: 'cpu' }, createCpuSampler());
      expect(onGpu.failure).toBeUndefined();
      // Dense GOE fills agree exactly at N ≤ 10 once flagged matrices are rechecked (gpu-sampler tests).
      for (const n of config.ns) expect([...onGpu.histograms.get(n)!]).toEqual([...onCpu.histograms.get(n)!]);
      expect(onGpu.summaries.map((s) => s.params)).toEqual(config.ns.map(() => ({ scale: 3 })));
    } finally {
      gpu.destroy();
    }
  });
});
