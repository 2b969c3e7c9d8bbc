#!/usr/bin/env python3
"""The p-spin descent update batched in numpy, float64, as the comparison for scripts/bench-pspin.ts.

Same update as src/cpu/cpu-descent.ts on the p-spin landscape (p = 3): per step
  G = X K^T with X[r, j*N+l] = s_r[j] s_r[l]   (one (R x N^2)(N^2 x N) product: 2 N^3 R flops)
  g = G - (s.G/N) s;  v = beta (v - (s.v/N) s) - eta g;  s = sqrt(N) (s + v)/|s + v|.
K is random (its values do not change the speed). Prints one JSON line.
Usage: bench-pspin-numpy.py N RUNS STEPS
"""
import json
import sys
import time

import numpy as np

n, runs, steps = (int(a) for a in sys.argv[1:4])
rng = np.random.default_rng(0)
k = rng.standard_normal((n, n * n)) / n
s = rng.standard_normal((runs, n))
s *= np.sqrt(n) / np.linalg.norm(s, axis=1, keepdims=True)
v = np.zeros_like(s)
eta, beta = 0.1, 0.9


def step(s, v):
    x = (s[:, :, None] * s[:, None, :]).reshape(runs, n * n)
    g = x @ k.T
    g -= (np.sum(s * g, axis=1, keepdims=True) / n) * s
    v = beta * (v - (np.sum(s * v, axis=1, keepdims=True) / n) * s) - eta * g
    s = s + v
    s *= np.sqrt(n) / np.linalg.norm(s, axis=1, keepdims=True)
    return s, v


s, v = step(s, v)  # warm-up
started = time.perf_counter()
for _ in range(steps):
    s, v = step(s, v)
elapsed = time.perf_counter() - started
print(json.dumps({
    "backend": "numpy", "numpy": np.__version__, "n": n, "runs": runs, "steps": steps,
    "run_steps_per_s": runs * steps / elapsed, "gflops": 2 * n ** 3 * runs * steps / elapsed / 1e9,
}))
