// The window of bins a workgroup histogram holds. Workgroup memory is zero-filled by code
// that grows with the array (8 s of pipeline compile at 4097 bins on SwiftShader, 0.07 s at
// one), so large N keep SHARED_BINS_MAX bins around the expected index and send the rare
// index outside straight to the global histogram. Results do not depend on the window.

/** Most bins a workgroup histogram holds (1 KiB of workgroup memory). */
export const SHARED_BINS_MAX = 256;

export function sharedBinCount(n: number): number {
  return Math.min(n + 1, SHARED_BINS_MAX);
}

/**
 * First bin of the window, centred on the expected index N·fraction (the entry's
 * indexFractionGuess: for the Wigner family the semicircle's F(−s), around which the index
 * concentrates, its standard deviation growing only like √(ln N)/π).
 */
export function binOffset(n: number, indexFraction: number): number {
  const bins = sharedBinCount(n);
  const centre = Math.round(n * indexFraction);
  return Math.min(Math.max(centre - Math.floor(bins / 2), 0), n + 1 - bins);
}
