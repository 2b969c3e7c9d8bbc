import { describe, expect, it } from 'vitest';
import { DEFAULT_LANDSCAPE_STATE, landscapeSettingsOf, parseLandscapeState, withLandscapeState } from '../../../../src/ui/sections/landscape/landscape-state.ts';

describe('Landscape section URL state', () => {
  it('round-trips every setting through l. keys and leaves other keys alone', () => {
    const state = { ...DEFAULT_LANDSCAPE_STATE, p: 2, n: 100, runs: 512, disorders: 3, optimizer: 'gd' as const, eta: 0.05, beta: 0.5, steps: 1000, seed: 99, backend: 'cpu' as const };
    const search = withLandscapeState('?nmax=5&w.kmin=6', state);
    expect(search).toContain('nmax=5');
    expect(search).toContain('w.kmin=6');
    expect(parseLandscapeState(search)).toEqual({ state, problems: [] });
  });

  it('names a bad or unknown key and keeps the default for it', () => {
    const { state, problems } = parseLandscapeState('?l.p=5&l.n=300&l.eta=0&l.runs=5000&l.frob=1');
    expect(state.p).toBe(DEFAULT_LANDSCAPE_STATE.p);
    expect(state.n).toBe(DEFAULT_LANDSCAPE_STATE.n);
    expect(problems).toEqual([
      'ignored l.p=5: must be an integer in [2, 3]',
      'ignored l.n=300: must be an integer in [2, 256]',
      'ignored l.runs=5000: must be ≤ 4096 on the page (the CLI takes more)',
      'ignored l.eta=0: must be a number in (0, 10]',
      'ignored l.frob=1: unknown setting',
    ]);
  });

  it('asks for the run the CLI would build from the same knobs (β dropped for gd)', () => {
    const settings = landscapeSettingsOf({ ...DEFAULT_LANDSCAPE_STATE, optimizer: 'gd', beta: 0.7 });
    expect(settings.optimizer).toEqual({ kind: 'gd', step: 0.1, beta: 0 });
    expect(settings.tolerance).toBe(1e-4);
    expect(settings.recordEvery).toBe(10);
  });
});
