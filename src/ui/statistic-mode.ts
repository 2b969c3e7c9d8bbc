// What Count = "P(min) only" changes on the page. The early-exit kernel counts minima and never
// an index, so instead of an empty index plot and a header-only histogram file the page says so:
// the index plot's place holds one line naming the setting that brings it back, and every
// index-only download is disabled with the reason as its title.

import type { Statistic } from '../config.ts';

/** Shown where the index distribution would be drawn. */
export const PMIN_INDEX_NOTICE = 'P(min) only: no index distribution is counted — choose Count = Index histogram to see it.';

/** The title of an index-only control while it is disabled. */
export const INDEX_ONLY_TITLE = 'Disabled: Count = P(min) only counts no index histogram (choose Count = Index histogram)';

/** The notice for the index plot, or undefined when the index is counted. */
export const indexNotice = (statistic: Statistic): string | undefined => (statistic === 'pmin' ? PMIN_INDEX_NOTICE : undefined);

/** Disables the index-only controls for P(min) alone, saying why; enables them otherwise. */
export function markIndexOnlyControls(controls: readonly HTMLButtonElement[], statistic: Statistic): void {
  for (const control of controls) {
    control.disabled = statistic === 'pmin';
    if (statistic === 'pmin') control.title = INDEX_ONLY_TITLE;
    else control.removeAttribute('title');
  }
}
