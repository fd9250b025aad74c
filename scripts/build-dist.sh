#!/usr/bin/env bash
# Assembles dist/: the static page (www/) and the wasm package (pkg/), relative paths only, so the
# folder can be copied under any sub-path of a portal and served by any static server. Then:
# - writes the trainer's scenario library as dist/js/trainer-scenarios.js (data/scenarios/);
# - stamps the service worker with this build's file list and a content hash (a new build replaces
#   the old offline copy);
# - writes dist/jingning-offline.html, the whole page in one file for use from disk (file://);
# - serves the page's modules as one file, dist/js/page.js (scripts/bundle-page.mjs), and preloads
#   the wasm (scripts/preload-links.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/pkg dist/pkg-sheet
cp -R www/. dist/
cp pkg/jingning_policy.js pkg/jingning_policy_bg.wasm pkg/jingning_policy.d.ts dist/pkg/
# The spreadsheet module: fetched only by the batch worker (www/js/batch-worker.js).
cp pkg-sheet/jingning_sheet.js pkg-sheet/jingning_sheet_bg.wasm pkg-sheet/jingning_sheet.d.ts dist/pkg-sheet/
# The trainer's scenario library (data/scenarios/), households expanded from their case files.
cargo run --quiet --example trainer_scenarios -- dist/js/trainer-scenarios.js
# What compact results refer to by id, for portals that fetch it once (docs/household-case.md “精简结果”).
node scripts/write-catalogue.mjs dist/catalogue.json
node scripts/build-offline.mjs dist dist/jingning-offline.html
# The served page's modules in one file, js/page.js (after the single-file page, which reads the
# original index.html); then the wasm's preload (before the service worker's stamp, which hashes
# index.html).
node scripts/bundle-page.mjs dist
node scripts/preload-links.mjs dist
node scripts/stamp-sw.mjs dist
echo "dist/ ready: $(du -sh dist | cut -f1)"
