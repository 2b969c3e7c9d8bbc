// Spectrum counts: one invocation per matrix. The ensemble's fill writes the packed lower
// triangle (shaders/fills/), Householder reflections reduce it to a symmetric tridiagonal T in
// f32, and Sturm sequences count the eigenvalues below each of THRESHOLDS thresholds; the
// counts are summed in workgroup atomics and flushed to `below` with one atomicAdd per
// threshold per workgroup. Float64 twin: src/cpu/householder.ts and src/cpu/spectrum.ts (the
// same steps; GPU and CPU counts differ only for eigenvalues within f32 rounding of a
// threshold). Externals: N, THRESHOLDS, Params and the bind group built in src/gpu (a bare
// mention of its name here would be taken for a use of it); needs matrix-words.wgsl and
// dense-inertia.wgsl (PACKED_CAPACITY) before it and a `fill_matrix(words, &a)` glue.

var<workgroup> shared_below: array<atomic<u32>, THRESHOLDS>;

fn packed_at(i: u32, j: u32) -> u32 {
  return i * (i + 1u) / 2u + j;
}

// A(i, j) of the symmetric matrix held as its packed lower triangle.
fn symmetric_at(a: ptr<function, array<f32, PACKED_CAPACITY>>, i: u32, j: u32) -> f32 {
  return select((*a)[packed_at(j, i)], (*a)[packed_at(i, j)], i >= j);
}

// Golub & Van Loan Alg. 8.3.1 on the packed triangle: for k = 0..N−3, the reflection
// P = I − β·v·vᵀ maps column k below the diagonal onto ∓‖x‖e₁; the trailing block becomes
// A − v·wᵀ − w·vᵀ with p = β·A·v, w = p − (β·pᵀv/2)·v. Writes T's diagonal and squared
// off-diagonal.
fn tridiagonalize(a: ptr<function, array<f32, PACKED_CAPACITY>>, diagonal: ptr<function, array<f32, N>>, off_squared: ptr<function, array<f32, N>>) {
  var v: array<f32, N>;
  var w: array<f32, N>;
  for (var k = 0u; k + 2u < N; k++) {
    let head = (*a)[packed_at(k + 1u, k)];
    var tail2 = 0.0;
    for (var i = k + 2u; i < N; i++) {
      let x = (*a)[packed_at(i, k)];
      tail2 += x * x;
    }
    let norm2 = head * head + tail2;
    (*off_squared)[k] = norm2;
    if (tail2 == 0.0) {
      continue;
    }
    let alpha = select(sqrt(norm2), -sqrt(norm2), head >= 0.0);
    v[k + 1u] = head - alpha;
    for (var i = k + 2u; i < N; i++) {
      v[i] = (*a)[packed_at(i, k)];
    }
    let beta = 2.0 / (tail2 + v[k + 1u] * v[k + 1u]);
    var pv = 0.0;
    for (var i = k + 1u; i < N; i++) {
      var sum = 0.0;
      for (var j = k + 1u; j < N; j++) {
        sum += symmetric_at(a, i, j) * v[j];
      }
      w[i] = beta * sum;
      pv += w[i] * v[i];
    }
    let half_k = beta * pv / 2.0;
    for (var i = k + 1u; i < N; i++) {
      w[i] -= half_k * v[i];
    }
    for (var i = k + 1u; i < N; i++) {
      let row = i * (i + 1u) / 2u;
      for (var j = k + 1u; j <= i; j++) {
        (*a)[row + j] -= v[i] * w[j] + w[i] * v[j];
      }
    }
  }
  for (var i = 0u; i < N; i++) {
    (*diagonal)[i] = (*a)[packed_at(i, i)];
  }
  if (N >= 2u) {
    let last = (*a)[packed_at(N - 1u, N - 2u)];
    (*off_squared)[N - 2u] = last * last;
  }
}

// Eigenvalues of T below x: negative pivots of T − xI (an exact zero pivot as PIVOT_TINY).
fn count_below(diagonal: ptr<function, array<f32, N>>, off_squared: ptr<function, array<f32, N>>, x: f32) -> u32 {
  var negatives = 0u;
  var pivot = (*diagonal)[0] - x;
  for (var i = 0u; i < N; i++) {
    if (i > 0u) {
      pivot = (*diagonal)[i] - x - (*off_squared)[i - 1u] / pivot;
    }
    if (pivot == 0.0) {
      pivot = PIVOT_TINY;
    }
    negatives += select(0u, 1u, pivot < 0.0);
  }
  return negatives;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    var a: array<f32, PACKED_CAPACITY>;
    fill_matrix(matrix_words(local), &a);
    var diagonal: array<f32, N>;
    var off_squared: array<f32, N>;
    tridiagonalize(&a, &diagonal, &off_squared);
    for (var t = 0u; t < THRESHOLDS; t++) {
      let c = count_below(&diagonal, &off_squared, layout.$.thresholds[t]);
      if (c != 0u) {
        atomicAdd(&shared_below[t], c);
      }
    }
  }
  workgroupBarrier();
  for (var t = lid; t < THRESHOLDS; t += WORKGROUP_SIZE) {
    let c = atomicLoad(&shared_below[t]);
    if (c != 0u) {
      atomicAdd(&layout.$.below[t], c);
    }
  }
}
