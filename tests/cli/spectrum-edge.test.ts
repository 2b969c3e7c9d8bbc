import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { parseCommandLine } from '../../src/cli/options.ts';
import { parseShiftList } from '../../src/cli/shift-list.ts';
import { openOutput } from '../../src/cli/output-file.ts';
import { memoryIo } from './helpers.ts';

describe('--spectrum and --shifts', () => {
  it('parses the spectrum flags with their defaults', () => {
    expect(parseCommandLine(['sweep', '--spectrum', 's.csv', '--samples', '300']).spectrum).toEqual({ path: 's.csv', matrices: 300, bins: 64 });
    expect(parseCommandLine(['sweep', '--spectrum', 's.csv', '--spectrum-matrices', '50', '--bins', '128']).spectrum).toEqual({ path: 's.csv', matrices: 50, bins: 128 });
  });
  it('names a bad or orphaned flag', () => {
    expect(() => parseCommandLine(['sweep', '--spectrum', 's.csv', '--bins', '32'])).toThrow('invalid bins: "32"');
    expect(() => parseCommandLine(['sweep', '--bins', '64'])).toThrow('--bins needs --spectrum FILE');
    expect(() => parseCommandLine(['sweep', '--edge', 'e.csv'])).toThrow('--edge needs --shifts');
    expect(() => parseCommandLine(['sweep', '--shifts', '0.9:1:0.05', '--method', 'exact'])).toThrow('invalid shifts');
  });
  it('reads a shift range inclusively and a comma list', () => {
    expect(parseShiftList('0.8:1:0.1')).toEqual([0.8, 0.9, 1]);
    expect(parseShiftList('1,1.5')).toEqual([1, 1.5]);
    expect(() => parseShiftList('0:1:0')).toThrow('invalid shifts: "0:1:0"');
    expect(() => parseShiftList('0:x:0.1')).toThrow('invalid shifts: "x"');
  });

  it('writes a spectrum CSV whose counts add up to N × matrices per N (CPU backend)', async () => {
    const io = memoryIo();
    const code = await main(['sweep', '--ensemble', 'goe', '--n', '4,6', '--samples', '40', '--backend', 'cpu', '--spectrum', 's.csv', '--out', 'o.csv'], io);
    expect(code).toBe(0);
    const lines = io.files.get('s.csv')!.trim().split('\n');
    expect(lines[0]).toBe('ensemble,n,shift,matrices,scale,x_lo,x_hi,count');
    expect(lines).toHaveLength(1 + 2 * 66);
    for (const n of [4, 6]) {
      const rows = lines.slice(1).map((l) => l.split(',')).filter((f) => f[1] === String(n));
      expect(rows.reduce((sum, f) => sum + Number(f[7]), 0)).toBe(n * 40);
      expect(rows[0]![5]).toBe(''); // below the window: x_lo = −∞
    }
    expect(io.files.get('o.csv')).toContain('goe,4,0,mc,cpu');
  });

  it('writes the λ_min CSV of a shift sweep with F₁ beside P(min) for GOE', async () => {
    const io = memoryIo();
    const code = await main(['sweep', '--ensemble', 'goe-tridiagonal', '--n', '16', '--samples', '500', '--backend', 'cpu', '--shifts', '0.9:1.1:0.1', '--edge', 'e.csv'], io);
    expect(code).toBe(0);
    const lines = io.files.get('e.csv')!.trim().split('\n');
    expect(lines[0]).toBe('ensemble,n,shift,samples,minima,p_min,p_min_lo,p_min_hi,tw_argument,tw_f1');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['goe-tridiagonal,16,0.9', 'goe-tridiagonal,16,1', 'goe-tridiagonal,16,1.1']);
    const atEdge = lines[2]!.split(',');
    expect(Number(atEdge[8])).toBe(0);
    expect(Number(atEdge[9])).toBeCloseTo(0.8319080662, 9);
    // The summary CSV goes to stdout, one row per shift.
    expect(io.out.trim().split('\n')).toHaveLength(4);
  });

  const refusals: [string, string][] = [
    ['sweep --spectrum s.csv --bins 1e3.5', 'invalid bins: "1e3.5"'],
    ['sweep --spectrum s.csv --bins 0x40', 'invalid bins: "0x40"'],
    ['sweep --spectrum s.csv --spectrum-matrices 0', 'invalid spectrum-matrices: "0"'],
    ['sweep --shifts 0.9:1__0:0.1', 'invalid shifts: "1__0"'],
    ['sweep --shifts 0:200:1', 'invalid shifts: "200"'],
    ['bench --spectrum s.csv', '--spectrum does not apply to bench'],
    ['bench --shifts 0.9:1:0.1', 'invalid shifts: "0.9:1:0.1"'],
    ['merge a.csv --spectrum s.csv', '--spectrum does not apply to merge'],
    ['sweep --shifts 0.9:1:0.1 --shift 1', '--shift does not apply with --shifts'],
    ['sweep --shifts 0.9:1:0.1 --hist h.csv', '--hist does not apply with --shifts'],
    ['sweep --shifts 0.9:1:0.1 --spectrum s.csv', '--spectrum does not apply with --shifts'],
    ['sweep --spectrum same.csv --out ./same.csv', '--out and --spectrum name the same file'],
    ['sweep --spectrum same.csv --hist same.csv', '--hist and --spectrum name the same file'],
    ['sweep --shifts 1:1:1 --edge same.csv --out same.csv', '--out and --edge name the same file'],
    ['sweep --spectrum /nonexistent/dir/s.csv --backend cpu', 'cannot write --spectrum "/nonexistent/dir/s.csv"'],
    ['sweep --shifts 1:1:1 --edge /nonexistent/dir/e.csv --backend cpu', 'cannot write --edge "/nonexistent/dir/e.csv"'],
  ];
  for (const [line, message] of refusals) {
    it(`refuses ${line}`, async () => {
      // The real openOutput, so an unwritable path is refused before any work.
      const io = memoryIo();
      io.openOutput = openOutput;
      expect(await main(line.split(' '), io)).toBe(2);
      expect(io.err).toContain(message);
      expect(io.err.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('never exits 0 when stopped: the spectrum and the shift sweep exit 130 with what they finished', async () => {
    const stopped = new AbortController();
    stopped.abort('SIGINT');
    const spectrum = memoryIo();
    expect(await main(['sweep', '--n', '4', '--samples', '40', '--backend', 'cpu', '--spectrum', 's.csv', '--out', 'o.csv'], spectrum, stopped.signal)).toBe(130);
    expect(spectrum.err).toContain('partial results written');
    expect(spectrum.files.get('s.csv')).toBe('ensemble,n,shift,matrices,scale,x_lo,x_hi,count\n');
    expect(spectrum.files.has('o.csv')).toBe(false);
    const edge = memoryIo();
    expect(await main(['sweep', '--ensemble', 'goe-tridiagonal', '--n', '8', '--samples', '40', '--backend', 'cpu', '--shifts', '0.9:1:0.1', '--edge', 'e.csv'], edge, stopped.signal)).toBe(130);
    expect(edge.err).toContain('partial results written: stopped');
    expect(edge.files.get('e.csv')?.split('\n')[0]).toBe('ensemble,n,shift,samples,minima,p_min,p_min_lo,p_min_hi,tw_argument,tw_f1');
  });
});
