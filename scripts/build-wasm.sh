#!/usr/bin/env bash
# Builds the WebAssembly package of finsam into finsam-wasm/pkg/: two modules, `finsam` and
# `finsam/reports`, each its own .wasm, each with a Node and a browser build. It installs what
# it needs first: the wasm32 target and the standard library's source,
# wasm-bindgen-cli of the exact version the crate pins, and Binaryen's wasm-opt (npm package
# `binaryen`, pinned). Idempotent: a warm re-run only rebuilds what changed.
#
# Size: each .wasm is built with opt-level "z" and LTO, then shrunk with wasm-opt
# (steps 4 and 5), and the standard library is compiled from source for size (unstable
# `-Zbuild-std`, about 5 KB less gzipped; FINSAM_WASM_BUILD_STD=0 uses the prebuilt one, and
# the build falls back to it by itself when rust-src or -Zbuild-std is not available).
#
#   scripts/build-wasm.sh                   # the package, finsam-wasm/pkg/
#   scripts/build-wasm.sh --with-test-build # also a Node build with test-only entry points,
#                                           # in $CARGO_TARGET_DIR/wasm-test/node/ (never in pkg/)
#
# Environment: FINSAM_TOOLS (default ~/.cache/finsam-tools) is where wasm-bindgen-cli and
# wasm-opt go. FINSAM_WASM_OPT=0 skips wasm-opt (a quicker build; the .wasm gets about 5 %
# larger gzipped).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The wasm-bindgen crate is pinned once, in finsam-wasm/Cargo.toml (`=x.y.z`); the CLI must be
# the same version, read here from Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "build-wasm.sh: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
TARGET="wasm32-unknown-unknown"
TOOLS="${FINSAM_TOOLS:-$HOME/.cache/finsam-tools}"
WASM_BINDGEN="$TOOLS/bin/wasm-bindgen"
BINARYEN_VERSION="132.0.0"
WASM_OPT="$TOOLS/binaryen-$BINARYEN_VERSION/node_modules/.bin/wasm-opt"
PKG="$ROOT/finsam-wasm/pkg"
# The wasm builds go under the target directory cargo would use (CARGO_TARGET_DIR, else
# target/), each in a folder of its own (step 4).
TARGET_ROOT="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_ROOT" in /*) ;; *) TARGET_ROOT="$ROOT/$TARGET_ROOT" ;; esac
TEMPLATE="$ROOT/finsam-wasm/pkg-template"

WITH_TEST_BUILD=0
for arg in "$@"; do
  case "$arg" in
    --with-test-build) WITH_TEST_BUILD=1 ;;
    *) echo "build-wasm.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

log() { echo "build-wasm: $*" >&2; }

# 1. The wasm32 target: rustup first; Debian's own Rust with std built from source if that
#    fails (see docs/toolchain.md).
USE_DEBIAN_RUST=0
if rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  :
elif timeout 300 rustup target add "$TARGET"; then
  log "added the rustup target $TARGET"
else
  log "rustup could not add $TARGET; falling back to Debian's Rust with build-std"
  USE_DEBIAN_RUST=1
  if ! command -v wasm-ld-22 >/dev/null || [ ! -x /usr/bin/cargo ]; then
    apt-get update
    apt-get install -y --no-install-recommends rustc-web cargo-web rust-web-src lld-22
  fi
fi

# 1b. The package's build compiles the standard library from source (step 4), which needs its
#     source: the rust-src component. Without it, the prebuilt standard library is used.
BUILD_STD="${FINSAM_WASM_BUILD_STD:-1}"
if [ "$USE_DEBIAN_RUST" = 1 ] || [ "$BUILD_STD" != 1 ]; then
  :
elif rustup component list --installed 2>/dev/null | grep -qx "rust-src"; then
  :
elif timeout 300 rustup component add rust-src; then
  log "added the rustup component rust-src"
else
  log "rustup could not add rust-src; the package will use the prebuilt standard library"
  BUILD_STD=0
fi

# 2. wasm-bindgen-cli, exactly the version of the wasm-bindgen crate (the two must match).
if [ -x "$WASM_BINDGEN" ] && [ "$("$WASM_BINDGEN" --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  :
else
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $TOOLS (takes a few minutes)"
  # Without --locked: its lockfile wants a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
fi

# 3. wasm-opt from the npm package `binaryen`: a build of Binaryen that runs under Node, so it
#    needs neither root nor a C++ compiler, and the version is pinned (Debian's is far older).
if [ "${FINSAM_WASM_OPT:-1}" = 0 ]; then
  log "FINSAM_WASM_OPT=0: the .wasm will not be optimised by wasm-opt"
elif [ -x "$WASM_OPT" ] && [ "$("$WASM_OPT" --version 2>/dev/null)" = "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  :
else
  if ! command -v npm >/dev/null; then
    log "wasm-opt needs npm (Node.js) to install; install it, or set FINSAM_WASM_OPT=0"
    exit 1
  fi
  log "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS"
  npm install --prefix "$TOOLS/binaryen-$BINARYEN_VERSION" --no-audit --no-fund --no-save \
    "binaryen@$BINARYEN_VERSION" >&2
fi

# 4. Compile. The wasm builds get target directories of their own, so that the size settings
#    below (set through the environment: the workspace's profiles are shared) never touch the
#    native builds' cache.
#    With STD_FROM_SOURCE=1, rustup's Rust also compiles the standard library from source
#    (`-Zbuild-std`, as the Debian route always does; RUSTC_BOOTSTRAP=1 allows the unstable
#    flag on stable Rust): at opt-level "z" and with its `optimize_for_size` feature (smaller,
#    slower variants of sorting and formatting), instead of the prebuilt one, compiled for
#    speed. Same code, same behaviour: about 5 KB less gzipped.
cargo_wasm() { # cargo_wasm TARGET_DIR ARGS...
  local target_dir="$1"
  shift
  if [ "$USE_DEBIAN_RUST" = 1 ]; then
    CARGO_TARGET_DIR="$target_dir" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
      /usr/bin/cargo build --target "$TARGET" -p finsam-wasm -Zbuild-std=std,panic_abort "$@"
  elif [ "${STD_FROM_SOURCE:-0}" = 1 ]; then
    CARGO_TARGET_DIR="$target_dir" RUSTC_BOOTSTRAP=1 cargo build --target "$TARGET" -p finsam-wasm \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "$@"
  else
    CARGO_TARGET_DIR="$target_dir" cargo build --target "$TARGET" -p finsam-wasm "$@"
  fi
}

# opt-level "z" with LTO and one codegen unit: about 380 KB instead of 700 KB at the
# default opt-level 3 without LTO.
cargo_wasm_release() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  CARGO_PROFILE_RELEASE_LTO=true \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo_wasm "$TARGET_ROOT/wasm" --release "$@"
}

# The package's three modules are the same crate built with one feature each: `main` is
# `finsam`, `reports` is `finsam/reports`, `documents` is `finsam/documents` (see
# finsam-wasm/Cargo.toml). Cargo keeps every build, so a warm re-run rebuilds none.
MODULES="main:finsam_wasm reports:finsam_reports documents:finsam_documents"
mkdir -p "$TARGET_ROOT/wasm/modules"
for module in $MODULES; do
  feature="${module%%:*}"
  name="${module#*:}"
  log "compiling finsam-wasm for $TARGET (release, size-optimised, feature $feature)"
  if [ "$USE_DEBIAN_RUST" = 0 ] && [ "$BUILD_STD" = 1 ]; then
    # -Zbuild-std is unstable: should a Rust release break it, the prebuilt library still works.
    if ! STD_FROM_SOURCE=1 cargo_wasm_release --no-default-features --features "$feature"; then
      log "compiling the standard library from source failed; using the prebuilt one (a larger .wasm)"
      cargo_wasm_release --no-default-features --features "$feature"
    fi
  else
    cargo_wasm_release --no-default-features --features "$feature"
  fi
  cp "$TARGET_ROOT/wasm/$TARGET/release/finsam_wasm.wasm" "$TARGET_ROOT/wasm/modules/$name.wasm"
done

# 5. Generate the JS glue of each module for both targets and assemble the package. Built
#    beside pkg/ and moved into place at the end, so an interrupted run never leaves half a
#    package.
STAGE="$TARGET_ROOT/wasm/pkg.staging"
rm -rf "$STAGE"
mkdir -p "$STAGE"
for module in $MODULES; do
  name="${module#*:}"
  for target in nodejs web; do
    case "$target" in nodejs) out="$STAGE/node" ;; web) out="$STAGE/web" ;; esac
    "$WASM_BINDGEN" --target "$target" --remove-name-section --remove-producers-section \
      --out-dir "$out" --out-name "$name" "$TARGET_ROOT/wasm/modules/$name.wasm"
    # Only for bundlers that import the .wasm as a module; neither target does, and it would
    # put wasm-level `any` types into the package.
    rm -f "$out/${name}_bg.wasm.d.ts"
  done
done
# Shrink each .wasm (about 5 % smaller gzipped). Plain `-Oz` would also inline every function
# that has a single caller: the code gets a little smaller, but gzip does much worse on it (a
# quarter larger than without wasm-opt), so that inlining is off. No flag that assumes traps
# never happen (-tnh, -iit): a panic must still reach the hook (src/panic_hook.rs) and trap.
# wasm-bindgen gives both targets the same .wasm: it is optimised once.
gz_size() { gzip -9 -c "$1" | wc -c; }
declare -A RAW_BEFORE GZ_BEFORE
for module in $MODULES; do
  name="${module#*:}"
  web_wasm="$STAGE/web/${name}_bg.wasm"
  node_wasm="$STAGE/node/${name}_bg.wasm"
  RAW_BEFORE[$name]=$(wc -c <"$web_wasm")
  GZ_BEFORE[$name]=$(gz_size "$web_wasm")
  if [ "${FINSAM_WASM_OPT:-1}" != 0 ]; then
    log "optimising $name with wasm-opt"
    optimise() { "$WASM_OPT" -Oz --one-caller-inline-max-function-size=0 --strip-target-features "$1" -o "$1"; }
    SAME_WASM=0
    cmp -s "$node_wasm" "$web_wasm" && SAME_WASM=1
    optimise "$web_wasm"
    if [ "$SAME_WASM" = 1 ]; then
      cp "$web_wasm" "$node_wasm"
    else
      optimise "$node_wasm"
    fi
  fi
done
# The web build's `InitOutput` lists the raw wasm exports, whose externref parameters
# wasm-bindgen declares as `any`; `unknown` says the same without opting out of type checks
# (the package's declarations must not use `any`: finsam-wasm/tests/package.test.mjs).
for module in $MODULES; do
  sed -i '/^export interface InitOutput {/,/^}/ s/\b\([a-z]\): any\b/\1: unknown/g' "$STAGE/web/${module#*:}.d.ts"
done
# The Node build is CommonJS, the web build an ES module: each folder says so for Node.
echo '{ "type": "commonjs" }' >"$STAGE/node/package.json"
echo '{ "type": "module" }' >"$STAGE/web/package.json"

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
sed "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" "$TEMPLATE/package.json" >"$STAGE/package.json"
cp "$TEMPLATE/README.md" "$STAGE/README.md"

rm -rf "$PKG"
mv "$STAGE" "$PKG"

# 6. The test build: the same crate with the `test-panic` feature, a debug build for speed.
if [ "$WITH_TEST_BUILD" = 1 ]; then
  log "compiling the test build (feature test-panic)"
  cargo_wasm "$TARGET_ROOT/wasm-test" --features test-panic
  TEST_OUT="$TARGET_ROOT/wasm-test/node"
  rm -rf "$TEST_OUT"
  "$WASM_BINDGEN" --target nodejs --out-dir "$TEST_OUT" "$TARGET_ROOT/wasm-test/$TARGET/debug/finsam_wasm.wasm"
  echo '{ "type": "commonjs" }' >"$TEST_OUT/package.json"
fi

echo "finsam-wasm: built $PKG (version $VERSION)"
for module in $MODULES; do
  name="${module#*:}"
  RAW=$(wc -c <"$PKG/web/${name}_bg.wasm")
  GZ=$(gz_size "$PKG/web/${name}_bg.wasm")
  echo "finsam-wasm: ${name}_bg.wasm is $RAW bytes raw, $GZ bytes gzipped (gzip -9)"
  if [ "${FINSAM_WASM_OPT:-1}" != 0 ]; then
    echo "finsam-wasm: before wasm-opt it was ${RAW_BEFORE[$name]} bytes raw, ${GZ_BEFORE[$name]} bytes gzipped"
  fi
done
