"""numpy batched twin of the teacher-student descent (src/landscape/teacher-student.ts), for
scripts/bench-width.ts: the same closed-form gradient (angles from s = |a - b|^2, t = |a + b|^2)
and the same plain-descent update x <- x - eta*g, all runs at once, float64.

Usage: python3 scripts/bench-width.py K N RUNS STEPS  ->  one JSON line."""
import json, sys, time
import numpy as np

def gradient(W, k):
    # W: (R, n, k); teacher e_i (d = k)
    norms = np.linalg.norm(W, axis=2)                      # (R, n)
    U = W / np.where(norms > 0, norms, 1)[:, :, None]
    G = U @ U.transpose(0, 2, 1)                           # cosines (R, n, n)
    s = np.maximum(2 - 2 * G, 0); t = np.maximum(2 + 2 * G, 0)
    theta = 2 * np.arctan2(np.sqrt(s), np.sqrt(t))
    sin = 2 * np.sqrt(s * t) / (s + t)
    n = W.shape[1]
    idx = np.arange(n); theta[:, idx, idx] = 0; sin[:, idx, idx] = 0
    # teacher pairs: s_i = sum_{l != i} u_l^2 + (u_i - 1)^2
    others = (U * U).sum(2, keepdims=True) - U * U
    st = others + (U - 1) ** 2; tt = others + (U + 1) ** 2
    theta_t = 2 * np.arctan2(np.sqrt(st), np.sqrt(tt))
    sin_t = 2 * np.sqrt(st * tt) / (st + tt)
    coef = (sin * norms[:, None, :]).sum(2) - sin_t.sum(2)
    grad = (np.pi - theta) @ W + coef[:, :, None] * U - (np.pi - theta_t)
    return grad / (2 * np.pi)

def main():
    k, n, runs, steps = (int(v) for v in sys.argv[1:5])
    rng = np.random.default_rng(1)
    W = rng.normal(size=(runs, n, k)) / np.sqrt(k)
    eta = 5 / max(k, n)
    W -= eta * gradient(W, k)  # warm-up
    started = time.perf_counter()
    for _ in range(steps):
        W -= eta * gradient(W, k)
    elapsed = time.perf_counter() - started
    print(json.dumps({"backend": "numpy", "k": k, "n": n, "runs": runs, "steps": steps, "seconds": elapsed,
                      "descent_steps_per_s": runs * steps / elapsed, "numpy": np.__version__}))

main()
