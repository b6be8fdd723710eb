#!/usr/bin/env bash
# Tests the WebAssembly package and the web form, from the repository root, on a fresh machine
# too: builds the package (scripts/build-wasm.sh, with the test build), installs the npm dev
# dependencies (finsam-wasm/package-lock.json) and Chromium when they are missing, then runs the
# Node tests (finsam-wasm/tests/) and the web form's tests, end to end included
# (examples/web-form/), in one `node --test`.
# Exits non-zero when anything fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "test-wasm: $*" >&2; }

scripts/build-wasm.sh --with-test-build

# The npm dev dependencies (playwright-core, typescript, axe-core) and Chromium, when missing.
FINSAM_CHROMIUM="$(scripts/browser-deps.sh)"
export FINSAM_CHROMIUM

log "running the Node tests and the end-to-end test"
node --test finsam-wasm/tests/*.test.mjs examples/web-form/*.test.mjs
