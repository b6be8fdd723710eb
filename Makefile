# One entry point for every test. `make test` is what CI runs (through .ci/run): formatting,
# lints and docs, the Rust tests, the Python binding (wheel, pytest, notebook, stubtest), the
# WebAssembly package (Node tests) and the web form in headless Chromium, the release files
# built (`dist`) and tested as installed (`test-dist`), and a short fuzz run.
# Each script installs what it needs and skips what is already there.
SHELL := /bin/bash

.PHONY: test test-rust test-python test-wasm test-fuzz dist test-dist lint example check-example finance bench web-form

test: lint test-rust test-python test-wasm dist test-dist test-fuzz

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

test-rust:
	cargo test --workspace

test-python:
	scripts/test-python.sh

test-wasm:
	scripts/test-wasm.sh

# The release files in dist/: the Python wheel and sdist, the npm package, the crate, SHA256SUMS.
dist:
	scripts/dist.sh

# The release files installed as a user installs them, away from the source tree (a fresh
# virtualenv without Rust, an empty npm folder and a browser page, a program using the crate).
test-dist: dist
	scripts/test-dist.sh

# 10 seconds per fuzz target; `scripts/fuzz.sh 600` for a long run.
test-fuzz:
	scripts/fuzz.sh 10

example:
	cargo run --example annual_report

check-example:
	cargo run --example check_report

finance:
	cargo run --example finance

# Every speed, size and memory figure of the README: Rust (grading, checker, parser, memory),
# Python (bulk grading against pure Python, import time), WebAssembly (size, grading in Node)
# and the web form in headless Chromium (start, regrade, opening a report).
bench:
	cargo bench -p finsam-benches
	scripts/bench-bindings.sh

web-form:
	scripts/serve-web-form.sh
