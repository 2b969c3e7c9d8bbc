import { describe, expect, it } from 'vitest';
import { parseBeta, parseKs, parseNs, parseRuns, parseWidths, studentWidths } from '../src/width-config.ts';

describe('Width knobs', () => {
  it('reads k lists in the lab’s one grammar', () => {
    expect(parseKs('6:10')).toEqual([6, 7, 8, 9, 10]);
    expect(parseKs('6:20:7,3')).toEqual([3, 6, 13, 20]);
  });

  it('names the field and the value of a bad entry', () => {
    expect(() => parseKs('1:5')).toThrow('invalid k: "1" (must be an integer in [2, 24])');
    expect(() => parseKs('9:6')).toThrow('invalid k: "9:6" (range 9:6 is reversed)');
    expect(() => parseNs('')).toThrow(/invalid n/);
    expect(() => parseWidths('1,2.5')).toThrow('invalid width: "1,2.5" (each factor must be a number in [0.5, 2])');
    expect(() => parseBeta('1')).toThrow('invalid beta: "1" (must be a number in (0, 1))');
    expect(() => parseRuns('2e6')).toThrow(/invalid runs/);
  });

  it('turns width factors into n = round(factor·k), unique and ascending', () => {
    expect(studentWidths({ widths: [1, 1.25, 1.5, 2] }, 6)).toEqual([6, 8, 9, 12]);
    expect(studentWidths({ widths: [1, 1.1] }, 7)).toEqual([7, 8]);
    expect(studentWidths({ widths: [1], ns: [12, 6, 6] }, 6)).toEqual([6, 12]);
  });
});
