#!/usr/bin/env python3
"""The lab's statistics computed the way a researcher would write them in PyTorch, on the same GPU.

The comparator side of `saddle-lab bench` (DESIGN.md §10: compare like with like). One JSON line
per (method, N) on stdout, in the bench line's format (ensemble, n, samples, seconds,
matrices_per_s, compile_s, backend, device) plus method, statistic, dtype, minima, index_mean.

Model, in the lab's convention (DESIGN.md §1):
  dense GOE   G = randn(B, N, N), H = (G + Gᵀ)/√2 + s·R·I, R = 2√N: off-diagonal N(0, 1),
              diagonal N(0, 2).
  eigvalsh    index = #(eigenvalues < 0)                       (index histogram)
  cholesky_ex minimum ⇔ info == 0 (positive definite)          (P(min) only)
  sturm       Dumitriu–Edelman β = 1: a_i = √2·z_i + s·R, b_i² ~ χ²_{N−1−i}; index = negative
              pivots of d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1} (a zero pivot counts as +1e-30,
              as in src/cpu/pivots.ts), vectorised over the batch, a Python loop over i.

Timing: a first batch of PROBE_BATCH matrices (its time is compile_s: kernel load, cuSOLVER
handles, allocator), a second to size the batch (one batch ≤ --seconds/4, at most the memory
budget --batch-bytes), one warm batch of that size, then whole batches until --seconds have
passed, generation included, counts kept on the device and read once at the end; the clock is
read after a device synchronize. Steady state, matrices/s.

--backend numpy runs the same statistic code on numpy arrays (a stand-in for testing without
torch; its cholesky_ex is a column-by-column batched Cholesky with the same info semantics).
Import-safe: torch and numpy are imported only when a backend is opened, so --dry-run and
--help work anywhere.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

METHODS = {
    # method: (ensemble, statistic)
    "eigvalsh": ("goe", "index"),
    "cholesky_ex": ("goe", "pmin"),
    "sturm": ("goe-tridiagonal", "index"),
}
PIVOT_TINY = 1e-30
# Matrices in the first (start-up) batch of each measurement.
PROBE_BATCH = 1024
EXIT_USAGE, EXIT_NO_BACKEND = 2, 3


class NumpyOps:
    """numpy stand-in: float64 by default is not what a GPU researcher runs, so dtype follows --dtype."""

    name = "numpy"

    def __init__(self, seed: int, dtype: str):
        import numpy as np

        self.np = np
        self.rng = np.random.default_rng(seed)
        self.dtype = np.dtype(dtype)
        self.device = "cpu (numpy %s)" % np.__version__

    def randn(self, shape):
        return self.rng.standard_normal(shape, dtype=self.dtype)

    def chi2(self, df, batch):
        # df is a 1-D array of degrees of freedom; one column per entry.
        return self.rng.chisquare(df, size=(batch, len(df))).astype(self.dtype)

    def arange_desc(self, n):
        return self.np.arange(n - 1, 0, -1, dtype=self.dtype)

    def eigvalsh(self, h):
        return self.np.linalg.eigvalsh(h)

    def cholesky_info(self, h):
        """0 where h is positive definite, else 1 + the first column whose pivot is not positive."""
        np = self.np
        a = h.copy()
        n = a.shape[-1]
        info = np.zeros(a.shape[0], dtype=np.int64)
        # Matrices that already failed keep being updated (with a unit pivot) and may overflow.
        with np.errstate(all="ignore"):
            self._eliminate(a, n, info)
        return info

    def _eliminate(self, a, n, info):
        np = self.np
        for j in range(n):
            pivot = a[:, j, j]
            bad = (pivot <= 0) & (info == 0)
            info[bad] = j + 1
            root = np.sqrt(np.where(pivot > 0, pivot, 1))
            col = a[:, j + 1 :, j] / root[:, None]
            a[:, j + 1 :, j + 1 :] -= col[:, :, None] * col[:, None, :]

    def where(self, cond, x, y):
        return self.np.where(cond, x, y)

    def bincount(self, x, length):
        return self.np.bincount(x.reshape(-1), minlength=length)

    def zeros_counts(self, length):
        return self.np.zeros(length, dtype=self.np.int64)

    def eye(self, n):
        return self.np.eye(n, dtype=self.dtype)

    def sync(self):
        pass

    def to_list(self, x):
        return [int(v) for v in x]


class TorchOps:
    name = "torch"

    def __init__(self, seed: int, dtype: str, device: str):
        import torch

        self.torch = torch
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise RuntimeError("torch sees no CUDA device (torch %s)" % torch.__version__)
        self.dev = torch.device(device)
        self.dtype = getattr(torch, dtype)
        # The global generators (CPU and every CUDA device): what torch.distributions draws from.
        torch.manual_seed(seed)
        if self.dev.type == "cuda":
            self.device = "%s (torch %s, CUDA %s)" % (torch.cuda.get_device_name(self.dev), torch.__version__, torch.version.cuda)
        else:
            self.device = "cpu (torch %s)" % torch.__version__
        self.name = "torch-" + self.dev.type

    def randn(self, shape):
        return self.torch.randn(shape, device=self.dev, dtype=self.dtype)

    def chi2(self, df, batch):
        # df is a 1-D tensor of degrees of freedom; one column per entry.
        return self.torch.distributions.Chi2(df).sample((batch,))

    def arange_desc(self, n):
        return self.torch.arange(n - 1, 0, -1, device=self.dev, dtype=self.dtype)

    def eigvalsh(self, h):
        return self.torch.linalg.eigvalsh(h)

    def cholesky_info(self, h):
        return self.torch.linalg.cholesky_ex(h).info

    def where(self, cond, x, y):
        return self.torch.where(cond, x, y)

    def bincount(self, x, length):
        return self.torch.bincount(x.reshape(-1), minlength=length)

    def zeros_counts(self, length):
        return self.torch.zeros(length, dtype=self.torch.int64, device=self.dev)

    def eye(self, n):
        return self.torch.eye(n, device=self.dev, dtype=self.dtype)

    def sync(self):
        if self.dev.type == "cuda":
            self.torch.cuda.synchronize(self.dev)

    def to_list(self, x):
        return [int(v) for v in x.cpu().tolist()]


# The statistics, written once for both array libraries (only operators and methods they share).


def goe_batch(ops, batch: int, n: int, shift: float):
    g = ops.randn((batch, n, n))
    h = (g + g.mT) * (1 / math.sqrt(2))
    if shift != 0:
        h = h + ops.eye(n) * (shift * 2 * math.sqrt(n))
    return h


def eigvalsh_counts(ops, batch, n, shift):
    """Index histogram k = 0..N of one batch."""
    index = (ops.eigvalsh(goe_batch(ops, batch, n, shift)) < 0).sum(-1)
    return ops.bincount(index, n + 1)


def cholesky_counts(ops, batch, n, shift):
    """[minima, not minima] of one batch."""
    info = ops.cholesky_info(goe_batch(ops, batch, n, shift))
    return ops.bincount((info != 0).long() if hasattr(info, "long") else (info != 0).astype(int), 2)


def sturm_counts(ops, batch, n, shift):
    """Index histogram k = 0..N of one batch of tridiagonal models."""
    a = ops.randn((batch, n)) * math.sqrt(2)
    if shift != 0:
        a = a + shift * 2 * math.sqrt(n)
    b2 = ops.chi2(ops.arange_desc(n), batch) if n > 1 else None
    d = a[:, 0]
    d = ops.where(d == 0, d + PIVOT_TINY, d)
    index = d < 0
    index = index.long() if hasattr(index, "long") else index.astype(int)
    for i in range(1, n):
        d = a[:, i] - b2[:, i - 1] / d
        d = ops.where(d == 0, d + PIVOT_TINY, d)
        index = index + (d < 0)
    return ops.bincount(index, n + 1)


STATISTIC = {"eigvalsh": eigvalsh_counts, "cholesky_ex": cholesky_counts, "sturm": sturm_counts}


def default_batch(method: str, n: int, batch_bytes: int, item_bytes: int) -> int:
    """Matrices per batch: the generated entries of one batch fill about batch_bytes."""
    entries = n * n if method in ("eigvalsh", "cholesky_ex") else 2 * n
    # Dense solvers keep a copy and a workspace: count three matrices per sample.
    factor = 3 if method in ("eigvalsh", "cholesky_ex") else 1
    batch = batch_bytes // (entries * item_bytes * factor)
    return int(max(1, min(batch, 2**20)))


def measure(ops, method: str, n: int, max_batch: int, seconds: float, shift: float) -> dict:
    """Steady-state matrices/s of one (method, N); batches sized so that one lasts ≤ seconds/4."""
    statistic = STATISTIC[method]
    # A small first batch: its time is the start-up cost, and it tells how large a batch may be
    # without one batch outlasting the measurement (a looped solver can be slow per matrix).
    probe = min(max_batch, PROBE_BATCH)
    start = time.perf_counter()
    statistic(ops, probe, n, shift)
    ops.sync()
    compile_s = time.perf_counter() - start
    start = time.perf_counter()
    statistic(ops, probe, n, shift)
    ops.sync()
    per_matrix = (time.perf_counter() - start) / probe
    batch = int(max(1, min(max_batch, seconds / 4 / max(per_matrix, 1e-12))))
    statistic(ops, batch, n, shift)  # warm at the measured shape (allocator, solver workspaces)
    ops.sync()
    counts = ops.zeros_counts(2 if method == "cholesky_ex" else n + 1)
    samples = 0
    start = time.perf_counter()
    while True:
        counts = counts + statistic(ops, batch, n, shift)
        samples += batch
        # One synchronize per check keeps at most one batch in flight past the deadline.
        ops.sync()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    host = ops.to_list(counts)
    ensemble, stat = METHODS[method]
    line = {
        "ensemble": ensemble,
        "n": n,
        "samples": samples,
        "seconds": round(elapsed, 4),
        "matrices_per_s": round(samples / elapsed),
        "compile_s": round(compile_s, 4),
        "backend": ops.name,
        "device": ops.device,
        "method": method,
        "statistic": stat,
        "dtype": str(ops.dtype).replace("torch.", ""),
        "batch": batch,
        "shift": shift,
        "minima": host[0],
    }
    if stat == "index":
        line["index_mean"] = sum(k * c for k, c in enumerate(host)) / samples
    return line


def parse_list(text: str, what: str, cast):
    try:
        values = [cast(v) for v in text.split(",") if v.strip() != ""]
    except ValueError:
        raise SystemExit(usage("invalid %s: %r (expected a comma-separated list)" % (what, text)))
    if not values:
        raise SystemExit(usage("invalid %s: %r (empty)" % (what, text)))
    return values


def usage(message: str) -> int:
    print("torch_compare: " + message, file=sys.stderr)
    return EXIT_USAGE


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--method", default="eigvalsh", help="comma list of " + ", ".join(METHODS))
    p.add_argument("--n", default="8", help="comma list of dimensions")
    p.add_argument("--seconds", type=float, default=3.0, help="steady-state seconds per (method, N)")
    p.add_argument("--backend", default="torch", choices=["torch", "numpy"])
    p.add_argument("--device", default="cuda", help="torch device (default cuda)")
    p.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    p.add_argument("--shift", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch", type=int, default=0, help="most matrices per batch (default: from --batch-bytes)")
    p.add_argument("--batch-bytes", type=float, default=0, help="bytes of generated entries per batch (default 1 GiB on cuda, 32 MiB otherwise)")
    p.add_argument("--dry-run", action="store_true", help="print the plan as JSON lines; import nothing")
    args = p.parse_args(argv)

    methods = parse_list(args.method, "method", str)
    for m in methods:
        if m not in METHODS:
            return usage("invalid method: %r (must be one of %s)" % (m, ", ".join(METHODS)))
    ns = parse_list(args.n, "n", int)
    for n in ns:
        if n < 1 or n > 65536:
            return usage("invalid n: %r (must be an integer in [1, 65536])" % n)
    if not (args.seconds > 0 and math.isfinite(args.seconds)):
        return usage("invalid seconds: %r (must be a positive number)" % args.seconds)
    if args.batch < 0:
        return usage("invalid batch: %r (must be a positive integer)" % args.batch)
    on_gpu = args.backend == "torch" and args.device.startswith("cuda")
    batch_bytes = int(args.batch_bytes or (2**30 if on_gpu else 2**25))
    item_bytes = 4 if args.dtype == "float32" else 8
    plan = [(m, n, args.batch or default_batch(m, n, batch_bytes, item_bytes)) for m in methods for n in ns]

    if args.dry_run:
        for m, n, batch in plan:
            ensemble, stat = METHODS[m]
            print(json.dumps({"dry_run": True, "ensemble": ensemble, "n": n, "method": m, "statistic": stat, "batch": batch,
                              "backend": args.backend, "device": args.device, "dtype": args.dtype, "seconds": args.seconds}))
        return 0

    try:
        ops = NumpyOps(args.seed, args.dtype) if args.backend == "numpy" else TorchOps(args.seed, args.dtype, args.device)
    except (ImportError, RuntimeError) as error:
        print("torch_compare: no %s backend: %s" % (args.backend, error), file=sys.stderr)
        return EXIT_NO_BACKEND
    for m, n, batch in plan:
        print(json.dumps(measure(ops, m, n, batch, args.seconds, args.shift)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
