#!/usr/bin/env bash
# The bindings' benchmarks (the Rust ones are `cargo bench -p finsam-benches`): builds the Python
# module into .venv and the WebAssembly package (installing what is missing, as the test scripts
# do), then runs benches/python/grading.py (bulk grading against pure Python, import time),
# benches/python/reading.py (reading and checking the 2014 appendix, and ten times as much),
# benches/wasm/grading.mjs (.wasm size, grading one intervention in Node) and
# benches/wasm/web-form.mjs (the web form in headless Chromium: start, regrade, opening a
# report; it needs the npm dev dependencies and Chromium, which scripts/test-wasm.sh installs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/test-python.sh --build-only
.venv/bin/python benches/python/grading.py
.venv/bin/python benches/python/reading.py
scripts/test-wasm.sh --build-only
node benches/wasm/grading.mjs
node benches/wasm/web-form.mjs
