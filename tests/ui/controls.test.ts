// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../src/ui/controls.ts';
import { DEFAULT_SETTINGS } from '../../src/ui/settings.ts';

function page(): Controls {
  document.body.innerHTML = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
  return new Controls(document);
}

describe('Controls', () => {
  it('keeps a URL shift off the slider grid until the shift slider itself moves', () => {
    const controls = page();
    controls.write({ ...DEFAULT_SETTINGS, shift: 0.333 });
    expect(controls.read(controls.seed).shift).toBe(0.333);
    controls.shift.value = '0.35';
    expect(controls.read(controls.shift).shift).toBe(0.35);
  });

  it('names a seed it cannot read and keeps the last valid one', () => {
    const controls = page();
    controls.write({ ...DEFAULT_SETTINGS, seed: 7 });
    controls.seed.value = '0x10';
    expect(controls.read(controls.seed).seed).toBe(7);
    expect(controls.problems).toEqual(['invalid seed: "0x10" (must be an integer in [0, 9007199254740991]); still using seed 7']);
    controls.seed.value = '1e3';
    expect(controls.read(controls.seed).seed).toBe(1000);
    expect(controls.problems).toEqual([]);
  });

  it('reads slider shifts as short decimals', () => {
    const controls = page();
    controls.write({ ...DEFAULT_SETTINGS, shift: 0.15 });
    controls.shift.value = String(3 * 0.05); // 0.15000000000000002
    expect(controls.read(controls.shift).shift).toBe(0.15);
  });

  it('offers every registered ensemble and shows only the chosen one\'s parameter fields', () => {
    const controls = page();
    expect([...controls.ensemble.options].map((o) => o.value)).toContain('gauss-newton-residual');
    controls.write({ ...DEFAULT_SETTINGS, ensemble: 'gauss-newton-residual', params: { phi: 2, epsilon: 0.3 } });
    const shown = () => [...controls.params].filter(([, input]) => !input.parentElement!.hidden).map(([name]) => name);
    expect(shown()).toEqual(['phi', 'epsilon']);
    expect(controls.params.get('epsilon')!.value).toBe('0.3');
    controls.ensemble.value = 'wigner-t';
    const settings = controls.read(controls.ensemble);
    expect(settings.params).toEqual({ nu: 3 });
    expect(shown()).toEqual(['nu']);
  });

  it('keeps the last valid parameter while one is half typed, and falls back from GOE-only methods', () => {
    const controls = page();
    controls.write({ ...DEFAULT_SETTINGS, ensemble: 'wigner-t', params: { nu: 4 }, method: 'mc' });
    controls.params.get('nu')!.value = '2';
    expect(controls.read(controls.params.get('nu')).params).toEqual({ nu: 4 });
    controls.method.value = 'exact';
    expect(controls.read(controls.method).method).toBe('mc');
  });
});
