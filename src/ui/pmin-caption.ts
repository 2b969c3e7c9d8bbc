// The P(min) plot's caption, written from what the plot draws for the ensemble and shift on
// screen: the 2⁻ᴺ coin flip and exp(−(ln 3/4)·N²) describe the unshifted GOE only and the exact
// table exists for GOE only, so a fixed caption naming them would describe lines that are not
// there for every other ensemble and shift.

import type { PMinPlotData } from '../plots/pmin-plot.ts';
import type { Theory } from '../model/ensemble.ts';

const BOUND = 'Where no minimum was seen the marker is a 95% upper bound, not zero.';

export function pMinCaption(data: PMinPlotData, theories: readonly Theory[], ensembleLabel: string, shift: number): string {
  const drawn: string[] = [];
  if (data.naive.length > 0) drawn.push('the dashed grey line is the coin-flip guess 2⁻ᴺ');
  if (data.largeDeviation.length > 0) drawn.push('the orange line is GOE\'s large-deviation law exp(−(ln 3/4)·N²)');
  if (data.exact.length > 0) drawn.push(`the open circles on the thin black line are exact values from the GOE table at s = ${shift}`);
  const sentences: string[] = [];
  if (drawn.length > 0) sentences.push(`${capitalize(drawn.join('; '))}.`);
  if (data.naive.length > 0) {
    sentences.push('The measured fraction drops far below the coin flip, because making all N eigenvalues positive pushes the whole spectrum against the repulsion between eigenvalues.');
  }
  if (theories.includes('goe-large-deviation') && data.naive.length === 0) {
    sentences.push(`The 2⁻ᴺ and exp(−(ln 3/4)·N²) curves describe s = 0 only and are not drawn at s = ${shift}${data.exact.length === 0 ? ', and the exact table holds no value here' : ''}.`);
  } else if (!theories.includes('goe-large-deviation') && !theories.includes('exact-table')) {
    sentences.push(`No theory line is drawn: GOE's exact values and large-deviation law do not apply to ${ensembleLabel}, so only the measured points are shown.`);
  }
  sentences.push(BOUND);
  return sentences.join(' ');
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
