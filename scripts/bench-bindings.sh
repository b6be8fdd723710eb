#!/usr/bin/env bash
# The bindings' benchmarks (the Rust ones are `cargo bench -p finsam-benches`): builds the Python
# module into .venv and the WebAssembly package (installing what is missing, as the test scripts
# do), then runs benches/python/grading.py (bulk grading against pure Python, import time),
# benches/python/reading.py (reading and checking the 2014 appendix, and ten times as much) and
# benches/wasm/grading.mjs (.wasm size, grading one intervention in Node).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/test-python.sh --build-only
.venv/bin/python benches/python/grading.py
.venv/bin/python benches/python/reading.py
scripts/build-wasm.sh
node benches/wasm/grading.mjs
