import { describe, expect, it } from 'vitest';
import { csvField, histogramCsv, SUMMARY_COLUMNS, summaryCsv } from '../../src/export/csv.ts';
import { summarize } from '../../src/stats/index-histogram.ts';

const context = { ensemble: 'goe', params: {}, n: 2, shift: 0, method: 'mc', backend: 'gpu', seed: 42, elapsedS: 1.23456 } as const;

describe('summaryCsv', () => {
  it('starts with the columns of DESIGN.md §6', () => {
    expect(summaryCsv([]).split('\n')[0]).toBe(
      'ensemble,n,shift,method,backend,seed,samples,minima,maxima,p_min,p_min_lo,p_min_hi,' +
        'log10_p_min,log10_p_min_lo,log10_p_min_hi,index_mean,index_var,elapsed_s',
    );
  });
  it('writes one row per summary with as many fields as columns', () => {
    const lines = summaryCsv([summarize(context, [25, 50, 25])]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.split(',')).toHaveLength(SUMMARY_COLUMNS.length);
    expect(lines[1]!.startsWith('goe,2,0,mc,gpu,42,100,25,25,0.25,')).toBe(true);
    expect(lines[1]!.endsWith(',1,0.5050505050505051,1.235')).toBe(true);
  });
  it('leaves log10 of a zero count empty', () => {
    const fields = summaryCsv([summarize(context, [0, 90, 10])]).split('\n')[1]!.split(',');
    expect(fields[12]).toBe('');
    expect(Number(fields[14])).toBeLessThan(0);
  });
});

describe('csvField', () => {
  it('quotes a comma and doubles quotes', () => expect(csvField('a,"b"')).toBe('"a,""b"""'));
  it('writes NaN as an empty field', () => expect(csvField(NaN)).toBe(''));
  it('writes numbers in shortest round-trip form', () => expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004'));
});

describe('histogramCsv', () => {
  it('writes one long-form row per k', () => {
    expect(histogramCsv([{ ensemble: 'goe', params: {}, n: 1, shift: 0.5, counts: [3, 7] }])).toBe(
      'ensemble,n,shift,k,count\ngoe,1,0.5,0,3\ngoe,1,0.5,1,7\n',
    );
  });
});
