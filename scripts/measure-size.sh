#!/usr/bin/env bash
# Measures the page's wasm module under several release-profile settings, raw and gzip -9, after
# wasm-bindgen and wasm-opt exactly as `make pkg` does. Used to choose the profile in Cargo.toml;
# results are recorded in docs/size.md. Profiles are varied with CARGO_PROFILE_RELEASE_* variables,
# so Cargo.toml is never edited. Slow (one release build per row): run by hand, not in `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() {
  local name=$1; shift
  env "$@" wasm-pack build --target web --release --mode no-install --out-dir "$out/pkg" \
    -- --no-default-features --features wasm >/dev/null 2>&1
  local f="$out/pkg/jingning_policy_bg.wasm"
  printf '| %-44s | %9s | %9s |\n' "$name" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
}

echo "| release profile | raw bytes | gzip -9 |"
echo "|---|---:|---:|"
measure "chosen: opt-level=z, lto, 1 cgu, panic=abort"
measure "opt-level=s (rest as chosen)" CARGO_PROFILE_RELEASE_OPT_LEVEL=s
measure "opt-level=3 (rest as chosen)" CARGO_PROFILE_RELEASE_OPT_LEVEL=3
measure "no lto (rest as chosen)" CARGO_PROFILE_RELEASE_LTO=false
measure "16 codegen units (rest as chosen)" CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
measure "panic=unwind (rest as chosen)" CARGO_PROFILE_RELEASE_PANIC=unwind
measure "cargo defaults (opt 3, no lto, 16 cgu, unwind)" CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind
