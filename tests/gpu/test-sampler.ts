// A GPU sampler on the tier's Dawn device, for tests that sample through the engine. The
// statistics tier has nothing to check without it, so a missing adapter is always an error.
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import type { Sampler } from '../../src/sampler.ts';
import { openGpuHarness } from './gpu-harness.ts';

export async function openTestSampler(): Promise<{ sampler: Sampler; close: () => void }> {
  const harness = await openGpuHarness();
  if (!harness) throw new Error('the statistics tier needs a WebGPU adapter (see the warning above)');
  const sampler = samplerOnContext(harness.context);
  return {
    sampler,
    close: () => {
      sampler.destroy();
      harness.close();
    },
  };
}
