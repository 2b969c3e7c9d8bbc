// The grammar of --shifts: an inclusive range from:to:step or a comma list, each number read
// by config's parseShift so the errors name the flag.

import { ConfigError, parseShift } from '../config.ts';

/** "0.8:1.1:0.05" (inclusive, step > 0, at most 201 shifts) or "0.9,1,1.1". */
export function parseShiftList(text: string): number[] {
  const range = /^([^:]+):([^:]+):([^:]+)$/.exec(text);
  if (!range) return text.split(',').map((t) => parseShift(t, 'mc', 'shifts'));
  const [from, to, step] = [range[1]!, range[2]!, range[3]!].map((t) => parseShift(t, 'mc', 'shifts'));
  const count = Math.floor((to! - from!) / step! + 1e-9) + 1;
  if (!(step! > 0) || !(to! >= from!) || count > 201) throw new ConfigError('shifts', text, 'must be from:to:step with from ≤ to, step > 0, at most 201 shifts');
  // Rounded to 12 digits so 0.1 steps print as 0.9, not 0.9000000000000001.
  return Array.from({ length: count }, (_, i) => Number((from! + i * step!).toPrecision(12)));
}
