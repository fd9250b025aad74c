#!/usr/bin/env bash
# Installs, only when missing or at the wrong version, every tool the build and tests need.
# Idempotent: a second run checks versions and installs nothing. Nothing here downloads a
# prebuilt binary at run time (this machine reaches only crates.io, npm, PyPI and Debian).
#
#   scripts/ensure-tools.sh build   # wasm target, wasm-bindgen-cli, wasm-pack, npm deps (wasm-opt)
#   scripts/ensure-tools.sh test    # the above plus Debian chromium + chromium-driver
#   scripts/ensure-tools.sh mutants # cargo-mutants, for `make mutants` only (not part of `make test`)
#   scripts/ensure-tools.sh fuzz    # the nightly toolchain and cargo-fuzz (make fuzz)
#   scripts/ensure-tools.sh size    # twiggy, for `make size-profile` (not part of `make test`)
#   scripts/ensure-tools.sh peers   # the peer engines of `make bench-peers` (bench/peers/, its own lock)
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
log() { printf '\033[1;34m[tools]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly, or wasm-pack's
# --mode no-install refuses to build. Cargo.toml pins "=X", so the lock cannot drift.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# `make lint` (part of `make test`): rustfmt and clippy come with rustup's default profile, but a
# minimal-profile toolchain lacks them.
ensure_lint_tools() {
  local have
  have=$(rustup component list --installed 2>/dev/null || true)
  for c in rustfmt clippy; do
    if ! grep -q "^$c" <<<"$have"; then
      log "adding rust component $c"
      rustup component add "$c"
    fi
  done
}

ensure_wasm_bindgen() {
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (found: ${have:-none})"
    # Not --locked: one of its locked dependencies is not on the registry mirror here.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_wasm_pack() {
  if ! command -v wasm-pack >/dev/null 2>&1; then
    log "installing wasm-pack"
    cargo install --locked wasm-pack
  fi
}

# npm dev dependencies from the committed lock file: binaryen (wasm-opt 132; Debian's 108 breaks
# wasm-bindgen output), Playwright, axe-core, TypeScript. Re-run only when the lock changes.
ensure_npm() {
  # A node_modules that is a symlink (a worktree sharing another checkout's) is left alone: `npm ci`
  # empties the directory it points to before replacing the link, which breaks every checkout
  # sharing it (it happened, 2026-11-29 22:58).
  if [ -L node_modules ]; then
    log "node_modules is a symlink to $(readlink node_modules): not reinstalling through it"
    return
  fi
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
    touch node_modules/.package-lock.json
  fi
}

# A CJK font too: without one Chromium draws the page's Chinese as boxes, which changes the print
# layout the tests check and makes screenshots useless.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
     || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
    log "installing Debian chromium, chromium-driver and fonts-wqy-microhei"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  fi
}

# cargo-mutants for `make mutants`. Pinned: the newest release whose MSRV this toolchain's resolver
# accepts for the workspace; a different version generates a different set of mutants, so the
# figures in docs/household-case.md would not compare.
CARGO_MUTANTS_VERSION=26.0.0
ensure_mutants() {
  local have
  have=$(cargo mutants --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$CARGO_MUTANTS_VERSION" ]; then
    log "installing cargo-mutants $CARGO_MUTANTS_VERSION (found: ${have:-none})"
    cargo install --locked cargo-mutants --version "$CARGO_MUTANTS_VERSION" --force
  fi
}

# `make fuzz` only: libFuzzer needs nightly's sanitizer flags; installed only when missing.
ensure_fuzz() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "installing the nightly toolchain (for cargo fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    log "installing cargo-fuzz"
    cargo install --locked cargo-fuzz
  fi
}

# twiggy (wasm code-size profiler) for `make size-profile`; installed only when missing.
ensure_twiggy() {
  if ! command -v twiggy >/dev/null 2>&1; then
    log "installing twiggy"
    cargo install --locked twiggy
  fi
}

# json-rules-engine and @gorules/zen-engine (a native binary) for `make bench-peers`: in
# bench/peers/node_modules from bench/peers/package-lock.json, never in the root package, so
# `make test` never downloads them.
ensure_peers() {
  if [ ! -f bench/peers/node_modules/.package-lock.json ] || [ bench/peers/package-lock.json -nt bench/peers/node_modules/.package-lock.json ]; then
    log "npm ci in bench/peers"
    npm ci --prefix bench/peers --no-audit --no-fund
    touch bench/peers/node_modules/.package-lock.json
  fi
}

case "$what" in
  build) ensure_wasm_target; ensure_wasm_bindgen; ensure_wasm_pack; ensure_npm ;;
  test)  ensure_wasm_target; ensure_lint_tools; ensure_chromium; ensure_wasm_bindgen; ensure_wasm_pack; ensure_npm ;;
  mutants) ensure_mutants ;;
  fuzz)  ensure_fuzz ;;
  size)  ensure_twiggy ;;
  peers) ensure_npm; ensure_peers ;;
  *) echo "usage: $0 build|test|mutants|fuzz|size|peers" >&2; exit 2 ;;
esac
