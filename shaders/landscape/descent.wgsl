// Many descents at once, one invocation per run, f32. Each dispatch advances every run still
// descending by up to stepsPerDispatch steps; state persists in storage between dispatches
// (positions, velocities, status, records), so a job is any number of dispatches and its
// results do not depend on the chunking. Per step (src/landscape/optimizer.ts, the float64
// twin src/cpu/cpu-descent.ts):
//   loss, g ← landscape_gradient() at x;  g ← P_x g
//   record the loss every recordStride steps; stop if ‖g‖ ≤ gradientTolerance, if the numbers
//   stopped being finite, or once maxSteps updates are done (the final point evaluated)
//   v ← β·v − η·g;  x ← x + v;  x ← R(x);  v ← P_x v
// The landscape's file, concatenated before this one, defines landscape_gradient,
// landscape_tangent and landscape_retract on the private arrays below. Externals from the host
// (src/gpu/shader-source.ts): DIM and the landscape's constants, DescentParams, RunStatus,
// layout.

const PHASE_DESCENDING: u32 = 0u;
const PHASE_CONVERGED: u32 = 1u;
const PHASE_EXHAUSTED: u32 = 2u;
const PHASE_DIVERGED: u32 = 3u;
// The largest finite f32: a loss or norm not below it is infinite or NaN.
const F32_MAX: f32 = 3.4028234663852886e38;

override WORKGROUP_SIZE: u32 = 64u;

var<private> x: array<f32, DIM>;
var<private> g: array<f32, DIM>;
var<private> v: array<f32, DIM>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = (wid.y * layout.$.params.workgroupsX + wid.x) * WORKGROUP_SIZE + lid;
  if (run >= layout.$.params.runs) {
    return;
  }
  var state = layout.$.status[run];
  if (state.phase != PHASE_DESCENDING) {
    return;
  }
  let base = run * DIM;
  for (var i = 0u; i < DIM; i++) {
    x[i] = layout.$.positions[base + i];
    v[i] = layout.$.velocities[base + i];
  }
  let eta = layout.$.params.step;
  let beta = layout.$.params.beta;
  let stride = layout.$.params.recordStride;
  let capacity = layout.$.params.recordCapacity;
  for (var s = 0u; s < layout.$.params.stepsPerDispatch; s++) {
    let loss = landscape_gradient();
    landscape_tangent(&g);
    var squares = 0.0;
    for (var i = 0u; i < DIM; i++) {
      squares += g[i] * g[i];
    }
    let norm = sqrt(squares);
    state.loss = loss;
    state.gradientNorm = norm;
    if (state.steps % stride == 0u && state.steps / stride < capacity) {
      layout.$.records[run * capacity + state.steps / stride] = loss;
    }
    if (!(abs(loss) < F32_MAX) || !(norm < F32_MAX)) {
      state.phase = PHASE_DIVERGED;
      break;
    }
    if (norm <= layout.$.params.gradientTolerance) {
      state.phase = PHASE_CONVERGED;
      break;
    }
    if (state.steps >= layout.$.params.maxSteps) {
      state.phase = PHASE_EXHAUSTED;
      break;
    }
    for (var i = 0u; i < DIM; i++) {
      v[i] = beta * v[i] - eta * g[i];
      x[i] = x[i] + v[i];
    }
    landscape_retract();
    landscape_tangent(&v);
    state.steps += 1u;
  }
  for (var i = 0u; i < DIM; i++) {
    layout.$.positions[base + i] = x[i];
    layout.$.velocities[base + i] = v[i];
  }
  layout.$.status[run] = state;
}
