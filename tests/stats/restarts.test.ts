import { describe, expect, it } from 'vitest';
import { bestOfRestarts } from '../../src/stats/restarts.ts';

describe('best of R restarts', () => {
  it('counts groups of R consecutive runs with at least one success', () => {
    const row = bestOfRestarts([false, false, true, false, false, false, true, true, false], 2)!;
    // Groups [f f] [t f] [f f] [t t]; the ninth run has no group.
    expect([row.groups, row.successes, row.rate]).toEqual([4, 2, 0.5]);
  });

  it('predicts 1 − (1 − p)^R from the single-run rate and brackets it', () => {
    const runs = Array.from({ length: 100 }, (_, i) => i % 4 === 0);
    const row = bestOfRestarts(runs, 3)!;
    expect(row.predicted).toBeCloseTo(1 - 0.75 ** 3, 15);
    expect(row.predictedLo).toBeLessThan(row.predicted);
    expect(row.predictedHi).toBeGreaterThan(row.predicted);
  });

  it('is undefined with fewer runs than R', () => expect(bestOfRestarts([true], 2)).toBeUndefined());
});
