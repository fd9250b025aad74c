#!/usr/bin/env bash
# Assembles dist/: the static page (www/) and the wasm package (pkg/), relative paths only, so the
# folder can be copied under any sub-path of a portal and served by any static server. Then:
# - stamps the service worker with this build's file list and a content hash (a new build replaces
#   the old offline copy);
# - writes dist/jingning-offline.html, the whole page in one file for use from disk (file://).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/jingning_policy.js pkg/jingning_policy_bg.wasm pkg/jingning_policy.d.ts dist/pkg/
node scripts/stamp-sw.mjs dist
node scripts/build-offline.mjs dist dist/jingning-offline.html
echo "dist/ ready: $(du -sh dist | cut -f1)"
