import { describe, expect, it } from 'vitest';
import {
  ConfigError, DEFAULT_CONFIG, parseDimensions, parseEnsemble, parseSamples, parseSeed, parseShift, validate,
} from '../src/config.ts';

describe('parseDimensions', () => {
  it('expands an inclusive range', () => expect(parseDimensions('1:4', 'goe')).toEqual([1, 2, 3, 4]));
  it('expands a range with a step', () => expect(parseDimensions('8:32:8', 'goe')).toEqual([8, 16, 24, 32]));
  it('sorts and deduplicates a mixed list', () => expect(parseDimensions('8,2,1:3,2', 'goe')).toEqual([1, 2, 3, 8]));
  it('allows N up to 4096 for the tridiagonal model', () => expect(parseDimensions('4096', 'goe-tridiagonal')).toEqual([4096]));
  it('rejects N = 0 and names the field and value', () =>
    expect(() => parseDimensions('0', 'goe')).toThrow('invalid n: "0" (must be an integer in [1, 64] for goe)'));
  it('rejects N above the dense limit', () => expect(() => parseDimensions('1:65', 'goe')).toThrow(ConfigError));
  it('rejects a reversed range', () => expect(() => parseDimensions('8:1', 'goe')).toThrow('range 8:1 is reversed'));
  it('rejects an empty element', () => expect(() => parseDimensions('1,,2', 'goe')).toThrow(ConfigError));
  it('rejects a fractional N', () => expect(() => parseDimensions('2.5', 'goe')).toThrow(ConfigError));
  it('lets the exact table reach N = 100', () => expect(parseDimensions('100', 'goe', 'exact')).toEqual([100]));
  it('lets the rare-event estimator reach past the dense limit', () =>
    expect(parseDimensions('20,40,200', 'goe', 'rare')).toEqual([20, 40, 200]));
  it('bounds the exact table at N = 100', () =>
    expect(() => parseDimensions('101', 'goe', 'exact')).toThrow('invalid n: "101" (must be an integer in [1, 100] for method exact)'));
});

describe('scalar knobs', () => {
  it('reads samples in exponent form', () => expect(parseSamples('2e6')).toBe(2_000_000));
  it('rejects zero samples', () => expect(() => parseSamples('0')).toThrow('invalid samples: "0"'));
  it('rejects fractional samples', () => expect(() => parseSamples('1.5')).toThrow(ConfigError));
  it('rejects a non-finite shift', () => expect(() => parseShift('Infinity')).toThrow('invalid shift: "Infinity"'));
  it('reads a negative shift', () => expect(parseShift('-0.5')).toBe(-0.5));
  it('rejects a negative seed', () => expect(() => parseSeed('-1')).toThrow('invalid seed: "-1"'));
  it('reads a seed above 2^32', () => expect(parseSeed('4294967297')).toBe(4294967297));
  it('rejects an unknown ensemble with the allowed list', () =>
    expect(() => parseEnsemble('gue')).toThrow('invalid ensemble: "gue" (must be one of goe, goe-tridiagonal, wigner-rademacher, wigner-uniform, wigner-t, wishart, gauss-newton-residual)'));
});

describe('validate', () => {
  it('accepts the defaults', () => expect(validate({ ...DEFAULT_CONFIG })).toEqual(DEFAULT_CONFIG));
  it('rejects an empty list of dimensions', () => expect(() => validate({ ...DEFAULT_CONFIG, ns: [] })).toThrow(ConfigError));
  it('rejects N = 65 for the dense ensemble', () => expect(() => validate({ ...DEFAULT_CONFIG, ns: [65] })).toThrow('invalid n: "65"'));
});
