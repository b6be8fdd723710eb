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

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

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

# npm dev dependencies (playwright-core, typescript, axe-core): `npm ci` only when an installed version
# differs from the pinned one or is absent.
deps_installed() {
  (cd finsam-wasm && node -e '
    const { devDependencies } = require("./package.json");
    for (const [name, version] of Object.entries(devDependencies)) {
      let installed;
      try { installed = require(`${name}/package.json`).version; } catch { process.exit(1); }
      if (installed !== version) process.exit(1);
    }')
}
if ! deps_installed; then
  log "installing the npm dev dependencies (npm ci)"
  (cd finsam-wasm && npm ci --no-audit --no-fund)
fi

# Chromium from Debian: npm's own browser downloads do not work here (docs/toolchain.md).
CHROMIUM="${FINSAM_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  log "installing chromium"
  as_root apt-get update
  as_root apt-get install -y chromium
fi
export FINSAM_CHROMIUM="$CHROMIUM"
if [ "$BUILD_ONLY" = 1 ]; then
  exit 0
fi

log "running the Node tests and the end-to-end test"
node --test finsam-wasm/tests/*.test.mjs examples/web-form/*.test.mjs
