#!/usr/bin/env bash
# Measures the page's wasm modules under several settings of the `wasm` Cargo profile, raw and
# gzip -9, after wasm-bindgen and wasm-opt exactly as `make pkg` / `make pkg-sheet` do. Used to
# choose the profile in Cargo.toml; results are recorded in docs/size.md. Settings are varied with
# CARGO_PROFILE_WASM_* variables, so Cargo.toml is never edited. Slow (one build per row): run by
# hand, not in `make test`. `scripts/measure-size.sh sheet` measures the spreadsheet module too; its
# shipped build is the `opt-level=3` row (`make pkg-sheet` uses profile `wasm-speed`, docs/size.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Each row builds the module named by $module (main or sheet) with `--profile wasm` and the row's overrides.
measure() {
  local name=$1; shift
  local f
  if [ "$module" = sheet ]; then
    env "$@" wasm-pack build crates/sheet --target web --profile wasm --mode no-install --out-dir "$out/pkg-sheet" >/dev/null 2>&1
    f="$out/pkg-sheet/jingning_sheet_bg.wasm"
  else
    env "$@" wasm-pack build --target web --profile wasm --mode no-install --out-dir "$out/pkg" \
      -- --no-default-features --features wasm >/dev/null 2>&1
    f="$out/pkg/jingning_policy_bg.wasm"
  fi
  printf '| %-7s | %-44s | %9s | %9s |\n' "$module" "$name" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
}

echo "| module | wasm profile | raw bytes | gzip -9 |"
echo "|---|---|---:|---:|"
modules=(main)
[ "${1:-}" = sheet ] && modules=(main sheet)
for module in "${modules[@]}"; do
  # The sheet module ships at "z" (profile wasm), the main module at 3 (profile wasm-speed, which is
  # profile wasm at opt-level 3: the row below with CARGO_PROFILE_WASM_OPT_LEVEL=3).
  measure "opt-level=z, lto, 1 cgu (profile wasm)"
  measure "opt-level=s (rest as wasm)" CARGO_PROFILE_WASM_OPT_LEVEL=s
  if [ "$module" = main ]; then
    measure "opt-level=2 (rest as wasm)" CARGO_PROFILE_WASM_OPT_LEVEL=2
  fi
  measure "opt-level=3 (rest as wasm; = wasm-speed)" CARGO_PROFILE_WASM_OPT_LEVEL=3
  if [ "$module" = main ]; then
    measure "opt-level=3, no lto" CARGO_PROFILE_WASM_OPT_LEVEL=3 CARGO_PROFILE_WASM_LTO=false
  fi
done
