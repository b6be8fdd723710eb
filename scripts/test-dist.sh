#!/usr/bin/env bash
# Tests the release files of dist/ (scripts/dist.sh, `make dist`) installed as a user installs
# them, each away from the source tree:
#
#   1. the checksums: `sha256sum -c SHA256SUMS` in dist/, over every file there;
#   2. the sdist: it holds what a build needs, and pip builds a wheel from it that holds the
#      release wheel's Python package (examples/installed/check_sdist.py);
#   3. the wheel: a fresh virtualenv whose PATH has no cargo, rustc or maturin, the wheel
#      installed with `pip install --no-index`, then, with that virtualenv's python,
#      examples/installed/test_wheel.py (the installed package and the `finsam` command, the
#      README's command lines with their exit codes) and the binding's README and command tests
#      (finsam-py/tests/test_readme.py, test_cli.py, test_version.py). The README's examples
#      also want pandas, matplotlib, openpyxl and python-docx, and the tests pytest: those come
#      from PyPI into a second virtualenv, kept between runs, that the fresh one sees;
#   4. the npm package: `npm install` of the tarball into an empty folder, and
#      examples/installed/package.test.mjs run from that folder (the package README's examples in
#      Node, and a `<script type="module">` page in headless Chromium);
#   5. the crate: a scratch program depending on the unpacked .crate runs the README's Rust
#      examples (examples/installed/rust_example.py).
#
# The work goes to $CARGO_TARGET_DIR/dist-test/ (else target/dist-test/), each step's output to
# a log in $CARGO_TARGET_DIR/dist-logs/, whose end is shown when the step fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "test-dist: $*" >&2; }

