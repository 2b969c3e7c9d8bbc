import { describe, expect, it } from 'vitest';
import { formatDuration, progressText } from '../../src/ui/progress-view.ts';

describe('progress text', () => {
  it('shows matrices done of total, the rate and the ETA', () => {
    expect(progressText({ matricesDone: 12_345, matricesTotal: 600_000, matricesPerS: 85_000.4, etaS: 6.9 })).toBe(
      '12\u2009345 / 600\u2009000 matrices · 85\u2009000 matrices/s · ETA 7 s',
    );
    expect(progressText({ matricesDone: 1, matricesTotal: 2, matricesPerS: 2.5e6, etaS: 0 })).toContain('2.50 M matrices/s');
  });

  it('writes durations in the largest sensible unit', () => {
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(7800)).toBe('2 h 10 min');
    expect(formatDuration(Infinity)).toBe('—');
  });
});
