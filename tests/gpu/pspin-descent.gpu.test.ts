// The p-spin descent kernels (shaders/landscape/) against their float64 twins on the same J
// and starts: Philox words equal word for word, K and trajectories within stated f32
// tolerances, end points equal after float64 polishing.
import { afterAll, describe, expect, it } from 'vitest';
import { indexWords, philox4x32, seedKey } from '../../src/cpu/philox.ts';
import { KernelCache } from '../../src/gpu/kernel-descriptor.ts';
import { PspinDescentRunner, RUN_STATE } from '../../src/gpu/pspin-descent-runner.ts';
import { classify } from '../../src/landscape/pspin/classify.ts';
import { descend } from '../../src/landscape/pspin/descent.ts';
import { couplingScale, pspinCoupling } from '../../src/landscape/pspin/model.ts';
import { pspinDisorder, pspinStart, pspinTag } from '../../src/landscape/pspin/streams.ts';
import { jacobiEigenvalues } from '../cpu/jacobi.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());
const SEED = 2 ** 35 + 7;

async function runnerFor(p: number, n: number, runs: number, maxRecords = 200) {
  const device = harness!.context.device;
  const runner = await PspinDescentRunner.create(device, new KernelCache(device), { p, n, runs, maxRecords });
  return runner;
}

function startsFor(p: number, n: number, disorder: number, runs: number) {
  const starts64 = Array.from({ length: runs }, (_, r) => pspinStart(SEED, p, n, disorder, r));
  const starts = new Float32Array(runs * n);
  starts64.forEach((s, r) => starts.set(s, r * n));
  return { starts64, starts };
}

describe.skipIf(!harness)('p-spin descent kernels on the GPU', () => {
  it('generates the disorder from the same Philox words as the CPU twin, word for word', async () => {
    const p = 3;
    const n = 24;
    const disorder = 2 ** 32 + 9;
    const runner = await runnerFor(p, n, 1);
    const tag = pspinTag(p, n, 'pspin-disorder');
    const lastBlock = n ** p / 4 - 1;
    for (const first of [0, 1000, lastBlock - 63]) {
      const { words, entries } = await runner.probeDisorder(seedKey(SEED), indexWords(disorder), tag, first, 64);
      const [k0, k1] = seedKey(SEED);
      const [c0, c1] = indexWords(disorder);
      for (let i = 0; i < 64; i++) expect(Array.from(words.subarray(4 * i, 4 * i + 4))).toEqual(Array.from(philox4x32(c0, c1, first + i, tag, k0, k1)));
      const j = pspinDisorder(SEED, p, n, disorder, 4 * first, 256);
      for (let t = 0; t < 256; t++) expect(Math.abs(entries[t] - j[t])).toBeLessThan(2e-6 * Math.max(1, Math.abs(j[t])));
    }
    runner.destroy();
  });

  it.each([
    [2, 33],
    [3, 40],
  ])('fills the p = %i coupling K at N = %i within 2e-7 of the float64 K (f32 rounding of the summed J)', async (p, n) => {
    const runner = await runnerFor(p, n, 1);
    runner.generateCoupling(seedKey(SEED), indexWords(3), pspinTag(p, n, 'pspin-disorder'), couplingScale(p, n));
    const k = await runner.readCoupling();
    const cpu = pspinCoupling(p, n, pspinDisorder(SEED, p, n, 3)).k;
    let worst = 0;
    for (let i = 0; i < k.length; i++) worst = Math.max(worst, Math.abs(k[i] - cpu[i]));
    expect(worst).toBeLessThan(2e-7);
    runner.destroy();
  });

  it('follows the float64 heavy-ball trajectories within 2e-5 in u over the first 150 steps, and ends at the same polished points (p = 3, N = 40, 48 runs)', async () => {
    // Measured: |Δu| ≤ 3e-6 (f32 K, f32 sums over N² terms); the bound leaves ~7× room.
    const [p, n, runs, disorder] = [3, 40, 48, 1];
    const settings = { eta: 0.1, beta: 0.8, tolerance: 1e-4, maxSteps: 1500, recordEvery: 1 };
    const runner = await runnerFor(p, n, runs, 150);
    runner.generateCoupling(seedKey(SEED), indexWords(disorder), pspinTag(p, n, 'pspin-disorder'), couplingScale(p, n));
    const { starts64, starts } = startsFor(p, n, disorder, runs);
    const gpu = await runner.descend(starts, settings);
    const c = pspinCoupling(p, n, pspinDisorder(SEED, p, n, disorder));
    for (let r = 0; r < runs; r++) {
      const cpu = descend(c, starts64[r], { optimizer: 'momentum', ...settings });
      expect(gpu.state[r]).toBe(RUN_STATE.converged);
      for (let s = 0; s < Math.min(150, cpu.energies.length); s++) expect(Math.abs(gpu.energies[s * runs + r] - cpu.energies[s])).toBeLessThan(2e-5);
      const fromGpu = classify(c, Float64Array.from(gpu.sigma.subarray(r * n, (r + 1) * n)));
      const fromCpu = classify(c, cpu.sigma);
      expect(fromGpu.polished && fromCpu.polished).toBe(true);
      expect(fromGpu.index).toBe(fromCpu.index);
      expect(Math.abs(fromGpu.energy - fromCpu.energy)).toBeLessThan(1e-10);
    }
    runner.destroy();
  });

  it('ends every p = 2 heavy-ball descent at the bottom eigenvector: one polished energy, index 0 (N = 33, 40 runs)', async () => {
    const [p, n, runs, disorder] = [2, 33, 40, 0];
    const runner = await runnerFor(p, n, runs);
    runner.generateCoupling(seedKey(SEED), indexWords(disorder), pspinTag(p, n, 'pspin-disorder'), couplingScale(p, n));
    const { starts } = startsFor(p, n, disorder, runs);
    const gpu = await runner.descend(starts, { eta: 0.1, beta: 0.9, tolerance: 1e-3, maxSteps: 3000, recordEvery: 10 });
    const c = pspinCoupling(p, n, pspinDisorder(SEED, p, n, disorder));
    const ends = Array.from({ length: runs }, (_, r) => classify(c, Float64Array.from(gpu.sigma.subarray(r * n, (r + 1) * n))));
    // H = σᵀAσ, A = K/2: the minimum is u = λ_min(A), here from an independent Jacobi solver.
    const lambdaMin = jacobiEigenvalues(c.k.map((v) => v / 2), n)[0];
    for (const end of ends) {
      expect(end.polished).toBe(true);
      expect(end.index).toBe(0);
      expect(Math.abs(end.energy - lambdaMin)).toBeLessThan(1e-10);
    }
    runner.destroy();
  });
});
