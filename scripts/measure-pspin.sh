#!/usr/bin/env bash
# The p-spin measurements the README quotes (issue 8): restarts, momentum, dimension, and the
# index of critical points against their energy. Every run is the CLI's float64 CPU twin
# (--backend cpu): on this project's 2-core machines SwiftShader runs the GPU kernels slower than
# plain JavaScript (README, Speed), so the CPU twin is what fits. Writes data/pspin/*.csv; then
# `python3 scripts/summarize-pspin.py` prints the tables. Takes ~15 min on one shared core.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist-cli/cli.js ] || npm run build:cli --silent
out=data/pspin
mkdir -p "$out"
lab() { echo "+ saddle-lab $*" >&2; node bin/saddle-lab.js "$@"; }

# (a) restarts and (c) dimension: 64 heavy-ball descents on each of 4 disorders per N.
for n in 16 32 64; do
  lab descend --p 3 --n "$n" --runs 64 --disorders 4 --optimizer momentum --eta 0.1 --beta 0.9 --steps 20000 --seed 7 --backend cpu --out "$out/ends-p3-n$n.csv"
  lab descend --p 2 --n "$n" --runs 16 --disorders 4 --optimizer momentum --eta 0.1 --beta 0.9 --steps 20000 --seed 7 --backend cpu --out "$out/ends-p2-n$n.csv"
done

# (b) momentum: the same starts at η = 0.1 with β = 0 (projected gradient descent), 0.5 and 0.9.
for beta in 0 0.5 0.9; do
  opt=momentum; [ "$beta" = 0 ] && opt=gd
  lab descend --p 3 --n 32 --runs 64 --disorders 2 --optimizer "$opt" --eta 0.1 --beta "$beta" --steps 20000 --seed 11 --backend cpu --out "$out/momentum-beta$beta.csv"
done

# Index against energy: Newton on the sphere from points along 8 trajectories per disorder.
lab critical --p 3 --n 32 --runs 8 --disorders 4 --optimizer gd --eta 0.05 --beta 0 --steps 512 --seed 13 --backend cpu --out "$out/critical-p3-n32.csv"
