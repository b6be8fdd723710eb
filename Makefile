# One entry point for every test. `make test` is what CI runs (through .ci/run).
SHELL := /bin/bash

.PHONY: test test-rust lint example bench

test: lint test-rust

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace

example:
	cargo run --example annual_report

bench:
	cargo bench -p finsam-benches
