import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECTRUM_SETTINGS, parseSpectrumSettings, spectrumSearchSuffix } from '../../src/ui/spectrum-settings.ts';
import { parseSettings } from '../../src/ui/url-state.ts';

describe('spectrum settings in the URL', () => {
  it('round-trips through the query string', () => {
    const settings = { n: 48, matrices: 700, edgeSamples: 5000 };
    expect(parseSpectrumSettings(`?ensemble=goe${spectrumSearchSuffix(settings)}`, 'goe').settings).toEqual(settings);
  });
  it('reports a bad value and keeps the default, with N limited by the ensemble', () => {
    const { settings, problems } = parseSpectrumSettings('?specn=500&specm=x&edgesamples=50', 'goe');
    expect(settings).toEqual(DEFAULT_SPECTRUM_SETTINGS);
    expect(problems).toEqual([
      'ignored specn=500: must be an integer in [2, 64]',
      'ignored specm=x: must be an integer in [1, 100000]',
      'ignored edgesamples=50: must be an integer in [100, 10000000]',
    ]);
    expect(parseSpectrumSettings('?specn=500', 'goe-tridiagonal').settings.n).toBe(500);
  });
  it('is not an unknown setting to the run’s parser', () => {
    expect(parseSettings('?specn=8&specm=10&edgesamples=100').problems).toEqual([]);
  });
  it('reads numbers by the shared grammar and refuses a repeated key', () => {
    expect(parseSpectrumSettings('?specm=1e3&edgesamples=2_000', 'goe').settings).toEqual({ ...DEFAULT_SPECTRUM_SETTINGS, matrices: 1000, edgeSamples: 2000 });
    expect(parseSpectrumSettings('?specm=0x10', 'goe').problems).toEqual(['ignored specm=0x10: must be an integer in [1, 100000]']);
    expect(parseSpectrumSettings('?specn=8&specn=16', 'goe').problems).toEqual(['ignored specn=8&specn=16: given 2 times']);
  });
});
