import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/ui/settings.ts';
import { keepSectionKeys, parseSettings, settingsSearch } from '../../src/ui/url-state.ts';

describe('parseSettings', () => {
  it('gives the defaults and no problems for an empty query', () => {
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads every setting from the URL', () => {
    const { settings, problems } = parseSettings(
      '?ensemble=goe-tridiagonal&nmin=10&nmax=512&samples=2e6&shift=-0.25&seed=7&method=mc&backend=cpu',
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ensemble: 'goe-tridiagonal', params: {}, nMin: 10, nMax: 512, samples: 2_000_000, shift: -0.25, seed: 7, method: 'mc', statistic: 'index', backend: 'cpu',
    });
  });

  it('names an out-of-range N max and falls back to its default', () => {
    const { settings, problems } = parseSettings('?nmax=999');
    expect(problems).toEqual(['ignored nmax=999: must be an integer in [1, 64]']);
    expect(settings.nMax).toBe(DEFAULT_SETTINGS.nMax);
  });

  it('checks N against the ensemble in the same URL, whatever the parameter order', () => {
    expect(parseSettings('?nmax=999&ensemble=goe-tridiagonal').problems).toEqual([]);
    expect(parseSettings('?nmax=5000&ensemble=goe-tridiagonal').problems).toEqual(['ignored nmax=5000: must be an integer in [1, 4096]']);
  });

  it('lets rare-event and exact runs reach N = 100 on the dense ensemble', () => {
    expect(parseSettings('?method=exact&nmax=100').settings.nMax).toBe(100);
    expect(parseSettings('?method=mc&nmax=100').problems).toEqual(['ignored nmax=100: must be an integer in [1, 64]']);
  });

  it('reports every bad parameter, each replaced by its default', () => {
    const { settings, problems } = parseSettings('?ensemble=gue&samples=12.5&shift=3&seed=-1&method=magic&nmin=0&colour=red');
    expect(problems).toEqual([
      'ignored ensemble=gue: must be one of goe, goe-tridiagonal, wigner-rademacher, wigner-uniform, wigner-t, wishart, gauss-newton-residual',
      'ignored method=magic: must be one of mc, rare, exact',
      'ignored nmin=0: must be an integer in [1, 64]',
      'ignored samples=12.5: must be an integer in [1000, 1000000000]',
      'ignored shift=3: must be a number in [-1, 2]',
      'ignored seed=-1: must be an integer in [0, 9007199254740991]',
      'ignored colour=red: unknown setting',
    ]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects text where a number belongs', () => {
    expect(parseSettings('?nmax=abc&shift=').problems).toEqual([
      'ignored nmax=abc: must be an integer in [1, 64]',
      'ignored shift=: must be a number in [-1, 2]',
    ]);
  });

  it('reads numbers by the one grammar the CLI uses: exponents yes, hexadecimal no', () => {
    const { settings, problems } = parseSettings('?seed=1e3&nmax=0x10&samples=0b101');
    expect(settings.seed).toBe(1000);
    expect(problems).toEqual(['ignored nmax=0x10: must be an integer in [1, 64]', 'ignored samples=0b101: must be an integer in [1000, 1000000000]']);
  });

  it('refuses a parameter given twice instead of keeping one of its values', () => {
    const { settings, problems } = parseSettings('?seed=1&seed=2');
    expect(problems).toEqual(['ignored seed=1&seed=2: given 2 times']);
    expect(settings.seed).toBe(DEFAULT_SETTINGS.seed);
  });

  it('widens N max silently when only N min is given above it', () => {
    expect(parseSettings('?nmin=10')).toEqual({ settings: { ...DEFAULT_SETTINGS, nMin: 10, nMax: 10 }, problems: [] });
  });

  it('refuses N min above an explicit N max', () => {
    const { settings, problems } = parseSettings('?nmin=10&nmax=8');
    expect(problems).toEqual(['ignored nmin=10: must be ≤ nmax (8)']);
    expect([settings.nMin, settings.nMax]).toEqual([1, 8]);
  });
});