TARGET_ROOT="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_ROOT" in /*) ;; *) TARGET_ROOT="$ROOT/$TARGET_ROOT" ;; esac
DIST="$ROOT/dist"
WORK="$TARGET_ROOT/dist-test"
LOGS="$TARGET_ROOT/dist-logs"
mkdir -p "$WORK" "$LOGS"

# step NAME COMMAND...: as in scripts/dist.sh, and the runner's summary when it passes.
step() {
  local name="$1"
  shift
  local file="$LOGS/test-$name.log"
  local started=$SECONDS
  if ! "$@" >"$file" 2>&1; then
    tail -n 60 "$file" >&2
    log "step '$name' failed: $* (full log: $file)"
    exit 1
  fi
  log "$name passed in $((SECONDS - started)) s: $(summary "$file")"
}

# The line that sums a step's log up: node's test counts, else its last line (pytest's).
summary() {
  local counts
  counts="$(grep -E '^# (tests|pass|fail) [0-9]+$' "$1" | sed 's/^# //' | paste -sd ',' | sed 's/,/, /g')"
  if [ -n "$counts" ]; then echo "$counts"; else grep -v '^\s*$' "$1" | tail -n 1; fi
}

VERSION="$(cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
print({p["name"]: p["version"] for p in json.load(sys.stdin)["packages"]}["finsam-core"])')"
WHEEL=("$DIST"/finsam-"$VERSION"-*.whl)
for file in "${WHEEL[0]}" "$DIST/finsam-$VERSION.tar.gz" "$DIST/finsam-$VERSION.tgz" "$DIST/finsam-core-$VERSION.crate" "$DIST/SHA256SUMS"; do
  if [ ! -f "$file" ]; then
    log "$file is missing: run \`make dist\` (scripts/dist.sh) first"
    exit 1
  fi
done

# 1. Every file of dist/ is listed in SHA256SUMS, and each checksum holds.
check_sums() (
  cd "$DIST"
  sha256sum -c SHA256SUMS
  listed="$(awk '{ print $2 }' SHA256SUMS | sort)"
  present="$(ls | grep -vx SHA256SUMS | sort)"
  if [ "$listed" != "$present" ]; then
    echo "SHA256SUMS lists: $listed"
    echo "dist/ holds: $present"
    return 1
  fi
  echo "$(echo "$listed" | wc -l) files, each as SHA256SUMS says"
)
step checksums check_sums

# 2. The sdist, built by pip with the maturin of scripts/dist.sh's tools (no build isolation:
#    no second download of maturin) into the target directory the other builds share.
TOOLS_PYTHON="${FINSAM_TOOLS:-$HOME/.cache/finsam-tools}/dist-venv/bin/python"
if [ ! -x "$TOOLS_PYTHON" ]; then
  log "no $TOOLS_PYTHON (scripts/dist.sh installs maturin there): run \`make dist\` first"
  exit 1
fi
step sdist env CARGO_TARGET_DIR="$TARGET_ROOT" PATH="$(dirname "$TOOLS_PYTHON"):$PATH" \
  python3 examples/installed/check_sdist.py "$DIST/finsam-$VERSION.tar.gz" "$WORK/sdist" "$TOOLS_PYTHON" "${WHEEL[0]}"

# 3. The wheel, in a fresh virtualenv without Rust. The PATH keeps only the folders that hold
#    none of cargo, rustc, rustup and maturin.
CLEAN_PATH=""
IFS=: read -r -a PATH_DIRS <<<"$PATH"
for dir in "${PATH_DIRS[@]}"; do
  if [ -z "$dir" ] || [ -e "$dir/cargo" ] || [ -e "$dir/rustc" ] || [ -e "$dir/rustup" ] || [ -e "$dir/maturin" ]; then
    continue
  fi
  CLEAN_PATH="${CLEAN_PATH:+$CLEAN_PATH:}$dir"
done
VENV="$WORK/venv"
# What the README's examples and the tests use beyond the package (not the wheel's
# requirements: it has none) lives in a virtualenv of its own that is kept between runs, and
# the fresh one sees it through a .pth file: installing and deleting pandas and matplotlib
# anew takes most of a minute. finsam itself is only ever installed into the fresh one.
DEPS="$WORK/python-deps"
# The environment of the wheel's tests: no cargo, no Rust homes, no virtualenv or build
# variables of this shell.
without_rust() {
  env -u CARGO -u CARGO_TARGET_DIR -u RUSTC -u RUSTDOC -u RUSTFLAGS -u RUSTUP_TOOLCHAIN \
    -u PYO3_PYTHON -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME \
    CARGO_HOME=/nonexistent/cargo RUSTUP_HOME=/nonexistent/rustup PATH="$VENV/bin:$CLEAN_PATH" "$@"
}
site_packages() { "$1/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }
install_wheel() {
  rm -rf "$VENV"
  if [ ! -x "$DEPS/bin/python" ]; then
    without_rust python3 -m venv "$DEPS"
  fi
  # pip skips what is installed (no index is asked then).
  without_rust "$DEPS/bin/python" -m pip install --disable-pip-version-check pytest pandas matplotlib openpyxl python-docx
  if [ -e "$(site_packages "$DEPS")/finsam" ]; then
    echo "$DEPS has a finsam of its own"
    return 1
  fi
  without_rust python3 -m venv "$VENV"
  site_packages "$DEPS" >"$(site_packages "$VENV")/finsam-test-deps.pth"
  without_rust "$VENV/bin/python" -m pip install --disable-pip-version-check --no-index "${WHEEL[0]}"
}
step wheel-install install_wheel
run_wheel_tests() (
  # From an empty folder, so that nothing beside the tests can be imported as `finsam`.
  mkdir -p "$WORK/python"
  cd "$WORK/python"
  without_rust FINSAM_DIST="$DIST" FINSAM_VERSION="$VERSION" MPLBACKEND=Agg \
    "$VENV/bin/python" -m pytest -p no:cacheprovider -q \
    "$ROOT/examples/installed/test_wheel.py" \
    "$ROOT/finsam-py/tests/test_readme.py" \
    "$ROOT/finsam-py/tests/test_cli.py" \
    "$ROOT/finsam-py/tests/test_version.py"
)
step wheel run_wheel_tests

# 4. The npm package, in an empty folder: nothing but the tarball, installed without the
#    registry (the package has no dependencies). The browser test drives playwright-core from
#    finsam-wasm's dev dependencies and Debian's Chromium (installed when missing).
FINSAM_CHROMIUM="$(scripts/browser-deps.sh)"
export FINSAM_CHROMIUM
NPM_DIR="$WORK/npm"
install_npm() (
  rm -rf "$NPM_DIR"
  mkdir -p "$NPM_DIR"
  cd "$NPM_DIR"
  npm install --no-audit --no-fund --offline "$DIST/finsam-$VERSION.tgz"
  cp "$ROOT/examples/installed/package.test.mjs" "$NPM_DIR/"
)
step npm-install install_npm
run_npm_tests() (
  cd "$NPM_DIR"
  FINSAM_SOURCE="$ROOT" FINSAM_VERSION="$VERSION" node --test package.test.mjs
)
step npm run_npm_tests

# 5. The crate, as another program's dependency.
step crate python3 examples/installed/rust_example.py "$DIST/finsam-core-$VERSION.crate" "$WORK/rust"

log "the release files of $DIST work as installed"
