// The early-exit P(min) kernel counts the same minima as the index kernel's k = 0 bin on the
// same streams, after the float64 recheck of suspects in both, for every dense ensemble (with
// its row fill, or the whole fill where it has none), and as the float64 twin.
import { afterAll, describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { samplerOnContext } from '../../src/gpu/gpu-sampler.ts';
import type { BatchRequest } from '../../src/sampler.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

// Shifts near each law's lower edge, so that minima occur at the largest N and the
// factorisation of many matrices runs deep.
const cases: [string, Record<string, number>, number[], number][] = [
  ['goe', {}, [1, 2, 7], 0.3],
  ['goe', {}, [16], 0.8],
  ['goe', {}, [64], 0.95],
  ['wigner-rademacher', {}, [2, 7, 64], 0.9],
  ['wigner-uniform', {}, [1, 16, 64], 0.9],
  ['wigner-t', { nu: 3 }, [7, 64], 0.9],
  ['wishart', { phi: 0.5 }, [1, 7, 16], -0.1],
  ['wishart', { phi: 0.8 }, [64], -0.01],
  ['gauss-newton-residual', { phi: 0.5, epsilon: 0.05 }, [2, 16, 64], 0.2],
];

describe.skipIf(!harness)('P(min) kernel: minima equal the index kernel\'s k = 0 bin', () => {
  const gpu = harness ? samplerOnContext(harness.context, { ownsContext: false }) : undefined;
  const cpu = createCpuSampler();
  afterAll(() => gpu?.destroy());

  for (const [ensemble, params, ns, shift] of cases) {
    it(`${ensemble} ${JSON.stringify(params)} at N = ${ns.join(', ')}, shift ${shift}`, async () => {
      const index: BatchRequest[] = ns.map((n) => ({ ensemble, params, n, shift, seed: 23, firstIndex: 2 ** 32 - 300, count: n > 16 ? 300 : 1500 }));
      const pmin = index.map((r): BatchRequest => ({ ...r, statistic: 'pmin' }));
      const [full, early] = [await gpu!.sample(index), await gpu!.sample(pmin)];
      const twin = await cpu.sample(pmin);
      index.forEach((r, i) => {
        const minima = full[i]![0]!;
        expect([...early[i]!]).toEqual([minima, r.count - minima]);
        expect([...twin[i]!]).toEqual([minima, r.count - minima]);
      });
      // Not a vacuous comparison: some minima and some non-minima at the largest N.
      const last = early.at(-1)!;
      expect(last[0]).toBeGreaterThan(0);
      expect(last[1]).toBeGreaterThan(0);
    });
  }

  // Near the edge suspects are rare (≈ 1 in 2000 at N = 64): this case makes every matrix one.
  it('wishart φ = 2 (exact zero eigenvalues, every zero pivot suspect): the float64 recheck makes them minima', async () => {
    const request: BatchRequest = { ensemble: 'wishart', params: { phi: 2 }, n: 12, shift: 0, seed: 23, firstIndex: 0, count: 500, statistic: 'pmin' };
    const before = gpu!.suspectMatrices;
    const [counts] = await gpu!.sample([request]);
    expect(gpu!.suspectMatrices - before).toBe(500);
    expect([...counts!]).toEqual([500, 0]);
    const [full] = await gpu!.sample([{ ...request, statistic: 'index' }]);
    expect(full![0]).toBe(500);
  });

  // The device recount's P(min) mode (bin 0 for a df32 index of 0, else 1) against the host's
  // float64 early-exit recount and the CPU twin, on the same streams. Gauss–Newton with φ = 2
  // and ε = 1e-12 has N − M eigenvalues of ~√(2ε/N) ≈ 5e-7, whose signs f32 cannot resolve (the
  // matrices that reach them are suspects) but df32 can; GOE near its edge has few, if any.
  const recountCases: [string, BatchRequest[], boolean][] = [
    ['gauss-newton-residual φ = 2, ε = 1e-12, N = 8, 16', [8, 16].map((n): BatchRequest => ({ ensemble: 'gauss-newton-residual', params: { phi: 2, epsilon: 1e-12 }, n, shift: 0, seed: 23, firstIndex: 0, count: 300, statistic: 'pmin' })), true],
    ['goe N = 64, shift 0.95', [{ ensemble: 'goe', params: {}, n: 64, shift: 0.95, seed: 23, firstIndex: 2 ** 32 - 300, count: 300, statistic: 'pmin' }], false],
  ];
  for (const [name, requests, suspectsExpected] of recountCases) {
    it(`${name}: P(min) suspects recounted on the device count as the host's float64 recount`, async () => {
      const onDevice = samplerOnContext(harness!.context, { ownsContext: false });
      const onHost = samplerOnContext(harness!.context, { ownsContext: false, deviceRecount: false });
      try {
        await Promise.all(requests.map((r) => onDevice.recountReady(r.ensemble, r.n, 'pmin')));
        const device = await onDevice.sample(requests);
        const host = await onHost.sample(requests);
        const twin = await cpu.sample(requests);
        requests.forEach((_, i) => {
          expect([...device[i]!]).toEqual([...host[i]!]);
          expect([...device[i]!]).toEqual([...twin[i]!]);
        });
        expect(onDevice.suspectMatrices).toBe(onHost.suspectMatrices);
        expect(onDevice.deviceRecounted).toBe(onDevice.suspectMatrices);
        expect(onHost.hostRecounted).toBe(onHost.suspectMatrices);
        if (suspectsExpected) {
          expect(onDevice.suspectMatrices).toBeGreaterThan(10);
          // df32 resolves ~5e-7 eigenvalues: the host gets (almost) none.
          expect(onDevice.hostRecounted).toBeLessThan(onDevice.deviceRecounted / 10);
          // Not vacuous: minima and non-minima both occur.
          const totals = device.reduce((sum, h) => [sum[0]! + h[0]!, sum[1]! + h[1]!], [0, 0]);
          expect(totals[0]).toBeGreaterThan(0);
          expect(totals[1]).toBeGreaterThan(0);
        }
      } finally {
        onDevice.destroy();
        onHost.destroy();
      }
    });
  }
});
