#!/usr/bin/env bash
# Debian's chromium brings the browser for the end-to-end tier and /usr/lib/chromium's
# SwiftShader Vulkan driver, which Dawn (GPU tier, CLI) uses on a machine without a GPU.
# libvulkan1 is the system Vulkan loader Dawn dlopens (chromium keeps a private copy only).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -f /usr/lib/chromium/vk_swiftshader_icd.json ] && ldconfig -p | grep -q 'libvulkan.so.1 '; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium or libvulkan1 is missing: run 'sudo apt-get install -y chromium libvulkan1' (Debian) and try again" >&2
  exit 1
fi
echo "installing Debian's chromium and libvulkan1 (browser tests, the SwiftShader WebGPU driver)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium libvulkan1 >/dev/null
