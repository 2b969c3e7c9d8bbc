// How often the GPU's index differs from the float64 CPU index on the same matrices, before and
// after the recounts of the matrices the f32 kernel flags, and what those recounts cost the host.
// Both sides read the same Philox stream, so a difference can only come from rounding.
//
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//     npx tsx scripts/measure-disagreement.ts [--run goe:8,32,64] [--run wishart:8,32:phi=2] \
//     [--matrices 100000] [--timing-matrices 20000] [--shift 0] [--seed 1] [--statistic index|pmin]
//
// --statistic pmin compares the early-exit kernel's f32 answer (0 for a minimum, 1 otherwise)
// with the float64 early-exit twin's instead of the indices; its suspects are recounted on the device
// too (bin 0 for a df32 index of 0, else 1).
//
// Each --run is ENSEMBLE:N,N,…[:name=value,…] (the ensemble's parameters; defaults otherwise);
// without any, every dense ensemble at N = 8, 32, 64 and the tridiagonal model at 64, 512, 4096.
// Prints one CSV line per (ensemble, parameters, N):
// - matrices; raw_differing, the matrices whose f32 index differs from the f64 one;
// - suspect, those the f32 kernel flags; device_recounted, the suspects the device recounts in
//   double-f32 (entries with a df32 fill, src/gpu/recount.ts); host, the matrices left for the
//   host's float64 recount (src/gpu/recheck.ts): the suspects still suspect in df32, or every
//   suspect of an entry without a df32 fill;
// - differing, the differences left after both recounts (the host's float64 recount is the twin
//   itself), with the rate and its one-sided 97.5% upper bound (exact 1 − 0.025^(1/n) when zero);
// - host_share_before / host_share_after: the fraction of the GPU sampler's wall time spent in
//   the host recount, without and with the device recount, on the first --timing-matrices
//   matrices (0 skips the timing), and the two wall times in seconds.
// Each matrix that still differs is named on stderr (its number and both indices), and each
// chunk's running counts are written there too.

import './raw-imports.ts';

const { parseArgs } = await import('node:util');
const { float64Index, float64IsMinimum, minimumScratch } = await import('../src/cpu/float64-twin.ts');
const { packedLength } = await import('../src/cpu/pivots.ts');
const { parseEnsemble, parseParams, parseStatistic } = await import('../src/config.ts');
const { ensembleEntry, ensembleIds } = await import('../src/ensembles/registry.ts');
const { recheckCapacity } = await import('../src/gpu/recheck.ts');
const { RECOUNTED_FLAG } = await import('../src/gpu/recount.ts');
const { openGpuContext } = await import('../src/gpu/gpu-context.ts');
const { samplerOnContext } = await import('../src/gpu/gpu-sampler.ts');
const { recordRecountedIndices, SUSPECT_FLAG } = await import('../src/gpu/index-recorder.ts');
const { nodeGpu } = await import('../src/gpu/node-gpu.ts');
type Ensemble = import('../src/config.ts').Ensemble;
type EnsembleParams = import('../src/config.ts').EnsembleParams;

const denseRuns = ensembleIds().filter((id) => ensembleEntry(id).sampling.kind === 'dense').map((id) => `${id}:8,32,64`);
const { values } = parseArgs({
  options: {
    run: { type: 'string', multiple: true, default: [...denseRuns, 'goe-tridiagonal:64,512,4096'] },
    matrices: { type: 'string', default: '100000' },
    'timing-matrices': { type: 'string', default: '20000' },
    'max-seconds': { type: 'string', default: '600' },
    shift: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: '20000' },
    statistic: { type: 'string', default: 'index' },
  },
});
const list = (text: string) => (text ? text.split(',').map(Number) : []);
const matrices = Number(values.matrices);
const timingMatrices = Number(values['timing-matrices']);
const maxSeconds = Number(values['max-seconds']);
const shift = Number(values.shift);
const seed = Number(values.seed);
const chunk = Number(values.chunk);
const statistic = parseStatistic(values.statistic!);

const provider = await nodeGpu();
const context = await openGpuContext(provider.gpu);
console.log(`device: ${context.description}; seed ${seed}, shift ${shift}, statistic ${statistic}`);
console.log('ensemble,params,n,matrices,raw_differing,suspect,device_recounted,host,differing,rate,rate_hi95,host_share_before,host_share_after,wall_s_before,wall_s_after,seconds');

