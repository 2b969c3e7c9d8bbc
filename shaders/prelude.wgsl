// Shared by every kernel: Philox4x32-10 and the uniforms and normals built on it.
// The TypeScript twins live in src/cpu/philox.ts and src/cpu/normals.ts; tests compare
// their output word for word, so change both or neither.

const PHILOX_M0: u32 = 0xd2511f53u;
const PHILOX_M1: u32 = 0xcd9e8d57u;
const PHILOX_W0: u32 = 0x9e3779b9u;
const PHILOX_W1: u32 = 0xbb67ae85u;
const PHILOX_ROUNDS: u32 = 10u;
const TWO_PI: f32 = 6.283185307179586;

// High 32 bits of a·b from 16-bit halves: WGSL has no u64 and no mulhi.
fn mulhi32(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu;
  let ah = a >> 16u;
  let bl = b & 0xffffu;
  let bh = b >> 16u;
  let lh = al * bh;
  let hl = ah * bl;
  let mid = ((al * bl) >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u);
}

// counter = (matrix index lo, matrix index hi, block, stream tag); key = seed (lo, hi).
fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var x = counter;
  var k = key;
  for (var round = 0u; round < PHILOX_ROUNDS; round++) {
    if (round > 0u) {
      k = k + vec2<u32>(PHILOX_W0, PHILOX_W1);
    }
    let hi0 = mulhi32(PHILOX_M0, x.x);
    let lo0 = PHILOX_M0 * x.x;
    let hi1 = mulhi32(PHILOX_M1, x.z);
    let lo1 = PHILOX_M1 * x.z;
    x = vec4<u32>(hi1 ^ x.y ^ k.x, lo1, hi0 ^ x.w ^ k.y, lo0);
  }
  return x;
}

// (w + ½)·2⁻³² in f32. Small words keep full precision (tails reach 6.7σ); words that round
// to 2³² are pulled below 1 so the interval stays open.
fn uniform_open(word: u32) -> f32 {
  return min((f32(word) + 0.5) * 2.3283064365386963e-10, 0.99999994);
}

// Box–Muller: two words give two independent standard normals (cos and sin branches).
fn box_muller(w0: u32, w1: u32) -> vec2<f32> {
  let radius = sqrt(-2.0 * log(uniform_open(w0)));
  let angle = TWO_PI * uniform_open(w1);
  return radius * vec2<f32>(cos(angle), sin(angle));
}
