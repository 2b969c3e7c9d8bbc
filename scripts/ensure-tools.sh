#!/usr/bin/env bash
# Debian tools some tests run beside the browser and the GPU driver (ensure-chromium.sh):
# GNU parallel runs sweep shards as a cluster would (tests/e2e/shards.test.ts); xz packs the
# device bundle (scripts/device-bundle.sh); numpy backs the PyTorch comparator's stand-in
# (tests/device/torch-compare.test.ts).
set -euo pipefail
missing=()
command -v parallel >/dev/null || missing+=(parallel)
command -v xz >/dev/null || missing+=(xz-utils)
python3 -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (Debian) and try again" >&2
  exit 1
fi
echo "installing Debian's ${missing[*]}…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
