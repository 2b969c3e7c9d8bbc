"""numpy's best method for the lab's statistics, 1 thread, float64, generation included.

  sturm   index histogram of GOE_N by the Dumitriu–Edelman tridiagonal model and a Sturm
          (LDLᵀ pivot sign) count, vectorised over a batch.
  pmin    P(min) alone by a lazy early-exit LDLᵀ of dense GOE_N: row k of a matrix is drawn
          only while its first k pivots are positive, so most matrices cost a row or two.

Prints one JSON line per N: {"method", "n", "samples", "seconds", "matrices_per_s", "minima", ...}.
Run by scripts/speed/speed-table.ts; alone: python3 scripts/speed/numpy_reference.py sturm 64 2.0
"""
import json
import math
import os
import sys
import time

# One thread, like the comparison says; set before numpy loads its BLAS.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402

TINY = 1e-300  # a zero pivot counts as positive, as in the lab's kernels


def sturm_batch(rng, batch, n, shift):
    a = rng.standard_normal((batch, n)) * math.sqrt(2.0) + shift * 2.0 * math.sqrt(n)
    d = a[:, 0].copy()
    d[d == 0] = TINY
    index = (d < 0).astype(np.int64)
    if n > 1:
        b2 = rng.chisquare(np.arange(n - 1, 0, -1, dtype=np.float64), size=(batch, n - 1))
        for i in range(1, n):
            d = a[:, i] - b2[:, i - 1] / d
            d[d == 0] = TINY
            index += d < 0
    return np.bincount(index, minlength=n + 1)


def pmin_batch(rng, batch, n, shift):
    """[minima, others]: rows drawn lazily for the matrices whose pivots are all still positive."""
    s = shift * 2.0 * math.sqrt(n)
    alive = batch
    lower = np.empty((batch, 0, 0))  # L[:, i, j], j < i, of the rows so far
    pivots = np.empty((batch, 0))
    for k in range(n):
        row = rng.standard_normal((alive, k + 1))
        row[:, k] = row[:, k] * math.sqrt(2.0) + s
        l = np.empty((alive, k))
        for j in range(k):
            acc = row[:, j] - (l[:, :j] * lower[:, j, :j] * pivots[:, :j]).sum(axis=1)
            l[:, j] = acc / pivots[:, j]
        d = row[:, k] - (l * l * pivots).sum(axis=1)
        keep = d >= 0
        alive = int(keep.sum())
        if alive == 0:
            return np.array([0, batch])
        grown = np.zeros((alive, k + 1, k + 1))
        grown[:, :k, :k] = lower[keep]
        grown[:, k, :k] = l[keep]
        lower = grown
        pivots = np.concatenate([pivots[keep], np.where(d[keep] == 0, TINY, d[keep])[:, None]], axis=1)
    return np.array([alive, batch - alive])


def run(method, n, seconds, shift=0.0, seed=1):
    rng = np.random.default_rng(seed)
    batch = {"sturm": max(1000, 2_000_000 // max(n, 1)), "pmin": 1_000_000}[method]
    step = sturm_batch if method == "sturm" else pmin_batch
    step(rng, min(batch, 1000), n, shift)  # warm-up
    counts = None
    samples = 0
    start = time.perf_counter()
    while True:
        c = step(rng, batch, n, shift)
        counts = c if counts is None else counts + c
        samples += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    line = {"method": method, "n": n, "samples": samples, "seconds": round(elapsed, 4),
            "matrices_per_s": round(samples / elapsed), "minima": int(counts[0]),
            "numpy": np.__version__}
    print(json.dumps(line), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: numpy_reference.py sturm|pmin N[,N…] SECONDS")
    for n in sys.argv[2].split(","):
        run(sys.argv[1], int(n), float(sys.argv[3]))
