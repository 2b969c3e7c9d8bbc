// One descent step per run, the f32 twin of src/landscape/pspin/descent.ts (read its header for
// the update). One 64-wide workgroup per run; each invocation keeps ITEMS = ⌈N/64⌉ coordinates
// in registers and the sums are tree reductions in workgroup memory. Every invocation reaches
// every barrier (WGSL needs uniform control flow there): a finished run still computes, and
// only its writes are guarded. State persists in storage buffers across dispatches; each run
// counts its own steps, so a whole chunk of steps is encoded without touching a uniform.

const STEP_WIDTH: u32 = 64u;
const ITEMS: u32 = (N + STEP_WIDTH - 1u) / STEP_WIDTH;
const RUNNING: u32 = 0u;
const CONVERGED: u32 = 1u;
const OUT_OF_STEPS: u32 = 2u;

struct StepParams {
  eta: f32,
  beta: f32,
  tolerance: f32,
  max_steps: u32,
  record_every: u32,
  max_records: u32,
  runs: u32,
  _pad: u32,
}

struct RunStatus {
  steps: u32,
  state: u32,
  energy: f32,
  gradient_rms: f32,
}

@group(0) @binding(0) var<uniform> step_params: StepParams;
@group(0) @binding(1) var<storage, read> grad: array<f32>;
@group(0) @binding(2) var<storage, read_write> sigma: array<f32>;
@group(0) @binding(3) var<storage, read_write> velocity: array<f32>;
@group(0) @binding(4) var<storage, read_write> status: array<RunStatus>;
@group(0) @binding(5) var<storage, read_write> energies: array<f32>;

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
  let r = wg.x;
  let live = r < step_params.runs;
  let run = min(r, step_params.runs - 1u);
  let base = run * N;
  var s: array<f32, ITEMS>;
  var g: array<f32, ITEMS>;
  var v: array<f32, ITEMS>;
  var sg_sv = vec2<f32>(0.0);
  for (var m = 0u; m < ITEMS; m++) {
    let i = local + m * STEP_WIDTH;
    if (i < N) {
      s[m] = sigma[base + i];
      g[m] = grad[base + i];
      v[m] = velocity[base + i];
      sg_sv += vec2<f32>(s[m] * g[m], s[m] * v[m]);
    } else {
      s[m] = 0.0;
      g[m] = 0.0;
      v[m] = 0.0;
    }
  }
  let dots = reduce2(sg_sv, local);
  let radial = dots.x / f32(N);
  let v_radial = dots.y / f32(N);
  var gt2 = 0.0;
  for (var m = 0u; m < ITEMS; m++) {
    g[m] = g[m] - radial * s[m];
    gt2 += g[m] * g[m];
  }
  let gradient_rms = sqrt(reduce2(vec2<f32>(gt2, 0.0), local).x / f32(N));
  let energy = dots.x / f32(P * N);

  let run_status = status[run];
  let step = run_status.steps;
  let running = live && run_status.state == RUNNING;
  let slot = step / max(step_params.record_every, 1u);
  let converged = gradient_rms < step_params.tolerance;
  let out_of_steps = step >= step_params.max_steps;
  let moves = running && !converged && !out_of_steps;

  var norm2 = 0.0;
  for (var m = 0u; m < ITEMS; m++) {
    v[m] = step_params.beta * (v[m] - v_radial * s[m]) - step_params.eta * g[m];
    s[m] = s[m] + v[m];
    norm2 += s[m] * s[m];
  }
  let scale = sqrt(f32(N) / reduce2(vec2<f32>(norm2, 0.0), local).x);

  if (!running) {
    return;
  }
  if (local == 0u) {
    if (step % step_params.record_every == 0u && slot < step_params.max_records) {
      energies[slot * step_params.runs + run] = energy;
    }
    var next = RunStatus(step, RUNNING, energy, gradient_rms);
    if (converged) {
      next.state = CONVERGED;
    } else if (out_of_steps) {
      next.state = OUT_OF_STEPS;
    } else {
      next.steps = step + 1u;
    }
    status[run] = next;
  }
  if (moves) {
    for (var m = 0u; m < ITEMS; m++) {
      let i = local + m * STEP_WIDTH;
      if (i < N) {
        sigma[base + i] = s[m] * scale;
        velocity[base + i] = v[m];
      }
    }
  }
}
