// The rare-event estimator as P(min) → 1 (large shifts), seeded. The replicates' logs must
// straddle ln 1 = 0: at N = 3, s = 50 all eight once sat below it, [0.99990, 0.99998], because
// the t-grid's first node missed prior mass ∝ μ = s·R (src/stats/rare/twist.ts). s = 100 is past
// the CLI's range (SHIFT_RANGE.rare) but showed that bias ~9 standard errors wide.
import { describe, expect, it } from 'vitest';
import { estimateRare } from '../../src/stats/rare/estimate.ts';
import { computeTwist } from '../../src/stats/rare/twist.ts';
import { runReplicate } from '../../src/stats/rare/twisted-smc.ts';

describe('estimateRare as P(min) → 1', () => {
  it('gives replicates centred on P = 1 at N = 3, s = 100 (μ = s·R ≈ 346)', async () => {
    const twist = await computeTwist(3, 100);
    const logs: number[] = [];
    for (let r = 0; r < 8; r++) logs.push((await runReplicate(twist, 256, 42, r)).logP);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, y) => a + (y - mean) ** 2, 0) / (logs.length - 1));
    expect(Math.abs(mean)).toBeLessThan((3 * sd) / Math.sqrt(logs.length));
  });
  it('covers P = 1 at N = 3, s = 6 with at least 8 of 10 seeded 95% intervals', async () => {
    let covered = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const e = await estimateRare({ n: 3, shift: 6, seed });
      if (e.log10Hi === 0) covered++;
      expect(e.log10Lo).toBeGreaterThan(-1e-4);
    }
    expect(covered).toBeGreaterThanOrEqual(8);
  });
});
