# One entry point for every test. `make test` is what CI runs (through .ci/run): formatting and
# lints, the Rust tests, the Python binding (wheel, pytest, notebook, stubtest), the WebAssembly
# package (Node tests) and the web form in headless Chromium. Each script installs what it needs
# and skips what is already there.
SHELL := /bin/bash

.PHONY: test test-rust test-python test-wasm lint example check-example bench web-form

test: lint test-rust test-python test-wasm

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace

test-python:
	scripts/test-python.sh

test-wasm:
	scripts/test-wasm.sh

example:
	cargo run --example annual_report

check-example:
	cargo run --example check_report

bench:
	cargo bench -p finsam-benches

web-form:
	scripts/serve-web-form.sh
