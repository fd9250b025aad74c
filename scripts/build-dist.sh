#!/usr/bin/env bash
# Assembles dist/: the static page (www/) and the wasm package (pkg/), relative paths only, so the
# folder can be copied under any sub-path of a portal and served by any static server.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/jingning_policy.js pkg/jingning_policy_bg.wasm pkg/jingning_policy.d.ts dist/pkg/
echo "dist/ ready: $(du -sh dist | cut -f1)"