/** The GPU sampler's wall time and host share over `count` matrices, with or without the device recount. */
async function hostShare(ensemble: Ensemble, params: EnsembleParams, n: number, deviceRecount: boolean): Promise<{ share: number; wall: number }> {
  const sampler = samplerOnContext(context, { ownsContext: false, deviceRecount });
  try {
    await sampler.prepare(ensemble, n, statistic);
    await sampler.recountReady(ensemble, n, statistic);
    const started = performance.now();
    for (let done = 0; done < timingMatrices; done += chunk) {
      await sampler.sample([{ ensemble, params, n, shift, seed, firstIndex: done, count: Math.min(chunk, timingMatrices - done), statistic }]);
    }
    const wall = (performance.now() - started) / 1000;
    return { share: sampler.recheckSeconds / wall, wall };
  } finally {
    sampler.destroy();
  }
}

async function measure(ensemble: Ensemble, params: EnsembleParams, n: number): Promise<void> {
  const entry = ensembleEntry(ensemble);
  const started = performance.now();
  const scratch = new Float64Array(packedLength(n));
  const minimum = minimumScratch(n);
  // The float64 answer in the kernel's terms: the index, or 0 for a minimum and 1 otherwise.
  const f64Answer = (index: number) =>
    statistic === 'pmin'
      ? (float64IsMinimum(entry, { seed, n, shift, index, params }, minimum) ? 0 : 1)
      : float64Index(entry, { seed, n, shift, index, params }, scratch);
  let done = 0;
  let rawDiffering = 0;
  let suspect = 0;
  let deviceRecounted = 0;
  let host = 0;
  let differing = 0;
  while (done < matrices && (performance.now() - started) / 1000 < maxSeconds) {
    const count = Math.min(chunk, matrices - done);
    const request = { ensemble, params, n, shift, seed, firstIndex: done, count, statistic };
    const recheckApplies = recheckCapacity(request) > 0;
    const { raw, recounted } = await recordRecountedIndices(context, request);
    for (let m = 0; m < count; m++) {
      const cpu = f64Answer(done + m);
      const flagged = (raw[m]! & SUSPECT_FLAG) !== 0;
      if ((raw[m]! & ~SUSPECT_FLAG) !== cpu) rawDiffering++;
      if (flagged) suspect++;
      let final = raw[m]! & ~SUSPECT_FLAG;
      let toHost = flagged && recheckApplies;
      const again = recounted?.[m] ?? 0;
      const onDevice = flagged && (again & RECOUNTED_FLAG) !== 0;
      if (onDevice) {
        deviceRecounted++;
        toHost = (again & SUSPECT_FLAG) !== 0;
        final = again & ~(SUSPECT_FLAG | RECOUNTED_FLAG);
      }
      if (toHost) host++;
      else if (final !== cpu) {
        differing++;
        const how = onDevice ? 'df32 recount' : flagged ? 'flagged, list full: f32 index' : 'not flagged: f32 index';
        console.error(`differs: ${ensemble} N = ${n} matrix ${done + m}: float64 ${cpu}, GPU ${final} (${how})`);
      }
    }
    done += count;
    // A row can take an hour on a loaded machine: its running counts, so a stopped run still says something.
    console.error(`progress: ${ensemble} N = ${n}: ${done} matrices, raw ${rawDiffering}, suspect ${suspect}, device ${deviceRecounted}, host ${host}, differing ${differing}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const rate = differing / done;
  // One-sided 97.5% upper bound: exact 1 − 0.025^(1/n) for no differences, else a normal
  // approximation padded by 1/n.
  const hi = differing === 0 ? 1 - 0.025 ** (1 / done) : rate + 1.96 * Math.sqrt((rate * (1 - rate)) / done) + 1 / done;
  const timed = timingMatrices > 0 && entry.sampling.kind === 'dense';
  const before = timed ? await hostShare(ensemble, params, n, false) : undefined;
  const after = timed ? await hostShare(ensemble, params, n, true) : undefined;
  const seconds = (performance.now() - started) / 1000;
  const paramsText = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(';');
  const share = (s: { share: number } | undefined) => (s ? s.share.toFixed(4) : '');
  const wall = (s: { wall: number } | undefined) => (s ? s.wall.toFixed(1) : '');
  console.log(
    `${ensemble},${paramsText},${n},${done},${rawDiffering},${suspect},${deviceRecounted},${host},${differing},${rate.toExponential(2)},${hi.toExponential(2)},` +
      `${share(before)},${share(after)},${wall(before)},${wall(after)},${seconds.toFixed(1)}`,
  );
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
