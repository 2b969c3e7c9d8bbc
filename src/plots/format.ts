// Number formatting shared by the plots and their tables. Probabilities arrive as log10 so
// that values below the float64 range (1e-308) print as well as ordinary ones.

/**
 * "3.21e-14" from log10 P = −13.49, at any magnitude: mantissa m = 10^(x − ⌊x⌋), exponent ⌊x⌋,
 * with the carry when m rounds up to 10. −Infinity (a zero estimate) prints as "0".
 */
export function formatLog10(log10Value: number, digits = 3): string {
  if (log10Value === -Infinity) return '0';
  if (!Number.isFinite(log10Value)) return '—';
  let exponent = Math.floor(log10Value);
  let mantissa = 10 ** (log10Value - exponent);
  if (Number(mantissa.toFixed(digits - 1)) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${mantissa.toFixed(digits - 1)}e${exponent < 0 ? '−' : '+'}${Math.abs(exponent)}`;
}

/** Integer counts with thin-space thousands separators; NaN (not applicable) as a dash. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** A plain decimal with `digits` after the point, NaN as a dash. */
export function formatFixed(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}
