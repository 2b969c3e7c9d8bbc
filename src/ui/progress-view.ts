// The progress bar and its text: matrices done, matrices per second, time left.

import type { SweepProgress } from '../engine/sweep.ts';
import { formatCount } from '../plots/format.ts';

/** "42 s", "3 min 5 s", "2 h 10 min": the ETA a person reads at a glance. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function progressText(p: Pick<SweepProgress, 'matricesDone' | 'matricesTotal' | 'matricesPerS' | 'etaS'>): string {
  const rate = p.matricesPerS >= 1e6 ? `${(p.matricesPerS / 1e6).toFixed(2)} M` : formatCount(p.matricesPerS);
  return `${formatCount(p.matricesDone)} / ${formatCount(p.matricesTotal)} matrices · ${rate} matrices/s · ETA ${formatDuration(p.etaS)}`;
}

export class ProgressView {
  constructor(
    private readonly bar: HTMLProgressElement,
    private readonly text: HTMLElement,
  ) {}

  sweep(p: SweepProgress): void {
    this.bar.max = Math.max(1, p.matricesTotal);
    this.bar.value = p.matricesDone;
    this.text.textContent = progressText(p);
  }

  /** For methods without a matrix count (rare-event): a fraction and a label. */
  fraction(done: number, label: string): void {
    this.bar.max = 1;
    this.bar.value = Math.min(1, Math.max(0, done));
    this.text.textContent = label;
  }

  idle(label: string): void {
    this.text.textContent = label;
  }
}
