# Two commands matter (see README): `make serve` and `make test`. Everything they need is
# installed by scripts/ensure-tools.sh, only when missing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_FEATURES := --no-default-features --features wasm
PORT ?= 8080

.PHONY: serve test dist pkg tools test-tools test-native test-wasm-node test-wasm-chrome test-e2e screenshots typecheck bench bench-browser size clean

## Build the page with the built-in default rules and serve it on http://127.0.0.1:$(PORT)/
serve: dist
	python3 scripts/serve.py dist --port $(PORT)

## Run every test: native, wasm in Node, wasm in headless Chromium, end-to-end in Chromium.
test: test-tools
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm-node
	$(MAKE) --no-print-directory test-wasm-chrome
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory typecheck
	$(MAKE) --no-print-directory test-e2e
	@echo "suites: 6 passed, 0 failed"

tools:
	scripts/ensure-tools.sh build

test-tools:
	scripts/ensure-tools.sh test

## wasm-pack's output (release, optimised with binaryen's wasm-opt from npm).
pkg: tools
	wasm-pack build --target web --release --mode no-install --out-dir pkg -- $(WASM_FEATURES)

## Self-contained static folder: page + wasm + JS, relative paths only.
dist: pkg
	scripts/build-dist.sh

test-native:
	cargo test --all-targets

test-wasm-node:
	wasm-pack test --node --mode no-install -- $(WASM_FEATURES) --test wasm_node

test-wasm-chrome:
	wasm-pack test --headless --chrome --mode no-install -- $(WASM_FEATURES) --test wasm_browser

## The checked-in TypeScript types must match what wasm-bindgen generates, and type-check.
typecheck:
	scripts/check-types.sh

test-e2e:
	npx playwright test

## Refresh the README's screenshots of the page (docs/screenshots/); not part of `make test`.
screenshots: dist
	SCREENSHOTS=1 npx playwright test screenshots

## Benchmarks (figures go in docs/benchmarks.md; never asserted in tests).
bench:
	cargo bench

## The village engine timed in Chromium on the built page (prints figures, asserts nothing).
bench-browser: dist
	node scripts/bench-browser.mjs

## Size of the page's wasm module, raw and gzip -9.
size: pkg
	@raw=$$(stat -c %s pkg/jingning_policy_bg.wasm); gz=$$(gzip -9c pkg/jingning_policy_bg.wasm | wc -c); \
	echo "jingning_policy_bg.wasm: $$raw bytes raw, $$gz bytes gzip -9"

clean:
	cargo clean
	rm -rf pkg dist test-results playwright-report
