#!/usr/bin/env bash
# Instructions per household evaluation, counted by valgrind (cachegrind): unlike times, the count
# does not drift with the host, so two builds can be compared exactly. Needs valgrind
# (`apt-get install valgrind`). Usage: scripts/eval-instructions.sh [case.json]
# The count is the difference between runs of 600 and 300 evaluations per round (15 rounds each),
# so start-up and case reading cancel out.
set -euo pipefail
cd "$(dirname "$0")/.."
case_file="${1:-examples/household-5.json}"
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --release --quiet --example eval_timing
bin="${CARGO_TARGET_DIR:-target}/release/examples/eval_timing"
count() {
  EVAL_TIMING_N="$1" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$bin" "$case_file" --evaluate-only 2>&1 | awk '/I *refs/ { gsub(",", "", $NF); print $NF }'
}
a=$(count 300)
b=$(count 600)
echo "$case_file: $(( (b - a) / (15 * 300) )) instructions per evaluation (valgrind cachegrind)"
