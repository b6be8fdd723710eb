#!/usr/bin/env bash
# Serves the web form (examples/web-form/) on http://127.0.0.1:PORT/ (default 8080; PORT=0
# picks a free port), with the WebAssembly package from finsam-wasm/pkg/ under /pkg/. Builds
# the package first when it is not there. Ctrl-C stops the server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ ! -f finsam-wasm/pkg/web/finsam_wasm.js ]; then
  scripts/build-wasm.sh
fi
exec node examples/web-form/serve.mjs --port "${PORT:-8080}"
