#!/usr/bin/env bash
# Every test tier, in order: types, unit, GPU (real WGSL through Dawn on SwiftShader), statistics,
# build, end to end (real Chromium). A missing adapter or browser FAILS the run: the GPU and e2e
# tiers read REQUIRE_GPU / REQUIRE_BROWSER and throw instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-tools.sh
[ -d node_modules ] || npm ci

export REQUIRE_GPU=1 REQUIRE_BROWSER=1
export VK_ICD_FILENAMES="${VK_ICD_FILENAMES:-/usr/lib/chromium/vk_swiftshader_icd.json}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
reports="$(mktemp -d)"

echo "== typecheck"
npx tsc --noEmit

for tier in unit gpu stats; do
  echo "== $tier tests"
  npx vitest run --project "$tier" --reporter=default --reporter=json --outputFile="$reports/$tier.json"
done

echo "== build (page and CLI)"
npm run build --silent

echo "== end-to-end tests (Chromium)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile="$reports/e2e.json"

# One closing line over every tier, so a reader (or CI) sees the whole count at once.
node scripts/sum-reports.js "$reports"/*.json