describe('ensemble parameters in the URL', () => {
  it('reads the ensemble\'s parameters and gives the others their defaults', () => {
    expect(parseSettings('?ensemble=gauss-newton-residual&epsilon=0.25')).toEqual({
      settings: { ...DEFAULT_SETTINGS, ensemble: 'gauss-newton-residual', params: { phi: 0.5, epsilon: 0.25 } },
      problems: [],
    });
  });

  it('names a parameter the ensemble lacks, or one out of its range, and keeps the default', () => {
    expect(parseSettings('?nu=3').problems).toEqual(['ignored nu=3: ensemble goe has no parameter nu (it belongs to wigner-t)']);
    const { settings, problems } = parseSettings('?ensemble=wigner-t&nu=2');
    expect(problems).toEqual(['ignored nu=2: must be a number in (2, 100] for wigner-t']);
    expect(settings.params).toEqual({ nu: 3 });
  });

  it('refuses GOE-only methods for other ensembles', () => {
    const { settings, problems } = parseSettings('?ensemble=wishart&method=exact');
    expect(problems).toEqual(['ignored method=exact: ensemble wishart has no exact-table theory; method exact applies to goe, goe-tridiagonal']);
    expect(settings.method).toBe('mc');
  });

  it('writes the parameters right after the ensemble, and reads them back', () => {
    const settings = { ...DEFAULT_SETTINGS, ensemble: 'wigner-t', params: { nu: 2.5 } };
    const search = settingsSearch(settings);
    expect(search).toMatch(/^\?ensemble=wigner-t&nu=2.5&nmin=/);
    expect(parseSettings(search)).toEqual({ settings, problems: [] });
  });
});

describe('settingsSearch', () => {
  it('writes every setting, and parsing it back gives the same settings', () => {
    const settings = { ...DEFAULT_SETTINGS, ensemble: 'goe-tridiagonal' as const, nMin: 3, nMax: 300, shift: 0.35, seed: 2 ** 40 };
    const search = settingsSearch(settings);
    expect(search).toBe('?ensemble=goe-tridiagonal&nmin=3&nmax=300&samples=100000&shift=0.35&seed=1099511627776&method=mc&statistic=index&backend=gpu');
    expect(parseSettings(search)).toEqual({ settings, problems: [] });
  });

  it('writes and reads back statistic=pmin', () => {
    const settings = { ...DEFAULT_SETTINGS, ensemble: 'wigner-uniform', statistic: 'pmin' as const };
    expect(settingsSearch(settings)).toContain('&method=mc&statistic=pmin&');
    expect(parseSettings(settingsSearch(settings))).toEqual({ settings, problems: [] });
  });
});

describe('statistic in the URL', () => {
  it('names a bad value and the rule, and counts the index instead', () => {
    const cases: [string, string][] = [
      ['?statistic=minima', 'ignored statistic=minima: must be one of index, pmin'],
      ['?statistic=pmin&ensemble=goe-tridiagonal', 'ignored statistic=pmin: needs a dense ensemble (goe, wigner-rademacher, wigner-uniform, wigner-t, wishart, gauss-newton-residual); goe-tridiagonal has no early-exit kernel'],
      ['?statistic=pmin&method=exact', 'ignored statistic=pmin: applies to method mc only (method exact gives P(min) in its own way)'],
    ];
    for (const [search, problem] of cases) {
      const { settings, problems } = parseSettings(search);
      expect(problems).toEqual([problem]);
      expect(settings.statistic).toBe('index');
    }
  });
});

describe('other sections’ keys in the URL', () => {
  it('are neither reported nor lost when the Hessians settings are written', () => {
    expect(parseSettings('?nmax=3&w.kmin=7&p.n=12').problems).toEqual([]);
    const written = keepSectionKeys(settingsSearch(DEFAULT_SETTINGS), '?nmax=3&w.kmin=7&p.n=12&stray=1');
    expect(written).toBe(`${settingsSearch(DEFAULT_SETTINGS)}&w.kmin=7&p.n=12`);
  });
});
