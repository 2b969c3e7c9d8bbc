#!/usr/bin/env bash
# Gathers into device-bundle/ (ignored by git) what a bare x86-64 Linux machine — no Node, no
# node_modules, no network — needs to run `saddle-lab bench` through Dawn on Vulkan beside the
# PyTorch comparator: the CLI bundled with its dependencies, the `webgpu` package's index.js and
# linux-x64 dawn.node (xz), this machine's Node binary (xz), the Vulkan loader .debs fetched with
# `apt-get download` as the device README describes, scripts/device/run.sh, torch_compare.py and
# the benchmark lists. Under 64 MiB, the most a device call carries.
#
#   bash scripts/device-bundle.sh                 # then, on the device: OUT=… bash device-bundle/run.sh
#   DEVICE_BUNDLE_DIR=/tmp/b XZ_LEVEL=0 bash scripts/device-bundle.sh    # quick build (tests)
#
# The xz'd Node and the .debs are kept between builds (keyed by the binary's sha256 and the xz
# level), so only the first build pays the ~70 s of `xz -9`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
dir="${DEVICE_BUNDLE_DIR:-$repo/device-bundle}"
level="${XZ_LEVEL:-9}"
node_bin="${NODE_BINARY:-$(command -v node)}"
limit=$((64 * 1024 * 1024))
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Node: an x86-64 Linux binary that needs only glibc and libstdc++ (FACTS.md: /usr/bin/node).
arch="$("$node_bin" -p 'process.platform + "-" + process.arch')"
[ "$arch" = linux-x64 ] || { echo "device-bundle: $node_bin is $arch, the device needs linux-x64" >&2; exit 1; }
key="$(sha256sum "$node_bin" | cut -d' ' -f1) xz-$level"
if [ ! -f "$dir/node.xz" ] || [ "$(cat "$dir/.node.key" 2>/dev/null)" != "$key" ]; then
  echo "device-bundle: compressing $node_bin ($(du -h "$node_bin" | cut -f1)) with xz -$level…" >&2
  xz -"$level" -c "$node_bin" >"$dir/node.xz.tmp" && mv "$dir/node.xz.tmp" "$dir/node.xz"
  echo "$key" >"$dir/.node.key"
fi

# The Vulkan loader and the GL/EGL libraries the device README carries (NVIDIA's ICD library
# links libGLdispatch from libglvnd0), amd64 whatever this machine's architecture.
packages=(libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
have=0
for p in "${packages[@]}"; do compgen -G "$dir/debs/${p}_*_amd64.deb" >/dev/null && have=$((have + 1)); done
if [ "$have" -ne "${#packages[@]}" ]; then
  echo "device-bundle: fetching the Vulkan loader .debs with apt-get download…" >&2
  rm -rf "$dir/debs"
  mkdir -p "$dir/debs" /tmp/amd64/partial
  o=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64)
  apt-get "${o[@]}" -qq update
  # As root, apt would hand the download to its _apt user, who cannot write into this folder.
  [ "$(id -u)" -ne 0 ] || o+=(-oAPT::Sandbox::User=root)
  (cd "$dir/debs" && apt-get "${o[@]}" -qq download "${packages[@]}")
fi

# The app: CLI, runner and adapter probe with their dependencies inlined; webgpu copied beside.
rm -rf "$dir/app" "$dir/lists"
DEVICE_BUNDLE_APP="$dir/app" npx vite build --logLevel warn --config scripts/device/bundle.vite.config.ts
mkdir -p "$dir/app/bin" "$dir/app/node_modules/webgpu/dist/linux-x64" "$dir/lists"
cp bin/saddle-lab.js "$dir/app/bin/"
echo '{ "type": "module" }' >"$dir/app/package.json"
webgpu=node_modules/webgpu
cp "$webgpu/package.json" "$webgpu/index.js" "$webgpu/LICENSE.md" "$dir/app/node_modules/webgpu/"
xz -"$level" -T0 -c "$webgpu/dist/linux-x64/dawn.node" >"$dir/app/node_modules/webgpu/dist/linux-x64/dawn.node.xz"
cp scripts/device/run.sh scripts/device/torch_compare.py "$dir/"
cp scripts/device/*.list "$dir/lists/"
chmod +x "$dir/run.sh"

bytes="$(du -sb --exclude=.node.key "$dir" | cut -f1)"
(cd "$dir" && find . -type f ! -name .node.key -printf '%s\t%p\n' | sort -k2 >MANIFEST)
echo "device-bundle: $dir, $((bytes / 1024 / 1024)) MiB ($bytes bytes) of $((limit / 1024 / 1024)) MiB" >&2
if [ "$bytes" -gt "$limit" ]; then
  echo "device-bundle: over the 64 MiB a device call carries" >&2
  exit 1
fi
