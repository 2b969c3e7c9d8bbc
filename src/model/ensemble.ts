// What an ensemble (one Hessian law) declares: the registry's entry type. Everything the rest
// of the code asks of an ensemble — its parameters and their limits, its N limit, its Philox
// stream code, its WGSL and float64 fills, its cost, whether the float32 recheck applies and
// which theory describes it — is a field here, so no module outside src/ensembles/ ever
// branches on an ensemble id (STYLE.md 9). The entries themselves live in src/ensembles/.

/** Values of an ensemble's parameters by name ({ nu: 3 }, { phi: 0.5, epsilon: 0.1 }; {} for GOE). */
export type EnsembleParams = Readonly<Record<string, number>>;

/** One numeric parameter of an ensemble. Its name is also the CLI flag (--name) and the URL key. */
export interface ParameterSpec {
  name: string;
  label: string;
  /** Allowed range; `minExclusive` makes the lower bound strict (ν > 2). */
  min: number;
  max: number;
  minExclusive?: boolean;
  default: number;
  /** Unit or scale in words ("degrees of freedom", "N/M"); shown next to the control. */
  unit: string;
  doc: string;
  /** Step of the page's control. */
  step: number;
}

/**
 * Theory that applies to an ensemble, by identifier. Plots and rows key their curves by these,
 * and a method needing one (exact → 'exact-table', rare → 'rare') is refused without it.
 * - exact-table: the tabulated exact P(min) of GOE (data/exact-goe.json);
 * - rare: the rare-event estimator of GOE's P(min) (src/stats/rare/);
 * - goe-large-deviation: GOE's exp(−(ln 3/4)N²) law and the naive 2^−N foil drawn beside it;
 * - semicircle: the Wigner semicircle of radius 2√N (index fraction F(−s));
 * - marchenko-pastur, free-convolution: the Wishart and Gauss–Newton + residual spectra;
 * - tracy-widom: the GOE edge law F₁ of λ_min under N^(2/3) scaling.
 */
export const THEORIES = [
  'exact-table', 'rare', 'goe-large-deviation', 'semicircle', 'marchenko-pastur', 'free-convolution', 'tracy-widom',
] as const;
export type Theory = (typeof THEORIES)[number];

/** A WGSL function and the file under shaders/ that defines it. */
export interface WgslFunction {
  /** Path below shaders/, e.g. "fills/goe.wgsl" (src/gpu/shader-source.ts holds the texts). */
  file: string;
  /** A WGSL identifier. */
  fn: string;
}

/**
 * Which matrix a float64 twin makes: the same numbers the GPU kernel reads from Params. The
 * caller derives streamTag from the entry's streamCode and diagonalShift = s·shiftScale(N), so
 * a fill knows neither its ensemble id nor what the shift means.
 */
export interface FillRequest {
  seed: number;
  /** streamTag(entry.streamCode, n, 'matrix'). */
  streamTag: number;
  n: number;
  /** Added to every diagonal entry. */
  diagonalShift: number;
  /** Matrix number within the stream. */
  index: number;
  params: EnsembleParams;
}

/**
 * Float64 fill of a dense ensemble: H + diagonalShift·I as the packed lower triangle
 * (row-major, (i, j) at i(i+1)/2 + j, length N(N+1)/2) written into `out`.
 */
export type DenseFill = (request: FillRequest, out: Float64Array) => void;

/**
 * Float64 row fill of a dense ensemble: packed row k of exactly the matrix `DenseFill` writes
 * (entries k(k+1)/2 … k(k+1)/2 + k of `out`, the same bits), touching no other entry, so a
 * factorisation can keep earlier rows' factors in `out` while it draws the next row.
 */
export type DenseRowFill = (request: FillRequest, k: number, out: Float64Array) => void;

/**
 * Row k of the matrix on its own. WGSL signature:
 *   fn <fn>(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>)
 * writing row[j] = entry (k, j), j ≤ k, with the same f32 bits as the whole fill, and nothing
 * past row[k] (tests/ensembles/row-fills*.test.ts compare them). A row buffer rather than the
 * packed triangle, so that the early-exit kernel need not zero-initialise a whole triangle for
 * matrices that stop after a row or two (shaders/pmin-early-exit.wgsl).
 */
export interface RowFill {
  wgsl: WgslFunction;
  /**
   * Rows 0..2 alone, in registers, the same bits as `wgsl`'s, in two parts:
   *   fn <fn>(words: vec2<u32>, part: u32) -> vec4<f32>
   *   // part 0: (a00, a10, a11, a20); part 1: (a21, a22, 0, 0)
   * Most matrices end at one of these rows, so the early-exit kernel draws them without the
   * row buffer (shaders/pmin-early-exit.wgsl), part 1 only when rows 0 and 1 leave the matrix
   * undecided. GPU only: the float64 twin reads `fill`'s rows.
   * Absent: the kernel draws rows 0..2 through the row fill too. Bit equality is a test
   * (tests/ensembles/row-fills.gpu.test.ts), and a compiler may not keep it: SwiftShader folds
   * √2·(√3·x) in registers into one constant product, one ulp off the row fill's, whose store
   * between the two products keeps them apart (wigner-uniform has no head for that reason).
   */
  head?: WgslFunction;
  fill: DenseRowFill;
}

