// The p-spin descent kernels (shaders/landscape/pspin-*.wgsl) against their float64 twins on
// the same J and starts: Philox words equal word for word, K and trajectories within stated
// f32 tolerances, the same polished end points.
import { afterAll, describe, expect, it } from 'vitest';
import { descendOnCpu } from '../../src/cpu/cpu-descent.ts';
import { philox4x32 } from '../../src/cpu/philox.ts';
import { indexWords, seedKey } from '../../src/model/stream.ts';
import { pspinBackendOnContext } from '../../src/gpu/pspin-descent-backend.ts';
import { PHASE } from '../../src/landscape/descent.ts';
import { polishAndRead } from '../../src/landscape/pspin/critical-point.ts';
import { createPspinLandscape } from '../../src/landscape/pspin/landscape.ts';
import { pspinCoupling } from '../../src/landscape/pspin/model.ts';
import { pspinDisorder, pspinTag } from '../../src/landscape/pspin/streams.ts';
import { jacobiEigenvalues } from '../cpu/jacobi.ts';
import { endOf, pspinJob } from '../landscape/pspin/jobs.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
const backend = harness && pspinBackendOnContext(harness.context, { ownsContext: false });
afterAll(async () => {
  backend?.destroy();
  await harness?.close();
});
const SEED = 2 ** 35 + 7;

describe.skipIf(!harness)('p-spin descent kernels on the GPU', () => {
  it('generates the disorder from the same Philox words as the CPU twin, word for word', async () => {
    const instance = { p: 3, n: 24, seed: SEED, disorder: 2 ** 32 + 9 };
    const tag = pspinTag(3, 24, 'disorder');
    const [k0, k1] = seedKey(SEED);
    const [c0, c1] = indexWords(instance.disorder);
    for (const first of [0, 1000, 24 ** 3 / 4 - 64]) {
      const { words, entries } = await backend!.probeDisorder(instance, first, 64);
      for (let i = 0; i < 64; i++) expect(Array.from(words.subarray(4 * i, 4 * i + 4))).toEqual(Array.from(philox4x32(c0, c1, first + i, tag, k0, k1)));
      const j = pspinDisorder(SEED, 3, 24, instance.disorder, 4 * first, 256);
      for (let t = 0; t < 256; t++) expect(Math.abs(entries[t] - j[t])).toBeLessThan(2e-6 * Math.max(1, Math.abs(j[t])));
    }
  });

  it.each([
    [2, 33],
    [3, 40],
  ])('fills the p = %i coupling K at N = %i within 2e-7 of the float64 K (f32 rounding of the summed J)', async (p, n) => {
    const instance = { p, n, seed: SEED, disorder: 3 };
    const k = await backend!.readCoupling(instance);
    const cpu = pspinCoupling(p, n, pspinDisorder(SEED, p, n, 3)).k;
    let worst = 0;
    for (let i = 0; i < k.length; i++) worst = Math.max(worst, Math.abs(k[i] - cpu[i]));
    expect(worst).toBeLessThan(2e-7);
  });

  it('fills K at N = 256 (p = 3, 2-D dispatch past 65 535 workgroups) as the float64 formula gives it, first, middle and last entries', async () => {
    const n = 256;
    const q = n * n;
    const instance = { p: 3, n, seed: SEED, disorder: 5 };
    const k = await backend!.readCoupling(instance);
    expect(k.length).toBe(n ** 3);
    const j = (t: number) => pspinDisorder(SEED, 3, n, 5, t, 1)[0]!;
    for (const first of [0, 8_000_000, n ** 3 - 600]) {
      for (let e = first; e < first + 600; e++) {
        const [a, b, l] = [Math.floor(e / q), Math.floor((e % q) / n), e % n];
        const expected = (j(e) + j(b * q + a * n + l) + j(b * q + l * n + a)) / n;
        expect(Math.abs(k[e]! - expected)).toBeLessThan(2e-7);
      }
    }
  });

  it('follows the float64 heavy-ball trajectories within 1e-4 in u = H/N over the first 150 steps, and ends at the same polished points (p = 3, N = 40, 48 runs)', async () => {
    // Measured: |Δu| ≤ 4e-5, at most ~1e-6 except while a run passes near a saddle (f32 K, f32
    // sums of N² terms); step counts agree to ±1.
    const n = 40;
    const landscape = createPspinLandscape({ p: 3, n, seed: SEED, disorder: 1 });
    const job = pspinJob(landscape, 48, { recordCapacity: 150 });
    const gpu = await backend!.descend(job);
    const cpu = await descendOnCpu(job);
    for (let r = 0; r < job.runs; r++) {
      expect(gpu.phase[r]).toBe(PHASE.converged);
      for (let s = 0; s < 150; s++) {
        const at = r * 150 + s;
        if (Number.isNaN(cpu.records[at])) break;
        expect(Math.abs(gpu.records[at] - cpu.records[at]) / n).toBeLessThan(1e-4);
      }
      const fromGpu = polishAndRead(landscape, endOf(gpu.positions, n, r));
      const fromCpu = polishAndRead(landscape, endOf(cpu.positions, n, r));
      expect(fromGpu.polished && fromCpu.polished).toBe(true);
      expect(fromGpu.index).toBe(fromCpu.index);
      expect(Math.abs(fromGpu.energy - fromCpu.energy)).toBeLessThan(1e-10);
    }
  });

  it('gives the same result whatever the number of steps per submission', async () => {
    const landscape = createPspinLandscape({ p: 3, n: 24, seed: SEED, disorder: 4 });
    const job = pspinJob(landscape, 8, { maxSteps: 60 });
    const one = await pspinBackendOnContext(harness!.context, { ownsContext: false, stepsPerSubmit: 1 }).descend(job);
    const many = await pspinBackendOnContext(harness!.context, { ownsContext: false, stepsPerSubmit: 17 }).descend(job);
    expect(Array.from(many.positions)).toEqual(Array.from(one.positions));
    expect(Array.from(many.steps)).toEqual(Array.from(one.steps));
  });

  it('ends every p = 2 heavy-ball descent at the bottom eigenvector: u = λ_min(A) by Jacobi, index 0 (N = 33, 40 runs)', async () => {
    const n = 33;
    const landscape = createPspinLandscape({ p: 2, n, seed: SEED, disorder: 0 });
    const gpu = await backend!.descend(pspinJob(landscape, 40, { optimizer: { kind: 'heavy-ball', step: 0.1, beta: 0.9 }, gradientTolerance: 1e-3 * Math.sqrt(n), maxSteps: 3000 }));
    // H = σᵀAσ, A = K/2: the minimum is u = λ_min(A), here from an independent Jacobi solver.
    const lambdaMin = jacobiEigenvalues(landscape.coupling.k.map((v) => v / 2), n)[0];
    for (let r = 0; r < 40; r++) {
      const end = polishAndRead(landscape, endOf(gpu.positions, n, r));
      expect(end.polished).toBe(true);
      expect(end.index).toBe(0);
      expect(Math.abs(end.energy - lambdaMin)).toBeLessThan(1e-10);
    }
  });
});
