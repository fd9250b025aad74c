#!/usr/bin/env bash
# The TypeScript types are checked in (types/jingning_policy.d.ts, and types/jingning_sheet.d.ts
# for the spreadsheet module) so portal developers can read them without building. This fails if
# they differ from what wasm-bindgen generated for the current code (run `make pkg pkg-sheet &&
# cp pkg/jingning_policy.d.ts pkg-sheet/jingning_sheet.d.ts types/` to update), then type-checks
# example consumers (types/example.ts, types/example-sheet.ts) against them, and a portal's use of the
# elements and iframe messages (types/example-embed.ts) against the hand-written jingning_embed.d.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! diff -u types/jingning_policy.d.ts pkg/jingning_policy.d.ts; then
  echo "types/jingning_policy.d.ts is out of date: cp pkg/jingning_policy.d.ts types/" >&2
  exit 1
fi
if ! diff -u types/jingning_sheet.d.ts pkg-sheet/jingning_sheet.d.ts; then
  echo "types/jingning_sheet.d.ts is out of date: cp pkg-sheet/jingning_sheet.d.ts types/" >&2
  exit 1
fi
tsc -p types/tsconfig.json
echo "types: checked-in declarations match the build and type-check"
