// The window of bins a workgroup histogram holds. Workgroup memory is zero-filled by code
// that grows with the array (8 s of pipeline compile at 4097 bins on SwiftShader, 0.07 s at
// one), so large N keep SHARED_BINS_MAX bins around the expected index and send the rare
// index outside straight to the global histogram. Results do not depend on the window.

import { semicircleIndexFraction } from '../cpu/semicircle.ts';

/** Most bins a workgroup histogram holds (1 KiB of workgroup memory). */
export const SHARED_BINS_MAX = 256;

export function sharedBinCount(n: number): number {
  return Math.min(n + 1, SHARED_BINS_MAX);
}

/**
 * First bin of the window, centred on the expected index N·F(−s) of H + s·R·I (the index
 * concentrates there: its standard deviation grows only like √(ln N)/π).
 */
export function binOffset(n: number, shift: number): number {
  const bins = sharedBinCount(n);
  const centre = Math.round(n * semicircleIndexFraction(shift));
  return Math.min(Math.max(centre - Math.floor(bins / 2), 0), n + 1 - bins);
}
