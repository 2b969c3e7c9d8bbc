// The samples-per-N slider is logarithmic: its integer positions step through 1, 2, 5 × 10^k
// from 1e3 to 1e9, so each notch is a readable number and three notches make a decade.

import { formatCount } from '../plots/format.ts';
import { SAMPLES_MIN, SAMPLES_SLIDER_MAX } from './settings.ts';

const MANTISSAS = [1, 2, 5] as const;

/** Slider values in order: 1e3, 2e3, 5e3, 1e4, …, 1e9. */
export const SAMPLES_STEPS: readonly number[] = (() => {
  const steps: number[] = [];
  for (let exponent = Math.round(Math.log10(SAMPLES_MIN)); ; exponent++) {
    for (const m of MANTISSAS) {
      const value = m * 10 ** exponent;
      if (value > SAMPLES_SLIDER_MAX) return steps;
      steps.push(value);
    }
  }
})();

export function samplesAt(position: number): number {
  const i = Math.min(SAMPLES_STEPS.length - 1, Math.max(0, Math.round(position)));
  return SAMPLES_STEPS[i]!;
}

/** The position whose value is nearest to `samples` on a log scale (ties go to the lower). */
export function positionOf(samples: number): number {
  let best = 0;
  for (let i = 1; i < SAMPLES_STEPS.length; i++) {
    const distance = Math.abs(Math.log(SAMPLES_STEPS[i]! / samples));
    if (distance < Math.abs(Math.log(SAMPLES_STEPS[best]! / samples))) best = i;
  }
  return best;
}

/** "100 000" style for the slider's visible value; exponents past a million ("2e7"). */
export function formatSamples(samples: number): string {
  // formatCount, not toLocaleString: the first Intl call costs ~200 ms of main thread in Chromium.
  if (samples < 1e6) return formatCount(samples);
  const exponent = Math.floor(Math.log10(samples));
  const mantissa = samples / 10 ** exponent;
  return Number.isInteger(mantissa) ? `${mantissa}e${exponent}` : samples.toExponential();
}