/** Up to four f32 and four u32 constants a WGSL fill reads from Params (fillFloats, fillWords). */
export interface FillConstants {
  floats?: readonly number[];
  words?: readonly number[];
}

/**
 * A dense ensemble: the WGSL fill writes the packed triangle, then the shared LDLᵀ inertia
 * (shaders/dense-inertia.wgsl, src/cpu/pivots.ts) counts negative pivots. WGSL signature:
 *   fn <fn>(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>)
 * with the matrix's counter words; it reads key, stream tag, diagonalShift and its constants
 * from layout.$.params. Every fill must be able to generate row k on its own from the stream
 * (entries (k, j ≤ k) from counters that do not depend on other rows' draws), so an early-exit
 * P(min) kernel can stop generating at the first negative pivot.
 */
export interface DenseSampling {
  kind: 'dense';
  wgsl: WgslFunction;
  fill: DenseFill;
  /** The constants `wgsl` reads (none for GOE). */
  fillConstants?(n: number, params: EnsembleParams): FillConstants;
  /**
   * Row k alone, for the early-exit P(min) kernel (shaders/pmin-early-exit.wgsl,
   * src/cpu/lazy-pivots.ts), which then draws only the rows it factors. Absent: that kernel
   * fills the whole matrix with `wgsl`/`fill` and only the factorisation stops early (a Gram
   * matrix's row k needs columns 0..k of X, too large to keep or cheap to redraw).
   */
  rowFill?: RowFill;
  /**
   * Whether matrices with an unreliable f32 pivot are recounted in float64 on the host
   * (src/gpu/recheck.ts, with `fill` and the same inertia). False: their f32 index is kept.
   */
  recheck: boolean;
  /**
   * The double-f32 twin of `wgsl`, with which the device recounts the f32 kernel's suspects
   * before any reaches the host (shaders/recount-main.wgsl; a file under shaders/fills/df32-*):
   *   fn <fn>(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>)
   * the same entries from the same words to ~1e-14 of `fill`'s. Only matrices still suspect in
   * df32 go to the host. Absent: every suspect goes to the host (when `recheck`).
   */
  recount?: WgslFunction;
}

/**
 * An ensemble whose kernel generates and counts in one pass (the tridiagonal model). WGSL:
 *   fn <fn>(local: u32) -> u32   (the index of matrix `local` of the request)
 */
export interface StreamingSampling {
  kind: 'streaming';
  wgsl: WgslFunction;
  /** Float64 twin: the index of the requested matrix. */
  index(request: FillRequest): number;
  /**
   * The requested matrix as a symmetric tridiagonal (diagonal with the shift, off-diagonal), for
   * spectra by Sturm counts (src/cpu/spectrum.ts); absent: no spectrum for this entry.
   */
  tridiagonal?(request: FillRequest): { diagonal: Float64Array; offDiagonal: Float64Array };
  fillConstants?(n: number, params: EnsembleParams): FillConstants;
}

export interface EnsembleEntry {
  /** Id used in the CLI, the URL and the CSV ("wigner-uniform"). */
  id: string;
  /** Short name for the page's picker. */
  label: string;
  /** One sentence: the law and its normalization. */
  doc: string;
  parameters: readonly ParameterSpec[];
  /** Largest N the sampler supports (dense matrices live in one invocation's private memory). */
  nMax: number;
  /** 1..STREAM_CODE_MAX, unique: bits 28..31 of the Philox stream tag (src/model/stream.ts). */
  streamCode: number;
  /** R in the shift H + s·R·I: 2√N for the Wigner family (s = 1 puts the semicircle edge at 0). */
  shiftScale(n: number, params: EnsembleParams): number;
  /** What the shift means, for the CLI help and the page. */
  shiftDoc: string;
  sampling: DenseSampling | StreamingSampling;
  /** Relative work per matrix; only ratios matter (the sweep learns the scale). */
  relativeCost(n: number, params: EnsembleParams): number;
  /**
   * A guess of E[index]/N at this shift, used only to centre the GPU's workgroup histogram
   * window for N ≥ 256 (src/gpu/histogram-window.ts); counts never depend on it.
   */
  indexFractionGuess(shift: number, params: EnsembleParams): number;
  /** The theory that applies at these parameter values. */
  theories(params: EnsembleParams): readonly Theory[];
}
