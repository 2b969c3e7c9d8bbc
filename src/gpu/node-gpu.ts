// WebGPU for Node through Dawn (the `webgpu` package): the CLI's and the GPU tests' provider.
// Dawn finds SwiftShader only through VK_ICD_FILENAMES, which the caller sets before the
// process starts (vite.config.ts, bin/); no environment variable is changed here.

import { create, globals } from 'webgpu';

const KEEP_ALIVE = Symbol.for('saddle-lab.dawn-instances');

type Holder = typeof globalThis & { [KEEP_ALIVE]?: Set<GPU> };

/**
 * A Dawn GPU. The instance is kept referenced from globalThis until `release()`: if V8 collects
 * it while a device lives, dawn.node crashes at random (FACTS.md). Releasing lets Node exit.
 */
export async function nodeGpu(): Promise<{ gpu: GPU; release(): void }> {
  // The WebGPU enum objects browsers define (GPUBufferUsage, GPUShaderStage, GPUMapMode, …):
  // this module and typegpu read them as globals. Existing definitions are left alone.
  for (const [name, value] of Object.entries(globals)) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  const gpu = create([]);
  const holder = globalThis as Holder;
  const alive = (holder[KEEP_ALIVE] ??= new Set());
  alive.add(gpu);
  return {
    gpu,
    release(): void {
      alive.delete(gpu);
    },
  };
}
