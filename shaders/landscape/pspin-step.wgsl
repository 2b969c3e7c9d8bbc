// One descent step per run on the sphere |σ|² = N, after pspin-gradient.wgsl has written ∇H.
// The update is the shared descent kernel's (descent.wgsl, src/landscape/optimizer.ts; its
// float64 twin src/cpu/cpu-descent.ts run on the p-spin landscape), with the sphere's manifold
// hook (P = I − σσᵀ/N, R(x) = √N·x/|x|):
//   loss H = σ·∇H / P (Euler), g = P ∇H;  record H every recordStride steps;
//   stop: DIVERGED if not finite, CONVERGED if |g| ≤ gradientTolerance, EXHAUSTED after maxSteps;
//   v ← β·v − η·g;  σ ← R(σ + v);  v ← P_σ v.
// Here v ← P_σ v is applied at the start of the next step (the same number: P at the new σ).
// One 64-wide workgroup per run; each invocation keeps ITEMS = ⌈N/64⌉ coordinates in registers
// and the sums are tree reductions in workgroup memory. Every invocation reaches every barrier
// (WGSL needs uniform control flow there): a finished run still computes and only its writes
// are guarded. Each run counts its own steps in `status`, so a chunk of steps is encoded
// without rewriting a uniform. Bindings: pspinStepLayout (src/gpu/).

const STEP_WIDTH: u32 = 64u;
const ITEMS: u32 = (N + STEP_WIDTH - 1u) / STEP_WIDTH;
const PHASE_DESCENDING: u32 = 0u;
const PHASE_CONVERGED: u32 = 1u;
const PHASE_EXHAUSTED: u32 = 2u;
const PHASE_DIVERGED: u32 = 3u;
const F32_MAX: f32 = 3.4028234663852886e38;

var<workgroup> partial: array<vec2<f32>, 64>;

fn reduce2(value: vec2<f32>, local: u32) -> vec2<f32> {
  partial[local] = value;
  workgroupBarrier();
  for (var stride = STEP_WIDTH / 2u; stride > 0u; stride /= 2u) {
    if (local < stride) {
      partial[local] = partial[local] + partial[local + stride];
    }
    workgroupBarrier();
  }
  let total = partial[0];
  workgroupBarrier();
  return total;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let runs = layout.$.params.runs;
  let live = wg.x < runs;
  let run = min(wg.x, runs - 1u);
  let base = run * N;
  var s: array<f32, ITEMS>;
  var g: array<f32, ITEMS>;
  var v: array<f32, ITEMS>;
  var dots = vec2<f32>(0.0);
  for (var m = 0u; m < ITEMS; m++) {
    let i = local + m * STEP_WIDTH;
    s[m] = 0.0;
    g[m] = 0.0;
    v[m] = 0.0;
    if (i < N) {
      s[m] = layout.$.positions[base + i];
      g[m] = layout.$.gradients[base + i];
      v[m] = layout.$.velocities[base + i];
      dots += vec2<f32>(s[m] * g[m], s[m] * v[m]);
    }
  }
  let sums = reduce2(dots, local);
  let radial = sums.x / f32(N);
  let v_radial = sums.y / f32(N);
  var squares = 0.0;
  for (var m = 0u; m < ITEMS; m++) {
    g[m] = g[m] - radial * s[m];
    v[m] = v[m] - v_radial * s[m];
    squares += g[m] * g[m];
  }
  let norm = sqrt(reduce2(vec2<f32>(squares, 0.0), local).x);
  let loss = sums.x / f32(P);

  // Read before the last barrier: invocation 0 rewrites it below.
  var state = layout.$.status[run];
  let eta = layout.$.params.step;
  let beta = layout.$.params.beta;
  var norm2 = 0.0;
  for (var m = 0u; m < ITEMS; m++) {
    v[m] = beta * v[m] - eta * g[m];
    s[m] = s[m] + v[m];
    norm2 += s[m] * s[m];
  }
  let scale = sqrt(f32(N) / reduce2(vec2<f32>(norm2, 0.0), local).x);

  if (!live || state.phase != PHASE_DESCENDING) {
    return;
  }
  let stride = layout.$.params.recordStride;
  let capacity = layout.$.params.recordCapacity;
  state.loss = loss;
  state.gradientNorm = norm;
  var moves = false;
  if (!(abs(loss) < F32_MAX) || !(norm < F32_MAX)) {
    state.phase = PHASE_DIVERGED;
  } else if (norm <= layout.$.params.gradientTolerance) {
    state.phase = PHASE_CONVERGED;
  } else if (state.steps >= layout.$.params.maxSteps) {
    state.phase = PHASE_EXHAUSTED;
  } else {
    moves = true;
  }
  if (local == 0u) {
    if (state.steps % stride == 0u && state.steps / stride < capacity) {
      layout.$.records[run * capacity + state.steps / stride] = loss;
    }
    if (moves) {
      state.steps += 1u;
    }
    layout.$.status[run] = state;
  }
  if (moves) {
    for (var m = 0u; m < ITEMS; m++) {
      let i = local + m * STEP_WIDTH;
      if (i < N) {
        layout.$.positions[base + i] = s[m] * scale;
        layout.$.velocities[base + i] = v[m];
      }
    }
  }
}
