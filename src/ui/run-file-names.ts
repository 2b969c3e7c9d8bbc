// File names for downloads, built from the settings so that files from different runs sort
// and never collide: saddle-lab_goe_n1-12_s0_seed42.csv, saddle-lab_wigner-t_nu2.5_n1-12_s0_seed42.csv.

import type { PageSettings } from './settings.ts';

export function runFileStem(settings: PageSettings): string {
  const shift = String(settings.shift).replace('-', 'm');
  const params = Object.entries(settings.params).map(([name, value]) => `_${name}${String(value).replace('-', 'm')}`).join('');
  return `saddle-lab_${settings.ensemble}${params}_n${settings.nMin}-${settings.nMax}_s${shift}_seed${settings.seed}`;
}
