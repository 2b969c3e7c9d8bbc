// A GPU sampler on the tier's Dawn device, for tests that sample through the engine. The
// statistics tier has nothing to check without it, so a missing adapter is always an error.
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import type { Sampler } from '../../src/sampler.ts';
import { openGpuHarness } from './gpu-harness.ts';

export async function openTestSampler(): Promise<{ sampler: Sampler; close: () => Promise<void> }> {
  const harness = await openGpuHarness();
  if (!harness) throw new Error('the statistics tier needs a WebGPU adapter (see the warning above)');
  // The harness destroys the device, once the background compiles have settled.
  const sampler = samplerOnContext(harness.context, { ownsContext: false });
  return {
    sampler,
    close: async () => {
      sampler.destroy();
      await harness.close();
    },
  };
}
