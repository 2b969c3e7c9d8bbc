// K, the coupling both twins contract with (src/landscape/pspin/model.ts), generated from the
// Philox disorder into a storage buffer: one invocation per entry,
//   P = 2: K[a, b]         = c·(J_ab + J_ba)
//   P = 3: K[a, b·N + l]   = c·(J_abl + J_bal + J_bla).

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let e = flat_index(wg, groups, local);
  if (e >= TOTAL) {
    return;
  }
  let c = layout.$.params.scale;
  if (P == 2u) {
    let a = e / N;
    let b = e % N;
    layout.$.coupling[e] = c * (disorder_entry(e) + disorder_entry(b * N + a));
  } else {
    let a = e / Q;
    let b = (e % Q) / N;
    let l = e % N;
    layout.$.coupling[e] = c * (disorder_entry(e) + disorder_entry(b * Q + a * N + l) + disorder_entry(b * Q + l * N + a));
  }
}
