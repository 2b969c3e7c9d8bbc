// One grammar for every number a person types (config.ts parseNumber), used by the URL, the
// page's form and the CLI alike.
import { describe, expect, it } from 'vitest';
import { parseDimensions, parseNumber, parseSeed, parseShift, SHIFT_RANGE } from '../src/config.ts';

const anyInteger = { integer: true, min: -1e300, max: 1e300 };
const anyNumber = { integer: false, min: -1e300, max: 1e300 };

describe('the number grammar', () => {
  for (const [text, value] of [
    ['42', 42], [' 42 ', 42], ['+7', 7], ['-3', -3], ['1e6', 1e6], ['2.5e5', 250_000], ['1_000_000', 1e6],
    ['1000e-3', 1], ['1.50e1', 15], ['-0', 0],
  ] as const) {
    it(`reads the integer ${JSON.stringify(text)} as ${value}`, () => expect(parseNumber('x', text, anyInteger)).toBe(value));
  }
  for (const [text, value] of [['0.5', 0.5], ['.5', 0.5], ['-1.25', -1.25], ['5e-1', 0.5]] as const) {
    it(`reads the number ${JSON.stringify(text)} as ${value}`, () => expect(parseNumber('x', text, anyNumber)).toBe(value));
  }
  for (const text of ['', ' ', '0x10', '0b101', '0o7', '0x1', 'Infinity', '-Infinity', 'NaN', '1e', 'e5', '1.', '1__0', '_1', '1_', '1 0', '--1', '1e400', '١٢']) {
    it(`refuses ${JSON.stringify(text)} and names the field`, () =>
      expect(() => parseNumber('seed', text, anyNumber)).toThrow(`invalid seed: ${JSON.stringify(text)}`));
  }
  for (const text of ['1.5', '15e-1', '9007199254740990.5']) {
    it(`refuses the non-integer ${text} where an integer is asked`, () => expect(() => parseNumber('n', text, anyInteger)).toThrow('must be an integer'));
  }
  it('gives the page and the CLI one answer for a seed in exponent form', () => expect(parseSeed('1e3')).toBe(1000));
  it('refuses a seed above 2^53 − 1 rather than rounding it', () => expect(() => parseSeed('9007199254740993')).toThrow('invalid seed'));
});

describe('shift ranges per method', () => {
  it('refuses a rare-event shift past its documented range, naming the method', () =>
    expect(() => parseShift('1e5', 'rare')).toThrow(`invalid shift: "1e5" (must be a number in [${SHIFT_RANGE.rare.join(', ')}] for method rare)`));
  it('refuses ±1e308 for every method', () => {
    for (const method of ['mc', 'rare', 'exact'] as const) expect(() => parseShift('-1e308', method)).toThrow('invalid shift');
  });
  it('accepts the rare range ends', () => expect([parseShift('-100', 'rare'), parseShift('6', 'rare')]).toEqual([-100, 6]));
});

describe('dimension lists name the whole list', () => {
  it('says a bound is missing in "1:"', () => expect(() => parseDimensions('1:', 'goe')).toThrow('invalid n: "1:" (must be an integer in [1, 64] for goe (a bound is missing))'));
  it('refuses hexadecimal N', () => expect(() => parseDimensions('0x10', 'goe')).toThrow('invalid n: "0x10"'));
  it('refuses a step of 0', () => expect(() => parseDimensions('1:8:0', 'goe')).toThrow('a range step must be a positive integer'));
});
