// Eigenvalue histograms from inertia counts. For K bins on [xLo, xHi] in the normalised
// variable x = λ/scale (scale = the ensemble's spectral scale: R = 2√N for the Wigner family,
// 1 for Wishart and Gauss–Newton + residual), a matrix contributes c_j = #{λ < scale·x_j} at
// the K + 1 edges x_j = xLo + j·(xHi − xLo)/K; bin j holds c_{j+1} − c_j eigenvalues, `below`
// holds c_0 and `above` N − c_K. Counts are float64 (exact below 2^53), so histograms of
// batches, dispatches and runs of one stream merge exactly by addition.
//
// A bin's density estimate is count/(N·matrices·width), to be compared with the limit law's
// mass over the bin divided by its width (spectrumTheory in plot data).

export interface SpectrumWindow {
  /** Normalised edges: x = λ/scale. */
  xLo: number;
  xHi: number;
  bins: number;
  /** λ = scale·x. */
  scale: number;
}

export interface SpectrumHistogram extends SpectrumWindow {
  n: number;
  matrices: number;
  /** Eigenvalues per bin, length `bins`. */
  counts: Float64Array;
  below: number;
  above: number;
}

export const SPECTRUM_BINS_MIN = 64;

export function checkSpectrumWindow(window: SpectrumWindow): void {
  const { xLo, xHi, bins, scale } = window;
  if (!Number.isInteger(bins) || bins < SPECTRUM_BINS_MIN) throw new RangeError(`invalid bins: ${bins} (must be an integer ≥ ${SPECTRUM_BINS_MIN})`);
  if (!(Number.isFinite(xLo) && Number.isFinite(xHi) && xLo < xHi)) throw new RangeError(`invalid spectrum window: [${xLo}, ${xHi}] (must be finite with lo < hi)`);
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`invalid scale: ${scale} (must be a finite number > 0)`);
}

/** The K + 1 thresholds λ_j = scale·x_j at which the counts below are taken. */
export function spectrumThresholds(window: SpectrumWindow): Float64Array {
  checkSpectrumWindow(window);
  const { xLo, xHi, bins, scale } = window;
  return Float64Array.from({ length: bins + 1 }, (_, j) => scale * (xLo + ((xHi - xLo) * j) / bins));
}

export function emptySpectrum(window: SpectrumWindow, n: number): SpectrumHistogram {
  checkSpectrumWindow(window);
  return { ...window, n, matrices: 0, counts: new Float64Array(window.bins), below: 0, above: 0 };
}

/**
 * Adds `matrices` matrices' summed counts below the thresholds (length bins + 1) into `total`,
 * in place, and returns it.
 */
export function addCountsToSpectrum(total: SpectrumHistogram, countsBelow: ArrayLike<number>, matrices: number): SpectrumHistogram {
  if (countsBelow.length !== total.bins + 1) throw new RangeError(`counts length ${countsBelow.length} does not match ${total.bins + 1} thresholds`);
  total.below += countsBelow[0]!;
  for (let j = 0; j < total.bins; j++) total.counts[j]! += countsBelow[j + 1]! - countsBelow[j]!;
  total.above += matrices * total.n - countsBelow[total.bins]!;
  total.matrices += matrices;
  return total;
}

/** Adds histogram `b` into `a` (same window and N) in place and returns `a`. */
export function mergeSpectra(a: SpectrumHistogram, b: SpectrumHistogram): SpectrumHistogram {
  if (a.n !== b.n || a.bins !== b.bins || a.xLo !== b.xLo || a.xHi !== b.xHi || a.scale !== b.scale) {
    throw new RangeError(`spectra differ in N or window: N = ${a.n}/${b.n}, [${a.xLo}, ${a.xHi}]/[${b.xLo}, ${b.xHi}]`);
  }
  for (let j = 0; j < a.bins; j++) a.counts[j]! += b.counts[j]!;
  a.below += b.below;
  a.above += b.above;
  a.matrices += b.matrices;
  return a;
}

export interface SpectrumBin {
  xLo: number;
  xHi: number;
  count: number;
  /** count/(N·matrices·width): the density of x = λ/scale. */
  density: number;
}

/** The bins with their density estimates; undefined for an empty histogram. */
export function spectrumBins(h: SpectrumHistogram): SpectrumBin[] | undefined {
  if (h.matrices === 0) return undefined;
  const width = (h.xHi - h.xLo) / h.bins;
  return Array.from(h.counts, (count, j) => ({
    xLo: h.xLo + j * width,
    xHi: h.xLo + (j + 1) * width,
    count,
    density: count / (h.n * h.matrices * width),
  }));
}
