// The device run's benchmark list: one item per line, `side timeout_s arguments…`.
//   lab    the arguments go to `saddle-lab bench` (with --samples as the first attempt's size)
//   torch  the arguments go to torch_compare.py (one process, one JSON line per method × N)
// `#` starts a comment. A new kernel is a new line; the report pairs lines by what they measure.

export type Side = 'lab' | 'torch';

export interface BenchItem {
  /** 1-based line number in the list: names the item in results and errors. */
  line: number;
  side: Side;
  /** Seconds this item may run, pilots included, before it is killed. */
  timeoutS: number;
  args: string[];
}

export class BenchListError extends Error {
  override name = 'BenchListError';
}

export function parseBenchList(text: string, source = 'bench list'): BenchItem[] {
  const items: BenchItem[] = [];
  text.split('\n').forEach((raw, i) => {
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    const [side, timeout, ...args] = words;
    const where = `${source}:${i + 1}`;
    if (side !== 'lab' && side !== 'torch') {
      throw new BenchListError(`${where}: invalid side: ${JSON.stringify(side)} (must be lab or torch)`);
    }
    const timeoutS = Number(timeout);
    if (!(timeoutS > 0 && Number.isFinite(timeoutS))) {
      throw new BenchListError(`${where}: invalid timeout_s: ${JSON.stringify(timeout)} (must be a positive number of seconds)`);
    }
    if (side === 'lab' && !args.includes('--samples')) {
      throw new BenchListError(`${where}: a lab item needs --samples (the first attempt's size)`);
    }
    items.push({ line: i + 1, side, timeoutS, args });
  });
  if (items.length === 0) throw new BenchListError(`${source}: no items`);
  return items;
}

/** The arguments with --samples set to `samples` (lab items only). */
export function withSamples(args: readonly string[], samples: number): string[] {
  const out = [...args];
  const at = out.indexOf('--samples');
  out[at + 1] = String(samples);
  return out;
}

/** The --samples value a lab item starts with. */
export function startSamples(args: readonly string[]): number {
  const value = Number(args[args.indexOf('--samples') + 1]);
  if (!(Number.isInteger(value) && value > 0)) throw new BenchListError(`invalid --samples in ${args.join(' ')}`);
  return value;
}
