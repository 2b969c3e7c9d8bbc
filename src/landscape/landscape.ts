// The landscape contract: what the descent machinery (src/gpu/descent-runner.ts, its float64
// twin src/landscape/cpu-descent.ts, polishing, classification, the engine's landscape run)
// asks of a loss surface. A flat landscape (the teacher–student network) and one on a manifold
// (the spherical p-spin) both fit: the manifold hook projects gradients onto the tangent space
// and retracts a point back onto the manifold after each step.
//
// Everything here is float64. The GPU kernel is named by `kernel`: the landscape's WGSL file
// (shaders/landscape/<shader>.wgsl, registered in src/gpu/shader-source.ts) defines
//   fn landscape_gradient() -> f32        reads the private `x`, writes the private `g`, returns the loss
//   fn landscape_tangent(v: ptr<private, array<f32, DIM>>)   projects v onto the tangent space at x (no-op when flat)
//   fn landscape_retract()                 puts x back on the manifold (no-op when flat)
// with the same formulas as `gradient`, `manifold.projectTangent` and `manifold.retract` here.

export interface Manifold {
  /** Projects v (length dimension) onto the tangent space at x, in place. */
  projectTangent(x: Float64Array, v: Float64Array): void;
  /** Moves x back onto the manifold, in place (the retraction after a step). */
  retract(x: Float64Array): void;
}

/** The Hessian whose inertia classifies a critical point: packed lower triangle, `size` rows. */
export interface ClassificationHessian {
  /** Row-major packed lower triangle (src/cpu/pivots.ts packedIndex). */
  packed: Float64Array;
  /** Rows: the dimension, or the tangent dimension on a manifold. */
  size: number;
}

/** How the GPU runs this landscape: the WGSL file and the constants its pipeline is built with. */
export interface LandscapeKernel {
  /** Key of the landscape's WGSL in src/gpu/shader-source.ts LANDSCAPE_SHADERS. */
  shader: string;
  /** WGSL `const u32` values injected per pipeline (DIM is added by the runner). */
  constants: Readonly<Record<string, number>>;
  /** Read-only f32 data the kernel reads (couplings, teacher weights); absent when none. */
  data?: Float32Array<ArrayBuffer>;
}

export interface Landscape {
  /** Short id used in CSV rows and stream tags ("teacher-student"). */
  readonly id: string;
  /** Coordinates of one point. */
  readonly dimension: number;
  /** Loss (energy) at x. */
  loss(x: Float64Array): number;
  /** Writes ∇loss(x) into `out` (the full gradient; the manifold hook projects it) and returns the loss. */
  gradient(x: Float64Array, out: Float64Array): number;
  /** Full Hessian ∇²loss(x), packed lower triangle of size dimension. */
  hessian(x: Float64Array): Float64Array;
  /** The matrix whose inertia classifies a critical point (tangent Hessian on a manifold). */
  classificationHessian(x: Float64Array): ClassificationHessian;
  /** Start of run `run` under `seed`, reproducible from (seed, run) alone. */
  start(seed: number, run: number): Float64Array;
  /** Absent for a flat landscape. */
  readonly manifold?: Manifold;
  /**
   * A Newton step p toward the nearest critical point from x with gradient g (tangent on a
   * manifold; polish.ts retracts x + p). Absent: solve ∇²L·p = −g, right for flat landscapes.
   * Undefined when the system is singular.
   */
  newtonStep?(x: Float64Array, g: Float64Array): Float64Array | undefined;
  readonly kernel: LandscapeKernel;
}
