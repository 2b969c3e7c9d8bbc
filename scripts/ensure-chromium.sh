#!/usr/bin/env bash
# Debian's chromium brings the browser for the end-to-end tier and /usr/lib/chromium's
# SwiftShader Vulkan driver, which Dawn (GPU tier, CLI) uses on a machine without a GPU.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -f /usr/lib/chromium/vk_swiftshader_icd.json ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again" >&2
  exit 1
fi
echo "installing Debian's chromium (browser tests and the SwiftShader WebGPU driver)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
