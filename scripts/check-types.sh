#!/usr/bin/env bash
# The TypeScript types are checked in (types/jingning_policy.d.ts) so portal developers can read
# them without building. This fails if they differ from what wasm-bindgen generated for the current
# code (run `make pkg && cp pkg/jingning_policy.d.ts types/` to update), then type-checks an
# example consumer against them.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! diff -u types/jingning_policy.d.ts pkg/jingning_policy.d.ts; then
  echo "types/jingning_policy.d.ts is out of date: cp pkg/jingning_policy.d.ts types/" >&2
  exit 1
fi
tsc -p types/tsconfig.json
echo "types: checked-in declarations match the build and type-check"
