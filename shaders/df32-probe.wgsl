// Test probe, not a kernel: double-f32 operations (shaders/df32.wgsl) and transforms
// (shaders/df32-random.wgsl) on given inputs, so tests/gpu/df32.gpu.test.ts can compare them
// with float64.

@group(0) @binding(0) var<storage, read> ops_in: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> ops_out: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> words_in: array<vec2<u32>>;
@group(0) @binding(3) var<storage, read_write> words_out: array<vec4<f32>>;

// Per input (a, b) as (a.hi, a.lo, b.hi, b.lo): a + b, a·b, a/b, √|a|.
@compute @workgroup_size(64)
fn ops(@builtin(global_invocation_id) id: vec3<u32>) {
  let at = id.x;
  if (at >= arrayLength(&ops_in)) {
    return;
  }
  let a = ops_in[at].xy;
  let b = ops_in[at].zw;
  ops_out[2u * at] = vec4<f32>(df_add(a, b), df_mul(a, b));
  ops_out[2u * at + 1u] = vec4<f32>(df_div(a, b), df_sqrt(select(a, -a, a.x < 0.0)));
}

// Per word pair (w0, w1): (ln u(w0), u(w0)), (cos, sin) of the turn of w1, the normal pair.
@compute @workgroup_size(64)
fn transforms(@builtin(global_invocation_id) id: vec3<u32>) {
  let at = id.x;
  if (at >= arrayLength(&words_in)) {
    return;
  }
  let w = words_in[at];
  words_out[3u * at] = vec4<f32>(df_log_uniform(w.x), df_uniform_open(w.x));
  words_out[3u * at + 1u] = df_cos_sin_turn(w.y);
  words_out[3u * at + 2u] = df_normal_pair(w.x, w.y);
}
