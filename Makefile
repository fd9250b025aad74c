# Two commands matter (see README): `make serve` and `make test`. Everything they need is
# installed by scripts/ensure-tools.sh, only when missing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_FEATURES := --no-default-features --features wasm
PORT ?= 8080

.PHONY: fuzz serve test lint dist package pkg pkg-sheet tools test-tools test-native test-wasm-node test-wasm-chrome test-e2e test-peers-smoke screenshots typecheck bench bench-js bench-browser bench-batch bench-batch-files bench-peers size size-profile mutants clean

## Build the page with the built-in default rules and serve it on http://127.0.0.1:$(PORT)/
serve: dist
	python3 scripts/serve.py dist --port $(PORT)

## Run every test: native, wasm in Node, wasm in headless Chromium, end-to-end in Chromium.
test: test-tools
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm-node
	$(MAKE) --no-print-directory test-wasm-chrome
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory typecheck
	$(MAKE) --no-print-directory test-peers-smoke
	$(MAKE) --no-print-directory test-e2e
	@echo "suites: 8 passed, 0 failed"

tools:
	scripts/ensure-tools.sh build

test-tools:
	scripts/ensure-tools.sh test

## wasm-pack's output: Cargo profile `wasm-speed` (release at opt-level 3, Cargo.toml: measured against
## "z", "s" and 2 in docs/size.md), then binaryen's wasm-opt -Oz from npm. MAIN_PROFILE=wasm builds it
## at opt-level "z" (smallest). Native builds (`cargo build --release`) are at opt-level 3 too.
MAIN_PROFILE ?= wasm-speed
pkg: tools
	wasm-pack build --target web --profile $(MAIN_PROFILE) --mode no-install --out-dir pkg -- $(WASM_FEATURES)

## The second wasm module (crates/sheet): spreadsheets and batch evaluation, fetched by the page
## only when a spreadsheet is opened or exported.
## Built for speed (profile wasm-speed, opt-level 3): batch evaluation takes half the CPU of "z" for
## +25 % gzipped, and the page's first screen never fetches this module (docs/size.md).
## SHEET_PROFILE=wasm builds it at "z" instead.
SHEET_PROFILE ?= wasm-speed
pkg-sheet: tools
	wasm-pack build crates/sheet --target web --profile $(SHEET_PROFILE) --mode no-install --out-dir ../../pkg-sheet

## Self-contained static folder: page + both wasm modules + JS, relative paths only.
dist: pkg pkg-sheet
	scripts/build-dist.sh

## The npm package for portal developers (docs/portal.md): jingning-policy-<version>.tgz here,
## with the ES module, both wasm modules, the custom elements, .d.ts files and a README.
package: pkg pkg-sheet
	node scripts/build-package.mjs

## House rules: formatting (rustfmt.toml) and clippy with every warning an error, native and wasm.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown $(WASM_FEATURES) -- -D warnings

test-native:
	cargo test --workspace --all-targets

test-wasm-node:
	wasm-pack test --node --mode no-install -- $(WASM_FEATURES) --test wasm_node

test-wasm-chrome:
	wasm-pack test --headless --chrome --mode no-install -- $(WASM_FEATURES) --test wasm_browser

## The checked-in TypeScript types must match what wasm-bindgen generates, and type-check.
typecheck:
	scripts/check-types.sh

test-e2e:
	npx playwright test

## The peer benchmark's generator and exact reference on 2,000 households, against this project's
## JS API (pkg/): fails if the engine disagrees with integer-fen arithmetic on any of them. No timing.
test-peers-smoke:
	node bench/peers/run.mjs --smoke

## Refresh the README's screenshots of the page (docs/screenshots/); not part of `make test`.
screenshots: dist
	SCREENSHOTS=1 npx playwright test screenshots

## Benchmarks (figures go in docs/benchmarks.md; never asserted in tests).
bench:
	cargo bench

## Households per second through the JS API in Node, compact and full, one call per household and
## many per call, against serde-wasm-bindgen objects; plus the exactness check at the 低保 thresholds.
## Figures printed (docs/benchmarks.md “JS 接口”), nothing asserted. BENCH_JS_N households per round.
BENCH_JS_N ?= 2000
bench-js: pkg
	taskset -c 0 node bench/js/households.mjs $(BENCH_JS_N)

## The village engine timed in Chromium on the built page (prints figures, asserts nothing).
bench-browser: dist
	node scripts/bench-browser.mjs

## Batch benchmarks (docs/batch.md): native CLI on 1,000,000 households from CSV on one core, and
## the browser end to end on 100,000 households from CSV and xlsx. Figures are printed, not asserted.
BENCH_N ?= 1000000
bench-batch-files:
	python3 scripts/gen-batch-csv.py 100000 > /tmp/jingning-bench-100000.csv
	cargo run --release --example csv_to_xlsx -- /tmp/jingning-bench-100000.csv /tmp/jingning-bench-100000.xlsx

