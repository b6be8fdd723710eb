#!/usr/bin/env bash
# Builds the release files, what a user installs, into dist/ (git-ignored):
#
#   finsam-VERSION-cp39-abi3-manylinux….whl  the Python package (`import finsam`, the `finsam`
#                                           command): one abi3 wheel for CPython >= 3.9 on
#                                           Linux x86_64 (manylinux2014), installed without Rust
#   finsam-VERSION.tar.gz                   its sdist (the binding's and finsam-core's sources)
#   finsam-VERSION.tgz                      the npm package (`npm pack` of finsam-wasm/pkg/)
#   finsam-core-VERSION.crate               the Rust crate (`cargo package -p finsam-core`)
#   SHA256SUMS                              the checksums of the four (`sha256sum -c SHA256SUMS`)
#
# VERSION is the workspace's `version` in the root Cargo.toml, the one version of every file.
# Run from anywhere, on a clean clone too: it installs what it needs first (maturin, in the
# version range of finsam-py/pyproject.toml's build-system, and ziglang from PyPI, into a
# virtualenv of its own; the WebAssembly tools through scripts/build-wasm.sh), skipping what is
# there, and a warm re-run only rebuilds what changed. Every step's output goes to a log under
# $CARGO_TARGET_DIR/dist-logs/ (else target/dist-logs/), whose end is shown when the step fails.
#
# Environment: FINSAM_TOOLS (default ~/.cache/finsam-tools) is where the build virtualenv
# (dist-venv/) goes, as the WebAssembly tools do.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "dist: $*" >&2; }

TARGET_ROOT="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_ROOT" in /*) ;; *) TARGET_ROOT="$ROOT/$TARGET_ROOT" ;; esac
TOOLS="${FINSAM_TOOLS:-$HOME/.cache/finsam-tools}"
VENV="$TOOLS/dist-venv"
LOGS="$TARGET_ROOT/dist-logs"
STAGE="$TARGET_ROOT/dist.staging"
DIST="$ROOT/dist"
# Zig links the wheel against glibc 2.17 (manylinux2014) whatever the build machine has. Pinned:
# maturin drives zig's command line, which changes between zig releases.
ZIGLANG_VERSION="0.17.1"
mkdir -p "$LOGS"

# step NAME COMMAND...: runs the command with its output in $LOGS/NAME.log; on failure shows
# the log's end and says where the whole log is.
step() {
  local name="$1"
  shift
  local file="$LOGS/$name.log"
  local started=$SECONDS
  if ! "$@" >"$file" 2>&1; then
    tail -n 40 "$file" >&2
    log "step '$name' failed: $* (full log: $file)"
    exit 1
  fi
  log "$name done in $((SECONDS - started)) s"
}

# The version: finsam-core's, which is the workspace's (cargo metadata reads the root Cargo.toml).
VERSION="$(cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
print({p["name"]: p["version"] for p in json.load(sys.stdin)["packages"]}["finsam-core"])')"
log "version $VERSION"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  log "warning: the working tree has uncommitted changes; the files are built from them"
fi

# 1. The build tools: maturin (the range of the build-system's requirement) and ziglang, in a
#    virtualenv of their own. pip skips what is installed and satisfies the requirement.
MATURIN_REQUIREMENT="$(python3 - <<'PY'
import re
text = open("finsam-py/pyproject.toml", encoding="utf-8").read()
match = re.search(r'^requires\s*=\s*\[\s*"(maturin[^"]*)"', text, flags=re.M)
print(match.group(1) if match else "")
PY
)"
if [ -z "$MATURIN_REQUIREMENT" ]; then
  log "finsam-py/pyproject.toml's [build-system] requires names no maturin"
  exit 1
fi
install_tools() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --disable-pip-version-check \
    "$MATURIN_REQUIREMENT" "ziglang==$ZIGLANG_VERSION" auditwheel
}
step tools install_tools
# maturin finds zig as `python -m ziglang` of the first python on PATH.
export PATH="$VENV/bin:$PATH"

rm -rf "$STAGE"
mkdir -p "$STAGE"

# 2. The wheel: release build linked by zig for glibc 2.17, one abi3 wheel for CPython >= 3.9.
#    auditwheel then says which manylinux policy the binary meets; it must be the wheel's.
step wheel bash -c 'cd finsam-py && maturin build --release --zig --compatibility manylinux2014 --out "$1"' _ "$STAGE"
WHEELS=("$STAGE"/finsam-"$VERSION"-*.whl)
if [ "${#WHEELS[@]}" != 1 ] || [ ! -f "${WHEELS[0]}" ]; then
  log "expected one wheel finsam-$VERSION-*.whl in $STAGE, found: $(ls "$STAGE")"
  exit 1
fi
step auditwheel auditwheel show "${WHEELS[0]}"
if ! tr -s ' \n' '  ' <"$LOGS/auditwheel.log" | grep -q 'constrains the platform tag to "manylinux_2_17_x86_64"'; then
  cat "$LOGS/auditwheel.log" >&2
  log "auditwheel does not place ${WHEELS[0]##*/} under manylinux_2_17 (log: $LOGS/auditwheel.log)"
  exit 1
fi

# 3. The sdist: finsam-py with the path dependency finsam-core, as maturin lays out a workspace.
step sdist bash -c 'cd finsam-py && maturin sdist --out "$1"' _ "$STAGE"

# 4. The npm package: the built package of finsam-wasm/pkg/, packed as npm publishes it.
step wasm scripts/build-wasm.sh
PKG_VERSION="$(node -p 'require("./finsam-wasm/pkg/package.json").version')"
if [ "$PKG_VERSION" != "$VERSION" ]; then
  log "finsam-wasm/pkg/package.json has version $PKG_VERSION, the workspace $VERSION"
  exit 1
fi
step npm-pack npm pack ./finsam-wasm/pkg --pack-destination "$STAGE" --no-audit --no-fund

# 5. The crate: packaged and checked as crates.io would take it (a dry run uploads nothing),
#    and its documentation as docs.rs builds it (every feature, warnings as errors). Both
#    package and verify in $TARGET_ROOT/package/; the dry run reuses that build.
DIRTY=()
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  DIRTY=(--allow-dirty)
fi
step crate-docs env RUSTDOCFLAGS="-D warnings" cargo doc -p finsam-core --all-features --no-deps
step crate-package cargo package -p finsam-core --locked "${DIRTY[@]}"
step crate-publish-dry-run cargo publish --dry-run -p finsam-core --locked "${DIRTY[@]}"
cp "$TARGET_ROOT/package/finsam-core-$VERSION.crate" "$STAGE/"

# 6. Exactly the four files, then their checksums.
EXPECTED=("${WHEELS[0]##*/}" "finsam-$VERSION.tar.gz" "finsam-$VERSION.tgz" "finsam-core-$VERSION.crate")
for file in "${EXPECTED[@]}"; do
  if [ ! -f "$STAGE/$file" ]; then
    log "missing $file in $STAGE (found: $(ls "$STAGE"))"
    exit 1
  fi
done
if [ "$(ls "$STAGE" | wc -l)" != "${#EXPECTED[@]}" ]; then
  log "unexpected files in $STAGE: $(ls "$STAGE")"
  exit 1
fi
(cd "$STAGE" && sha256sum "${EXPECTED[@]}" >SHA256SUMS)

rm -rf "$DIST"
mv "$STAGE" "$DIST"
log "built $DIST:"
(cd "$DIST" && ls -l "${EXPECTED[@]}" SHA256SUMS | awk '{ printf "  %10d  %s\n", $5, $9 }') >&2
