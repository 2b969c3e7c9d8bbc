// Steady-state throughput of a sampler, compile time excluded and reported separately.
//
//   LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//     npx tsx scripts/bench-sampler.ts --ensemble goe --n 8 --samples 2e6 [--batch 5e5] [--backend gpu|cpu]
//
// Prints one JSON line per N: {ensemble, n, samples, seconds, matrices_per_s, compile_s, backend, device}.
// Several N (--n 8,32) are timed one after another, each in its own submissions.

import './raw-imports.ts';

const { parseArgs } = await import('node:util');
const { createCpuSampler } = await import('../src/cpu/cpu-sampler.ts');
const { nodeGpu } = await import('../src/gpu/node-gpu.ts');
const { createGpuSampler } = await import('../src/gpu/gpu-sampler.ts');
type Ensemble = import('../src/config.ts').Ensemble;

const { values } = parseArgs({
  options: {
    ensemble: { type: 'string', default: 'goe' },
    n: { type: 'string', default: '8' },
    samples: { type: 'string', default: '1e6' },
    batch: { type: 'string' },
    backend: { type: 'string', default: 'gpu' },
    seed: { type: 'string', default: '1' },
  },
});
const ensemble = values.ensemble as Ensemble;
const samples = Number(values.samples);

const provider = values.backend === 'gpu' ? await nodeGpu() : undefined;
const sampler = provider ? await createGpuSampler(provider.gpu) : createCpuSampler();

for (const n of values.n.split(',').map(Number)) {
  const compileS = await sampler.prepare(ensemble, n);
  const batch = Math.min(Number(values.batch ?? Math.ceil(samples / 4)), sampler.maxBatch);
  const request = (firstIndex: number, count: number) => ({ ensemble, n, shift: 0, seed: Number(values.seed), firstIndex, count });
  // Warm-up: first dispatch pays for buffer allocation and the driver's own caches.
  await sampler.sample([request(samples, Math.min(batch, 1000))]);
  const started = performance.now();
  let done = 0;
  let counted = 0;
  while (done < samples) {
    const count = Math.min(batch, samples - done);
    const [histogram] = await sampler.sample([request(done, count)]);
    counted += histogram.reduce((a, b) => a + b, 0);
    done += count;
  }
  const seconds = (performance.now() - started) / 1000;
  if (counted !== samples) throw new Error(`histograms hold ${counted} matrices, expected ${samples}`);
  console.log(
    JSON.stringify({
      ensemble,
      n,
      samples,
      seconds: Number(seconds.toFixed(3)),
      matrices_per_s: Math.round(samples / seconds),
      compile_s: Number(compileS.toFixed(3)),
      backend: sampler.backend,
      device: sampler.description,
    }),
  );
}
sampler.destroy();
provider?.release();
