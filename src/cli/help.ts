import { SHIFT_RANGE } from '../config.ts';
import { allParameters, ensembleEntry, ensembleIds } from '../ensembles/registry.ts';
import { REPLICATES_MAX, REPLICATES_MIN } from '../stats/rare/estimate.ts';

const INDENT = ' '.repeat(22);

/** One line per registered ensemble: id, what it is, its N limit and its parameters. */
function ensembleLines(): string {
  return ensembleIds()
    .map((id) => {
      const entry = ensembleEntry(id);
      const params = entry.parameters.map((p) => `--${p.name}`).join(', ');
      return `${INDENT}${id}: ${entry.doc} (N ≤ ${entry.nMax}${params ? `; ${params}` : ''}).`;
    })
    .join('\n');
}

/** One entry per ensemble parameter flag, with its range and which ensembles take it. */
function parameterLines(): string {
  return [...allParameters().values()]
    .map((p) => {
      const takers = ensembleIds().filter((id) => ensembleEntry(id).parameters.some((q) => q.name === p.name));
      const range = `${p.minExclusive ? '(' : '['}${p.min}, ${p.max}]`;
      return `  --${p.name.padEnd(18)}${p.label}, ${p.unit}, in ${range}, default ${p.default} (${takers.join(', ')}).\n${INDENT}${p.doc}`;
    })
    .join('\n');
}

/** What the shift means, once per distinct meaning, with the ensembles it holds for. */
function shiftLines(): string {
  const byDoc = new Map<string, string[]>();
  for (const id of ensembleIds()) {
    const doc = ensembleEntry(id).shiftDoc;
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), id]);
  }
  return [...byDoc].map(([doc, ids]) => `${INDENT}${ids.join(', ')}: ${doc}.`).join('\n');
}

export function helpText(): string {
  return `saddle-lab: how often is a random critical point a minimum rather than a saddle?

Usage:
  saddle-lab sweep [flags]   sample Hessians for each N and print the summary CSV
  saddle-lab bench [flags]   steady-state sampler speed, one JSON line per N
  saddle-lab merge FILE… [--out FILE] [--hist FILE]
                             the summary and --hist CSVs of every shard (sweep --shard; the
                             summaries alone for --statistic pmin) → the CSVs of one run,
                             byte for byte but elapsed_s
  saddle-lab descend|critical [flags]
                             gradient descents and critical points on the spherical p-spin
                             landscape (saddle-lab descend --help)

Flags:
  --ensemble ID       the Hessian law; default goe. Registered:
${ensembleLines()}
${parameterLines()}
  --n LIST            dimensions: 1:8 (range), 1:64:8 (range with step), 2,4,8, or a mix.
                      Default 1:6.
  --samples COUNT     matrices per N, e.g. 1e6 (integer). Default 100000.
  --shift S           sample H + S·R·I, with R per ensemble. Default 0.
${shiftLines()}
                      Valid: mc [${SHIFT_RANGE.mc.join(', ')}], rare [${SHIFT_RANGE.rare.join(', ')}] (P(min) = 1 in double past 6),
                      exact: the shifts the table holds.
  --seed SEED         integer in [0, 2^53 − 1], the Philox key. Same seed, same counts. Default 42.
  --method mc|rare|exact
                      mc: Monte Carlo sampling; rare: rare-event estimate of P(min) with a 95%
                      interval; exact: the exact GOE table (data/exact-goe.json). rare and exact
                      give the GOE law and are refused for other ensembles. Default mc.
  --statistic index|pmin
                      mc only. index: the whole index histogram per N (default). pmin: only
                      whether each matrix is a minimum, by an early-exit LDLᵀ that stops at the
                      first negative pivot and, for goe and the Wigner family, draws only the
                      rows it reaches (dense ensembles only). Same minima and p_min columns as
                      index; maxima, index_mean and index_var are left empty; --hist,
                      --spectrum and --shifts are refused with it.
  --backend gpu|cpu   gpu: WebGPU through Dawn (exit 3 if no adapter); cpu: the float64 twin.
                      Default gpu.
  --threads T         --backend cpu only: worker threads, 1..256 (default: every core). The
                      counts are the same for any T.
  --out FILE          write the summary CSV to FILE (default: stdout). FILE is replaced only when
                      the run ends (a temporary file beside it is renamed), so a refused or killed
                      run leaves the old one; a failed write prints the CSV on stdout instead.
  --hist FILE         also write the long-form index histogram CSV (mc only; not FILE of --out).
  --replicates R      independent replicates for --method rare, in [${REPLICATES_MIN}, ${REPLICATES_MAX}].
  --shard i/K         sweep only part i of K (0 ≤ i < K) of every N's stream: matrix indices
                      [⌊i·S/K⌋, ⌊(i+1)·S/K⌋) of S = --samples. Needs --hist (not with
                      --statistic pmin: its shards merge from the summaries); rows get
                      statistic, shard and first_index columns. Run all K anywhere, then merge.
  --spectrum FILE     also write the eigenvalue histograms (long-form CSV: ensemble, n, shift,
                      parameters, matrices, scale, x_lo, x_hi, count; x = λ/scale, scale = 2√N
                      for the Wigner family, 1 for Wishart-type laws; a row below and one above
                      the window). Counted by Householder + Sturm at the bin edges: on the GPU for
                      dense ensembles with --backend gpu, else on the float64 CPU twin.
  --spectrum-matrices M
                      matrices per N for --spectrum (the stream's first M). Default min(samples, 1000).
  --bins K            bins of --spectrum, in [64, 1024]. Default 64.
  --shifts A:B:STEP   λ_min mode: run the mc sweep at every shift from A to B (or a list a,b,c);
                      P(min) = P(λ_min > −s·R) against s. The summary CSV gets one row per (N, shift).
                      Not with --shift, --hist, --spectrum or --shard.
  --edge FILE         with --shifts: the λ_min CSV (ensemble, n, shift, parameters, samples, minima,
                      p_min, p_min_lo, p_min_hi, tw_argument, tw_f1), with Tracy–Widom F₁ at
                      t = 2(s − 1)N^(2/3) where the ensemble's theory lists it.
  -h, --help          this text.

Numbers: decimal, with an optional exponent and _ between digits (1e6, 2.5e5, 1_000_000);
not hexadecimal, binary, Infinity or NaN. A flag may be given once.

Exit codes: 0 done, 1 failed (a lost GPU device, a failed write; partial results are still
written), 2 bad input, 3 no WebGPU adapter, 130/143/129 stopped by SIGINT (Ctrl-C), SIGTERM or
SIGHUP (partial results are written; a second signal exits at once, writing nothing).

Examples:
  saddle-lab sweep --ensemble goe --n 1:8 --samples 1e6 --seed 42 --out results.csv --hist index.csv
  saddle-lab sweep --ensemble goe-tridiagonal --n 64,512,4096 --samples 1e5 --shift 0.5
  saddle-lab sweep --ensemble goe --n 20,40 --method rare --seed 1 --out rare.csv
  saddle-lab bench --ensemble goe --n 8 --samples 1e6
  saddle-lab sweep --n 1:8 --samples 1e9 --shard 0/3 --out s0.csv --hist h0.csv   (and 1/3, 2/3)
  saddle-lab merge s0.csv h0.csv s1.csv h1.csv s2.csv h2.csv --out results.csv --hist index.csv
  saddle-lab sweep --ensemble goe --n 64 --samples 1000 --spectrum spectrum.csv --bins 128
  saddle-lab sweep --ensemble goe-tridiagonal --n 256 --samples 1e4 --shifts 0.9:1.05:0.01 --edge edge.csv
`;
}
