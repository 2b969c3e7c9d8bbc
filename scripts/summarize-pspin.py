#!/usr/bin/env python3
"""Tables for the README from data/pspin/*.csv (written by scripts/measure-pspin.sh).

(a) restarts: best-of-R end energy against R (mean over random R-subsets of each disorder's
    runs, then over disorders) and the spread of end energies against N;
(b) momentum: end energy and steps to converge for each beta at equal eta;
(c) dimension: mean and spread of the end energy against N beside u0 and -E_inf, and
    index/(N-1) against u beside F(-s(u)) for the critical points.
"""
import csv
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else "data/pspin")
E_INF = {2: math.sqrt(2), 3: 2 * math.sqrt(2 / 3)}
U0 = {2: -math.sqrt(2), 3: -1.657}


def present(name):
    path = DATA / name
    return path.exists() and path.stat().st_size > 0


def rows(name):
    with open(DATA / name, newline="") as f:
        return list(csv.DictReader(f))


def ends(name):
    """(disorder -> array of polished u) over converged runs, and the run count."""
    by = defaultdict(list)
    table = rows(name)
    for r in table:
        if r["u"]:
            by[int(r["disorder"])].append(float(r["u"]))
    return {d: np.array(v) for d, v in by.items()}, table


def semicircle_fraction(s):
    if s >= 1:
        return 0.0
    if s <= -1:
        return 1.0
    return 0.5 - (s * math.sqrt(1 - s * s) + math.asin(s)) / math.pi


print("(c) dimension: polished end energies u of heavy-ball descents (eta 0.1, beta 0.9)")
print("| p | N | runs (converged) | mean u | sd u (all runs) | sd u within a disorder | min u | mean index | u0 | -E_inf |")
print("|---|---|---|---|---|---|---|---|---|---|")
spread = {}
for p in (3, 2):
    for n in (16, 32, 64):
        name = f"ends-p{p}-n{n}.csv"
        if not present(name):
            continue
        by, table = ends(name)
        allu = np.concatenate(list(by.values()))
        idx = [int(r["index"]) for r in table if r["index"] not in ("", "NaN")]
        spread[(p, n)] = float(np.mean([v.std(ddof=1) for v in by.values()]))
        print(f"| {p} | {n} | {len(table)} ({allu.size}) | {allu.mean():.4f} | {allu.std(ddof=1):.4f} | {spread[(p, n)]:.2g} | {allu.min():.4f} | {np.mean(idx):.3f} | {U0[p]:.4f} | {-E_INF[p]:.4f} |")

print()
print("(a) restarts, p = 3: mean best-of-R polished end energy (random R-subsets of 64 runs, 2000 draws, averaged over 4 disorders)")
rng = np.random.default_rng(0)
Rs = (1, 2, 4, 8, 16, 32, 64)
print("| N | " + " | ".join(f"R={R}" for R in Rs) + " | within-disorder sd of u |")
print("|---|" + "---|" * len(Rs) + "---|")
for n in (16, 32, 64):
    name = f"ends-p3-n{n}.csv"
    if not present(name):
        continue
    by, _ = ends(name)
    cells = []
    for R in Rs:
        best = []
        for v in by.values():
            if v.size < R:
                continue
            draws = np.array([v[rng.choice(v.size, R, replace=False)].min() for _ in range(2000)])
            best.append(draws.mean())
        cells.append(f"{np.mean(best):.4f}" if best else "")
    print(f"| {n} | " + " | ".join(cells) + f" | {spread[(3, n)]:.4f} |")

print()
print("(b) momentum, p = 3, N = 32, eta = 0.1, 64 runs x 2 disorders, same starts")
print("| beta | converged | mean steps (converged) | median steps | mean u | sd u |")
print("|---|---|---|---|---|---|")
for beta in ("0", "0.5", "0.9"):
    name = f"momentum-beta{beta}.csv"
    if not present(name):
        continue
    table = rows(name)
    conv = [r for r in table if r["phase"] == "converged"]
    steps = np.array([int(r["steps"]) for r in conv])
    us = np.array([float(r["u"]) for r in conv if r["u"]])
    print(f"| {beta} | {len(conv)}/{len(table)} | {steps.mean():.0f} | {np.median(steps):.0f} | {us.mean():.4f} | {us.std(ddof=1):.4f} |")

name = "critical-p3-n32.csv"
if present(name):
    table = rows(name)
    u = np.array([float(r["u"]) for r in table])
    frac = np.array([float(r["index_fraction"]) for r in table])
    print()
    print(f"Critical points, p = 3, N = 32: {len(table)} distinct polished critical points; index/(N-1) by energy bin against F(-s(u)), s = -u/E_inf")
    print("| u bin | points | mean index/(N-1) | F(-s) at bin mean u | indices seen |")
    print("|---|---|---|---|---|")
    edges = np.arange(-1.8, 1.81, 0.3)
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (u >= lo) & (u < hi)
        if not sel.any():
            continue
        um = u[sel].mean()
        ks = sorted(set(int(r["index"]) for r, s in zip(table, sel) if s))
        shown = ",".join(map(str, ks[:8])) + ("…" if len(ks) > 8 else "")
        print(f"| [{lo:.1f}, {hi:.1f}) | {sel.sum()} | {frac[sel].mean():.3f} | {semicircle_fraction(-um / E_INF[3]):.3f} | {shown} |")
    minima = u[frac == 0]
    if minima.size:
        print(f"\nMinima (index 0) among them: {minima.size}, highest at u = {minima.max():.4f} (threshold -E_inf = {-E_INF[3]:.4f})")
