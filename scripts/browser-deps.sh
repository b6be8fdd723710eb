#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: finsam-wasm's npm dev dependencies
# (playwright-core, typescript, axe-core, pinned in finsam-wasm/package-lock.json: `npm ci` only
# when an installed version differs from the pinned one or is absent) and Debian's Chromium
# (npm's own browser downloads do not work here, docs/toolchain.md). Prints the path of
# Chromium (FINSAM_CHROMIUM, default /usr/bin/chromium) on stdout. Used by scripts/test-wasm.sh
# and scripts/test-dist.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "browser-deps: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

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
  (cd finsam-wasm && npm ci --no-audit --no-fund) >&2
fi

CHROMIUM="${FINSAM_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  log "installing chromium"
  as_root apt-get update >&2
  as_root apt-get install -y chromium >&2
fi
echo "$CHROMIUM"
