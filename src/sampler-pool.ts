// One Sampler over several: each request's matrices are cut into contiguous index ranges, one
// per member, and the results (index histograms or [minima, others]) summed. Every matrix is fixed by (seed, ensemble, N, index)
// alone (DESIGN §4), so the counts do not depend on how many members share the work. Used for
// the CPU fallback on every core: Web Workers in the page, worker_threads in the CLI.

import type { Ensemble, Statistic } from './config.ts';
import { resultLength, type BatchRequest, type Sampler } from './sampler.ts';

/** Contiguous parts of `request`, at most `parts` of them, none empty, covering it in order. */
export function splitRequest(request: BatchRequest, parts: number): BatchRequest[] {
  const used = Math.max(1, Math.min(parts, request.count));
  const base = Math.floor(request.count / used);
  const extra = request.count % used;
  const split: BatchRequest[] = [];
  let first = request.firstIndex;
  for (let p = 0; p < used; p++) {
    const count = base + (p < extra ? 1 : 0);
    split.push({ ...request, firstIndex: first, count });
    first += count;
  }
  return split;
}

export function createSamplerPool(members: readonly Sampler[], description: string): Sampler {
  if (members.length === 0) throw new Error('a sampler pool needs at least one member');
  const first = members[0]!;
  const lost = Promise.race(members.map((m) => m.lost));
  return {
    backend: first.backend,
    description,
    maxBatch: Math.min(...members.map((m) => m.maxBatch)),
    async prepare(ensemble: Ensemble, n: number, statistic?: Statistic): Promise<number> {
      const seconds = await Promise.all(members.map((m) => m.prepare(ensemble, n, statistic)));
      return Math.max(...seconds);
    },
    async sample(requests: readonly BatchRequest[]): Promise<Float64Array[]> {
      // Member p gets part p of every request, so one submission per member per round.
      const perMember: BatchRequest[][] = members.map(() => []);
      const owners: number[][] = requests.map(() => []);
      requests.forEach((request, r) => {
        splitRequest(request, members.length).forEach((part, p) => {
          perMember[p]!.push(part);
          owners[r]!.push(p);
        });
      });
      const replies = await Promise.all(members.map((m, p) => (perMember[p]!.length > 0 ? m.sample(perMember[p]!) : Promise.resolve([]))));
      const cursor = members.map(() => 0);
      return requests.map((request, r) => {
        const total = new Float64Array(resultLength(request));
        for (const p of owners[r]!) {
          const part = replies[p]![cursor[p]!++]!;
          for (let k = 0; k < total.length; k++) total[k]! += part[k]!;
        }
        return total;
      });
    },
    lost,
    destroy(): void {
      for (const m of members) m.destroy();
    },
  };
}
