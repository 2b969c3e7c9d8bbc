// The P(min) caption names exactly the lines the plot draws for the ensemble and shift shown.
import { describe, expect, it } from 'vitest';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import type { Ensemble, EnsembleParams } from '../../src/config.ts';
import { closedFormExact, pMinPlotData } from '../../src/ui/plot-data.ts';
import { pMinCaption } from '../../src/ui/pmin-caption.ts';

function caption(ensemble: Ensemble, shift: number, params: EnsembleParams = {}, exact = closedFormExact) {
  const entry = ensembleEntry(ensemble);
  const theories = entry.theories(params);
  return pMinCaption(pMinPlotData([], [1, 8], shift, exact, theories), theories, entry.label, shift);
}

describe('the P(min) caption', () => {
  it('GOE at s = 0: the dashed 2⁻ᴺ line, the large-deviation law and the exact values', () => {
    const text = caption('goe', 0);
    expect(text).toMatch(/^The dashed grey line is the coin-flip guess 2⁻ᴺ; the orange line is GOE's large-deviation law exp\(−\(ln 3\/4\)·N²\); the open circles .* exact values from the GOE table at s = 0\./);
    expect(text).toContain('drops far below the coin flip');
    expect(text).toMatch(/95% upper bound, not zero\.$/);
  });

  it('GOE shifted: no 2⁻ᴺ line and says why; exact values only where the table has them', () => {
    const shifted = caption('goe', 0.35, {}, (n, s) => (s === 0.35 && n === 3 ? -1 : undefined));
    expect(shifted).not.toContain('dashed');
    expect(shifted).toMatch(/^The open circles on the thin black line are exact values from the GOE table at s = 0\.35\. The 2⁻ᴺ and exp\(−\(ln 3\/4\)·N²\) curves describe s = 0 only and are not drawn at s = 0\.35\./);
    expect(caption('goe', 0.35, {}, () => undefined)).toMatch(/^The 2⁻ᴺ .* not drawn at s = 0\.35, and the exact table holds no value here\./);
  });

  it('another ensemble: names no line, and says only the measured points are shown', () => {
    for (const [ensemble, params] of [['wigner-t', { nu: 3 }], ['wishart', { phi: 0.5 }]] as const) {
      const text = caption(ensemble, 0, params);
      expect(text).not.toMatch(/dashed|orange|open circles/);
      expect(text).toContain(`GOE's exact values and large-deviation law do not apply to ${ensembleEntry(ensemble).label}`);
    }
  });
});
