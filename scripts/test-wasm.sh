#!/usr/bin/env bash
# Tests the WebAssembly package and the web form, from the repository root, on a fresh machine
# too: builds the package (scripts/build-wasm.sh, with the test build), installs the npm dev
# dependencies (finsam-wasm/package-lock.json) and Chromium when they are missing, then runs the
# Node tests (finsam-wasm/tests/) and the web form's tests, end to end included
# (examples/web-form/), in one `node --test`.
# With --build-only it stops once the package (without the test build), the npm dev
# dependencies and Chromium are there (for the benchmarks: scripts/bench-bindings.sh).
# Exits non-zero when anything fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "test-wasm: $*" >&2; }

BUILD_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --build-only) BUILD_ONLY=1 ;;
    *) echo "test-wasm.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

if [ "$BUILD_ONLY" = 1 ]; then
  scripts/build-wasm.sh
else
  scripts/build-wasm.sh --with-test-build
fi

# The npm dev dependencies (playwright-core, typescript, axe-core) and Chromium, when missing.
FINSAM_CHROMIUM="$(scripts/browser-deps.sh)"
export FINSAM_CHROMIUM
if [ "$BUILD_ONLY" = 1 ]; then
  exit 0
fi

log "running the Node tests and the end-to-end test"
node --test finsam-wasm/tests/*.test.mjs examples/web-form/*.test.mjs
