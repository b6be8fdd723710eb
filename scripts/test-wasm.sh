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

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

scripts/build-wasm.sh --with-test-build

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

log "running the Node tests and the end-to-end test"
node --test finsam-wasm/tests/*.test.mjs examples/web-form/*.test.mjs
