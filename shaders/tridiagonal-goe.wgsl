// Tridiagonal GOE (β = 1 Dumitriu–Edelman, DESIGN.md §1): one invocation per matrix. Streams
// row by row — a_i ~ N(0, 2) + s·R, b_i ~ χ_{N−1−i} by Marsaglia–Tsang — straight into the
// Sturm recurrence d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1}, so a matrix never exists in memory.
// Counts are reduced on the GPU (shaders/sampling.wgsl, shaders/sampling-main.wgsl). Float64 twin: src/cpu/tridiagonal-goe.ts and
// src/cpu/chi.ts (read there why the acceptance test is written as 3d·L(x), and the stream).
// One Philox block per row in the common case: its Box–Muller pair feeds a_i (cos) and the
// first χ attempt (sin, with word 2 as the uniform); a squeeze (chi.ts) accepts all but
// ~1/(36d) of attempts without a logarithm, so the full test and the retries rarely run.
// A rejected attempt costs one more pass of the row loop, not a loop of its own (below).

const BLOCKS_PER_ROW: u32 = 16u;

fn tridiagonal_index(local: u32) -> u32 {
  let words = matrix_words(local);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let shift = layout.$.params.diagonalShift;
  var negatives = 0u;
  var pivot = 1.0;
  var previous_squared = 0.0;
  // One Philox block per pass: attempt 0 of row i draws a_i and the first χ attempt, attempt
  // j > 0 retries b_i from block 16·i + j (cos normal, word 2). Retries are passes of this one
  // loop rather than a nested loop: on SwiftShader a retry loop inside the row loop cost a
  // quarter of the kernel's time (about a second Philox block per row), though a lane needs
  // it for ~0.1% of rows (scripts/speed/profile-tridiagonal.ts, measured before this shape).
  var i = 0u;
  var attempt = 0u;
  while (i < N) {
    let w = philox4x32(vec4<u32>(words.x, words.y, BLOCKS_PER_ROW * i + attempt, tag), key);
    let z = normal_pair(w.x, w.y);
    if (attempt == 0u) {
      let a = SQRT2 * z.x + shift;
      if (i == 0u) {
        pivot = a;
      } else {
        pivot = a - previous_squared / pivot;
      }
      if (pivot == 0.0) {
        pivot = PIVOT_TINY;
      }
      negatives += select(0u, 1u, pivot < 0.0);
    }
    let k = N - 1u - i;
    var row_done = true;
    if (k == 1u) {
      previous_squared = z.y * z.y;
    } else if (k >= 2u) {
      let d = f32(k) / 2.0 - 1.0 / 3.0;
      let c = 1.0 / sqrt(9.0 * d);
      var gamma = gamma_attempt(d, c, select(z.x, z.y, attempt == 0u), w.z);
      if (gamma < 0.0) {
        // After CHI_ATTEMPTS rejections b²/2 falls back to d, as the twin's offDiagonalSquared.
        row_done = attempt + 1u == CHI_ATTEMPTS;
        gamma = d;
      }
      previous_squared = 2.0 * gamma;
    }
    if (row_done) {
      i++;
      attempt = 0u;
    } else {
      attempt++;
    }
  }
  return negatives;
}
