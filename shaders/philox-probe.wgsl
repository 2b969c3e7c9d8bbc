// Test probe, not a sampling kernel: writes the Philox words, the normal pairs and the open
// uniforms of each given counter, so tests/gpu/ can compare them with the TypeScript twins
// (src/cpu/philox.ts, src/cpu/normals.ts).

struct ProbeOutput {
  words: vec4<u32>,
  normals: vec4<f32>,
  uniforms: vec4<f32>,
}

@group(0) @binding(0) var<uniform> probe_key: vec4<u32>;
@group(0) @binding(1) var<storage, read> probe_counters: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read_write> probe_output: array<ProbeOutput>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let at = id.x;
  if (at >= arrayLength(&probe_counters)) {
    return;
  }
  let w = philox4x32(probe_counters[at], probe_key.xy);
  probe_output[at] = ProbeOutput(
    w,
    vec4<f32>(normal_pair(w.x, w.y), normal_pair(w.z, w.w)),
    vec4<f32>(uniform_open(w.x), uniform_open(w.y), uniform_open(w.z), uniform_open(w.w)),
  );
}
