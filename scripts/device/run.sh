#!/usr/bin/env bash
# The device bundle's entry point (copied to device-bundle/run.sh by scripts/device-bundle.sh).
# On a bare x86-64 machine — no Node, no node_modules, no network — it unpacks Node, dawn.node
# and (where the machine has none) the Vulkan loader, picks the Vulkan driver (NVIDIA's ICD;
# SwiftShader only where no NVIDIA GPU exists, for testing), records what it runs on, and runs
# the benchmark list: the lab's kernels and the PyTorch comparator, each with a deadline.
#
#   OUT=/some/dir bash device-bundle/run.sh [--list FILE] [--budget-s 270] [--target-s 4]
#
# Writes $OUT/environment.json, $OUT/results.jsonl (one JSON line per measurement),
# $OUT/table.md and $OUT/run.log; prints the table last. Exit 0 only if every item measured.
# SADDLE_ICD forces a Vulkan ICD file; SADDLE_LOADER_MODE=private unpacks the loader .debs into
# a private folder (LD_LIBRARY_PATH) instead of / even as root; SADDLE_PYTHON picks the Python.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="$here/lists/h200.list"
budget=270
target=4
while [ $# -gt 0 ]; do
  case "$1" in
    --list) list="$2"; shift 2 ;;
    --budget-s) budget="$2"; shift 2 ;;
    --target-s) target="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument: $1 (expected --list, --budget-s, --target-s)" >&2; exit 2 ;;
  esac
done
[ -f "$list" ] || { echo "run.sh: invalid --list: $list (no such file)" >&2; exit 2; }
OUT="${OUT:-$here/out}"
work="${SADDLE_WORK:-$(mktemp -d /tmp/saddle-device.XXXXXX)}"
mkdir -p "$OUT" "$work"
exec > >(tee -a "$OUT/run.log") 2>&1
started=$(date +%s)
echo "== saddle-lab device run, $(date -u +%FT%TZ), bundle $here, work $work"

unxz_to() { # unxz_to FILE.xz DEST: xz where it exists, else Python's lzma
  if command -v xz >/dev/null; then xz -dc "$1" >"$2"
  else python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],"wb"))' "$1" "$2"
  fi
}

# Node and the app (dawn.node is unpacked beside the webgpu package's index.js, which finds it there).
unxz_to "$here/node.xz" "$work/node" && chmod +x "$work/node" || { echo "run.sh: cannot unpack node" >&2; exit 1; }
cp -r "$here/app" "$work/app"
dawn="$work/app/node_modules/webgpu/dist/linux-x64/dawn.node"
unxz_to "$dawn.xz" "$dawn" && rm "$dawn.xz" || { echo "run.sh: cannot unpack dawn.node" >&2; exit 1; }
echo "node $("$work/node" --version)"

# The Vulkan loader: the machine's own if ldconfig knows one; else the carried .debs, into / as
# root (the device README's way), or into a private folder.
loader_version="$(dpkg-deb -f "$here"/debs/libvulkan1_*.deb Version 2>/dev/null || echo unknown)"
mode="${SADDLE_LOADER_MODE:-auto}"
if [ "$mode" = auto ] && ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1 '; then
  loader="system ($(ldconfig -p | grep -m1 'libvulkan.so.1 ' | sed 's/.*=> //'))"
elif [ "$mode" = auto ] && [ "$(id -u)" = 0 ]; then
  for f in "$here"/debs/*.deb; do dpkg -x "$f" /; done
  ldconfig
  loader="carried libvulkan1 $loader_version, unpacked into /"
else
  mkdir -p "$work/sysroot"
  for f in "$here"/debs/*.deb; do dpkg -x "$f" "$work/sysroot"; done
  export LD_LIBRARY_PATH="$work/sysroot/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  loader="carried libvulkan1 $loader_version, private in $work/sysroot"
fi
echo "vulkan loader: $loader"

# The Vulkan driver. Never measure SwiftShader on a machine that has an NVIDIA GPU.
nvidia_present=no
if [ -e /dev/nvidia0 ] || nvidia-smi -L >/dev/null 2>&1; then nvidia_present=yes; fi
icd="${SADDLE_ICD:-}"
if [ -z "$icd" ]; then
  for candidate in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
    /etc/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$candidate" ]; then icd="$candidate"; break; fi
  done
fi
if [ -z "$icd" ]; then
  icd="$(find /usr /etc /opt -maxdepth 7 -name nvidia_icd.json 2>/dev/null | head -n1)"
fi
if [ -z "$icd" ] && [ "$nvidia_present" = yes ]; then
  echo "run.sh: an NVIDIA GPU is present but no nvidia_icd.json was found: set SADDLE_ICD" >&2
  exit 3
fi
if [ -z "$icd" ] && [ -f /usr/lib/chromium/vk_swiftshader_icd.json ]; then
  icd=/usr/lib/chromium/vk_swiftshader_icd.json
fi
[ -n "$icd" ] || { echo "run.sh: no Vulkan ICD found (no NVIDIA driver, no SwiftShader): set SADDLE_ICD" >&2; exit 3; }
# The NVIDIA ICD names its library without a path; the driver's own folder may not be in ld's cache.
[ -d /usr/local/nvidia/lib64 ] && export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/usr/local/nvidia/lib64"
export VK_DRIVER_FILES="$icd" VK_ICD_FILENAMES="$icd" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
echo "vulkan driver: $icd (NVIDIA GPU present: $nvidia_present)"

python="${SADDLE_PYTHON:-python3}"
SADDLE_ICD="$icd" SADDLE_LOADER="$loader" SADDLE_UNAME="$(uname -srm)" \
  SADDLE_DAWN_SHA256="$(sha256sum "$dawn" | cut -d' ' -f1)" \
  SADDLE_NVIDIA_SMI="$(nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>/dev/null | head -n1)" \
  "$work/node" "$work/app/dist-cli/adapter-info.js" >"$OUT/environment.json"
adapter_rc=$?
cat "$OUT/environment.json"
[ $adapter_rc -eq 0 ] || { echo "run.sh: Dawn found no WebGPU adapter on $icd" >&2; exit 3; }
if [ "$nvidia_present" = yes ] && grep -qi swiftshader "$OUT/environment.json"; then
  echo "run.sh: Dawn picked SwiftShader on a machine with an NVIDIA GPU: refusing to measure it" >&2
  exit 3
fi

"$work/node" "$work/app/dist-cli/runner.js" --list "$list" --out "$OUT" --lab "$work/app/bin/saddle-lab.js" \
  --comparator "$here/torch_compare.py" --python "$python" --budget-s "$budget" --target-s "$target"
rc=$?
echo "== done in $(( $(date +%s) - started )) s, exit $rc"
exit $rc
