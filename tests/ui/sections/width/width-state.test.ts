import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTH_STATE, parseWidthState, withWidthState } from '../../../../src/ui/sections/width/width-state.ts';
import { endLossBins, rateSeries, trajectoriesOf } from '../../../../src/ui/sections/width/width-plot-data.ts';
import type { WidthRow } from '../../../../src/stats/width-summary.ts';

describe('Width section URL state', () => {
  it('reads its w. keys and round-trips them, keeping every other key', () => {
    const search = '?nmax=3&w.kmin=7&w.kmax=12&w.widths=1,2&w.runs=200&w.opt=heavy-ball&w.beta=0.8&w.seed=9&w.backend=cpu&p.n=4';
    const { state, problems } = parseWidthState(search);
    expect(problems).toEqual([]);
    expect(state).toEqual({ kMin: 7, kMax: 12, widths: [1, 2], runs: 200, optimizer: 'heavy-ball', beta: 0.8, seed: 9, backend: 'cpu' });
    const written = withWidthState('?nmax=3&p.n=4&w.kmin=2', state);
    expect(written).toBe('?nmax=3&p.n=4&w.kmin=7&w.kmax=12&w.widths=1%2C2&w.runs=200&w.opt=heavy-ball&w.beta=0.8&w.seed=9&w.backend=cpu');
    expect(parseWidthState(written).state).toEqual(state);
  });

  it('names a bad value, keeps the default for it, and reports unknown w. keys', () => {
    const { state, problems } = parseWidthState('?w.kmin=30&w.runs=abc&w.zap=1&w.kmax=8');
    expect(problems).toEqual([
      'ignored w.kmin=30: must be an integer in [2, 20]',
      'ignored w.runs=abc: must be a positive integer ≤ 9007199254740991',
      'ignored w.zap=1: unknown setting',
    ]);
    expect(state.kMin).toBe(DEFAULT_WIDTH_STATE.kMin);
    expect(state.kMax).toBe(8);
  });
});

const row = (k: number, n: number, spurious: number): WidthRow => ({
  k, n, optimizer: 'gd', step: 5 / n, beta: 0, seed: 3, backend: 'cpu',
  counts: { runs: 10, global: 10 - spurious, spurious, saddle: 0, degenerate: 0, notConverged: 0 },
  rates: { pSpurious: spurious / 10, pSpuriousLo: 0, pSpuriousHi: 1, pGlobal: 1 - spurious / 10, pGlobalLo: 0, pGlobalHi: 1 },
  stepsMean: 100, stepsMedian: 100, distinctSpurious: 1, lowestSpuriousLoss: 0.02, elapsedS: 1,
});

describe('Width plot data', () => {
  it('groups rows into one series per width factor by n = round(factor·k)', () => {
    const series = rateSeries([row(6, 6, 1), row(6, 9, 0), row(7, 7, 2), row(7, 11, 0)], [1, 1.5]);
    expect(series.map((s) => [s.label, s.points.map((p) => [p.k, p.n])])).toEqual([
      ['n = k', [[6, 6], [7, 7]]], ['n = 1.5k', [[6, 9], [7, 11]]],
    ]);
  });

  it('bins end losses by half decades from 1e-12, the first bin holding everything below', () => {
    const bins = endLossBins([
      { k: 6, n: 6, loss: 1e-16, endClass: 'global-minimum' }, { k: 6, n: 6, loss: 0.025, endClass: 'spurious-minimum' },
      { k: 7, n: 7, loss: 0.5, endClass: 'saddle' },
    ], 6, 6);
    expect(bins[0]).toEqual({ lo: -12, hi: -11.5, counts: { 'global-minimum': 1 } });
    const spurious = bins.find((b) => b.counts['spurious-minimum']);
    expect([spurious!.lo, spurious!.hi]).toEqual([-2, -1.5]);
  });

  it('turns loss records into log10 curves, dropping the NaN tail', () => {
    const [t] = trajectoriesOf([{ k: 6, n: 6, run: 0, endClass: 'global-minimum', losses: new Float32Array([1, 0.01, NaN]) }], 6, 6);
    expect(t!.log10Losses).toEqual([0, Math.log10(Math.fround(0.01))]);
  });
});
