// ∇H for every run at once as one matrix product, G = K·X (src/landscape/pspin/model.ts):
//   K is N × Q (Q = N^(P−1)), X is Q × runs with X[q, r] = σ_r[q] (P = 2) or
//   σ_r[q / N]·σ_r[q mod N] (P = 3, formed on the fly, never stored), G[k, r] = ∇H(σ_r)_k.
// Tiled as GPUs want a matrix product: a 16×16 workgroup owns a TILE_K × TILE_R block of G
// (2×2 outputs per invocation) and walks the inner dimension TILE_Q at a time, staging the
// K and X tiles in workgroup memory so each K entry is read from storage once per TILE_R runs
// instead of once per run. The cost is 2·N·Q·runs flops per step.
// State, run-major and shared with pspin-step.wgsl: positions[r·N + i], gradients[r·N + k].
// Bindings: pspinGradientLayout (src/gpu/); P, N, Q injected as consts.

const TILE_K: u32 = 32u;
const TILE_R: u32 = 32u;
const TILE_Q: u32 = 16u;

var<workgroup> k_tile: array<f32, 512>; // [TILE_K][TILE_Q]
var<workgroup> x_tile: array<f32, 512>; // [TILE_Q][TILE_R]

fn x_entry(q: u32, r: u32) -> f32 {
  if (P == 2u) {
    return layout.$.positions[r * N + q];
  }
  return layout.$.positions[r * N + q / N] * layout.$.positions[r * N + q % N];
}

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let runs = layout.$.params.runs;
  let k0 = wg.y * TILE_K;
  let r0 = wg.x * TILE_R;
  var acc00 = 0.0;
  var acc01 = 0.0;
  var acc10 = 0.0;
  var acc11 = 0.0;
  for (var q0 = 0u; q0 < Q; q0 += TILE_Q) {
    for (var h = 0u; h < 2u; h++) {
      let m = local + 256u * h;
      let kr = k0 + m / TILE_Q;
      let kq = q0 + m % TILE_Q;
      var kv = 0.0;
      if (kr < N && kq < Q) {
        kv = layout.$.coupling[kr * Q + kq];
      }
      k_tile[m] = kv;
      let xq = q0 + m / TILE_R;
      let xr = r0 + m % TILE_R;
      var xv = 0.0;
      if (xq < Q && xr < runs) {
        xv = x_entry(xq, xr);
      }
      x_tile[m] = xv;
    }
    workgroupBarrier();
    for (var qq = 0u; qq < TILE_Q; qq++) {
      let a0 = k_tile[(2u * lid.y) * TILE_Q + qq];
      let a1 = k_tile[(2u * lid.y + 1u) * TILE_Q + qq];
      let b0 = x_tile[qq * TILE_R + 2u * lid.x];
      let b1 = x_tile[qq * TILE_R + 2u * lid.x + 1u];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let k = k0 + 2u * lid.y;
  let r = r0 + 2u * lid.x;
  if (k < N && r < runs) {
    layout.$.gradients[r * N + k] = acc00;
  }
  if (k < N && r + 1u < runs) {
    layout.$.gradients[(r + 1u) * N + k] = acc01;
  }
  if (k + 1u < N && r < runs) {
    layout.$.gradients[r * N + k + 1u] = acc10;
  }
  if (k + 1u < N && r + 1u < runs) {
    layout.$.gradients[(r + 1u) * N + k + 1u] = acc11;
  }
}
