// How often the float32 GPU index differs from the float64 CPU index on the same matrices.
// Both sides read the same Philox stream, so a difference can only come from rounding.
//
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//     npx tsx scripts/measure-disagreement.ts [--run goe:2,4,8,16,32,64] [--run wishart:8,32:phi=2] \
//     [--matrices 100000] [--shift 0] [--seed 1] [--statistic index|pmin]
//
// --statistic pmin compares the early-exit kernel's f32 answer (minimum or not) with the
// float64 early-exit twin's instead of the indices (max_abs_index_difference is then 0 or 1).
//
// Each --run is ENSEMBLE:N,N,…[:name=value,…] (the ensemble's parameters; defaults otherwise);
// without any, GOE dense at 2..64 and the tridiagonal model at 64, 512, 4096. Prints one CSV
// line per (ensemble, parameters, N): matrices; raw_differing, the matrices whose f32 index
// differs from the f64 one; suspect, those the dense kernel flags; rechecked, the suspects the
// sampler recounts in float64 (those of ensembles whose entry has the recheck,
// src/gpu/recheck.ts); differing, the raw differences left after that recheck, with the rate
// and its one-sided 97.5% upper bound (exact 1 − 0.025^(1/n) when zero).

import './raw-imports.ts';

const { parseArgs } = await import('node:util');
const { float64Index, float64IsMinimum, minimumScratch } = await import('../src/cpu/float64-twin.ts');
const { packedLength } = await import('../src/cpu/pivots.ts');
const { parseEnsemble, parseParams, parseStatistic } = await import('../src/config.ts');
const { ensembleEntry } = await import('../src/ensembles/registry.ts');
const { recheckCapacity } = await import('../src/gpu/recheck.ts');
const { openGpuContext } = await import('../src/gpu/gpu-context.ts');
const { recordIndices, SUSPECT_FLAG } = await import('../src/gpu/index-recorder.ts');
const { nodeGpu } = await import('../src/gpu/node-gpu.ts');
type Ensemble = import('../src/config.ts').Ensemble;
type EnsembleParams = import('../src/config.ts').EnsembleParams;

const { values } = parseArgs({
  options: {
    run: { type: 'string', multiple: true, default: ['goe:2,4,8,16,32,64', 'goe-tridiagonal:64,512,4096'] },
    matrices: { type: 'string', default: '100000' },
    'max-seconds': { type: 'string', default: '300' },
    shift: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: '20000' },
    statistic: { type: 'string', default: 'index' },
  },
});
const list = (text: string) => (text ? text.split(',').map(Number) : []);
const matrices = Number(values.matrices);
const maxSeconds = Number(values['max-seconds']);
const shift = Number(values.shift);
const seed = Number(values.seed);
const chunk = Number(values.chunk);
const statistic = parseStatistic(values.statistic!);

const provider = await nodeGpu();
const context = await openGpuContext(provider.gpu);
console.log(`device: ${context.description}; seed ${seed}, shift ${shift}, statistic ${statistic}`);
console.log('ensemble,params,n,matrices,raw_differing,suspect,rechecked,differing,rate,rate_hi95,max_abs_index_difference,seconds');

async function measure(ensemble: Ensemble, params: EnsembleParams, n: number): Promise<void> {
  const entry = ensembleEntry(ensemble);
  const started = performance.now();
  const scratch = new Float64Array(packedLength(n));
  const minimum = minimumScratch(n);
  // The f64 answer in the kernel's terms: the index, or 0 for a minimum and 1 otherwise.
  const f64Answer = (index: number) =>
    statistic === 'pmin'
      ? (float64IsMinimum(entry, { seed, n, shift, index, params }, minimum) ? 0 : 1)
      : float64Index(entry, { seed, n, shift, index, params }, scratch);
  let done = 0;
  let differing = 0;
  let rawDiffering = 0;
  let suspect = 0;
  let rechecked = 0;
  let worst = 0;
  while (done < matrices && (performance.now() - started) / 1000 < maxSeconds) {
    const count = Math.min(chunk, matrices - done);
    const request = { ensemble, params, n, shift, seed, firstIndex: done, count, statistic };
    const recheckApplies = recheckCapacity(request) > 0;
    const gpu = await recordIndices(context, request);
    for (let m = 0; m < count; m++) {
      const index = done + m;
      const cpu = f64Answer(index);
      const flagged = (gpu[m] & SUSPECT_FLAG) !== 0;
      const f32Index = gpu[m] & ~SUSPECT_FLAG;
      if (flagged) suspect++;
      if (flagged && recheckApplies) rechecked++;
      if (cpu !== f32Index) {
        rawDiffering++;
        if (!(flagged && recheckApplies)) {
          differing++;
          worst = Math.max(worst, Math.abs(cpu - f32Index));
        }
      }
    }
    done += count;
  }
  const rate = differing / done;
  // One-sided 97.5% upper bound: exact 1 − 0.025^(1/n) for no differences, else a normal
  // approximation padded by 1/n.
  const hi = differing === 0 ? 1 - 0.025 ** (1 / done) : rate + 1.96 * Math.sqrt((rate * (1 - rate)) / done) + 1 / done;
  const seconds = (performance.now() - started) / 1000;
  const paramsText = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(';');
  console.log(`${ensemble},${paramsText},${n},${done},${rawDiffering},${suspect},${rechecked},${differing},${rate.toExponential(2)},${hi.toExponential(2)},${worst},${seconds.toFixed(1)}`);
}

for (const run of values.run) {
  const [ensembleText = '', nsText = '', paramsText = ''] = run.split(':');
  const ensemble = parseEnsemble(ensembleText);
  const given = Object.fromEntries(paramsText ? paramsText.split(',').map((pair) => pair.split('=') as [string, string]) : []);
  const params = parseParams(ensemble, given);
  for (const n of list(nsText)) await measure(ensemble, params, n);
}
context.destroy();
provider.release();