bench-batch: bench-batch-files dist
	python3 scripts/gen-batch-csv.py $(BENCH_N) > /tmp/jingning-bench-$(BENCH_N).csv
	cargo build --release --bin jingning
	/usr/bin/time -f "one core: %e s wall, %U s user, %M KB max RSS" taskset -c 0 target/release/jingning batch \
	  /tmp/jingning-bench-$(BENCH_N).csv --date 2024-06-30 --jobs 1 --out /tmp/jingning-bench-$(BENCH_N)-out.csv > /dev/null
	/usr/bin/time -f "all cores: %e s wall, %U s user, %M KB max RSS" target/release/jingning batch \
	  /tmp/jingning-bench-$(BENCH_N).csv --date 2024-06-30 --out /tmp/jingning-bench-$(BENCH_N)-out.csv > /dev/null
	BATCH_BENCH=1 npx playwright test batch-bench

## The peer benchmark (docs/benchmarks.md, “Peers”): PEERS_N synthetic households through plain JS,
## json-rules-engine, GoRules ZEN, this project's JS API (pkg/, Node) and native CLI (one core), in
## one run, each checked against exact integer-fen arithmetic. Prints a table; asserts no speed.
## The peers are installed in bench/peers/node_modules only (scripts/ensure-tools.sh peers).
PEERS_N ?= 100000
bench-peers: pkg
	scripts/ensure-tools.sh peers
	cargo build --release --bin jingning
	node bench/peers/run.mjs $(PEERS_N)

## Mutation testing of the household rules' comparisons (docs/household-case.md “边界与变异测试”):
## each <, >, <=, >= in src/household/ is moved across its boundary (< to <=, >= to >, …) or negated,
## one at a time, and the case files must catch it. About 45 builds, 30–45 minutes of one core; not
## part of `make test`. Report in target/mutants/mutants.out/. Builds in its own target dir
## (target/mutants-target, cold the first time), so building in the tree meanwhile is safe.
## MUTANTS_RE='replace (<|>|<=|>=) with' also makes the <→==, <→> kinds (69 instead of 31).
MUTANTS_RE ?= replace (< with <=|> with >=|>= with <|<= with >) in
## cargo-mutants does not turn >= into > or <= into <: scripts/boundary-mutants.py makes those.
mutants:
	scripts/ensure-tools.sh mutants
	status=0; \
	CARGO_TARGET_DIR=$(CURDIR)/target/mutants-target nice -n 10 cargo mutants -j 1 --output target/mutants \
	  --file 'src/household/**' --exclude src/household/fingerprint.rs --re '$(MUTANTS_RE)' \
	  -- --test household_cases --test dibao_income_cases --test household_snapshots || status=$$?; \
	CARGO_TARGET_DIR=$(CURDIR)/target/mutants-target nice -n 10 python3 scripts/boundary-mutants.py || status=$$?; \
	exit $$status

## Fuzzing (docs/batch.md): every cargo-fuzz target in turn for FUZZ_SECONDS seconds, niced; not part
## of `make test`. New corpus entries stay local (fuzz/.gitignore); a crash stops with its input
## in fuzz/artifacts/<target>/, to be turned into a regression test.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := case_json options village_input indicator_system csv_batch xlsx_batch
fuzz:
	scripts/ensure-tools.sh fuzz
	for t in $(FUZZ_TARGETS); do \
	  nice -n 10 cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -print_final_stats=1 || exit 1; \
	done

## Size of both wasm modules, raw and gzip -9.
size: pkg pkg-sheet
	@for f in pkg/jingning_policy_bg.wasm pkg-sheet/jingning_sheet_bg.wasm; do \
	  echo "$$(basename $$f): $$(stat -c %s $$f) bytes raw, $$(gzip -9c $$f | wc -c) bytes gzip -9"; done

## Where the page's main wasm module's bytes go (docs/size.md): twiggy on the module as Cargo built
## it (names kept; wasm-bindgen and wasm-opt then shrink it further). Not part of `make test`.
size-profile: pkg
	scripts/ensure-tools.sh size
	twiggy top -n 40 target/wasm32-unknown-unknown/$(MAIN_PROFILE)/jingning_policy.wasm
	twiggy dominators -d 3 -r 60 target/wasm32-unknown-unknown/$(MAIN_PROFILE)/jingning_policy.wasm

clean:
	cargo clean
	rm -rf pkg pkg-sheet dist test-results playwright-report jingning-policy-*.tgz
