#!/usr/bin/env bash
# Builds the WebAssembly package of finsam into finsam-wasm/pkg/ (Node and browser builds),
# installing what it needs first: the wasm32 target and wasm-bindgen-cli of the exact version
# the crate pins. Idempotent: a warm re-run only rebuilds what changed.
#
#   scripts/build-wasm.sh                   # the package, finsam-wasm/pkg/
#   scripts/build-wasm.sh --with-test-build # also a Node build with test-only entry points,
#                                           # in target/wasm-test/node/ (never in pkg/)
#
# Environment: FINSAM_TOOLS (default ~/.cache/finsam-tools) is where wasm-bindgen-cli goes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WASM_BINDGEN_VERSION="0.2.130"
TARGET="wasm32-unknown-unknown"
TOOLS="${FINSAM_TOOLS:-$HOME/.cache/finsam-tools}"
WASM_BINDGEN="$TOOLS/bin/wasm-bindgen"
PKG="$ROOT/finsam-wasm/pkg"
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
#    fails (see TOOLCHAIN.md).
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

# 2. wasm-bindgen-cli, exactly the version of the wasm-bindgen crate (the two must match).
if [ -x "$WASM_BINDGEN" ] && [ "$("$WASM_BINDGEN" --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  :
else
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $TOOLS (takes a few minutes)"
  # Without --locked: its lockfile wants a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
fi

# 3. Compile. The wasm builds get target directories of their own, so that the size settings
#    below (set through the environment: the workspace's profiles are shared) never touch the
#    native builds' cache.
cargo_wasm() { # cargo_wasm TARGET_DIR ARGS...
  local target_dir="$1"
  shift
  if [ "$USE_DEBIAN_RUST" = 1 ]; then
    CARGO_TARGET_DIR="$target_dir" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
      /usr/bin/cargo build --target "$TARGET" -p finsam-wasm -Zbuild-std=std,panic_abort "$@"
  else
    CARGO_TARGET_DIR="$target_dir" cargo build --target "$TARGET" -p finsam-wasm "$@"
  fi
}

log "compiling finsam-wasm for $TARGET (release, size-optimised)"
# opt-level "z" with LTO and one codegen unit: about 380 KB instead of 700 KB at the
# default opt-level 3 without LTO.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_DEBUG=false \
  cargo_wasm "$ROOT/target/wasm" --release
WASM="$ROOT/target/wasm/$TARGET/release/finsam_wasm.wasm"

# 4. Generate the JS glue for both targets and assemble the package. Built beside pkg/ and
#    moved into place at the end, so an interrupted run never leaves half a package.
STAGE="$ROOT/target/wasm/pkg.staging"
rm -rf "$STAGE"
mkdir -p "$STAGE"
for target in nodejs web; do
  case "$target" in nodejs) out="$STAGE/node" ;; web) out="$STAGE/web" ;; esac
  "$WASM_BINDGEN" --target "$target" --remove-name-section --remove-producers-section \
    --out-dir "$out" "$WASM"
  # Only for bundlers that import the .wasm as a module; neither target does, and it would
  # put wasm-level `any` types into the package.
  rm -f "$out/finsam_wasm_bg.wasm.d.ts"
done
# The web build's `InitOutput` lists the raw wasm exports, whose externref parameters
# wasm-bindgen declares as `any`; `unknown` says the same without opting out of type checks
# (the package's declarations must not use `any`: finsam-wasm/tests/package.test.mjs).
sed -i '/^export interface InitOutput {/,/^}/ s/\b\([a-z]\): any\b/\1: unknown/g' "$STAGE/web/finsam_wasm.d.ts"
# The Node build is CommonJS, the web build an ES module: each folder says so for Node.
echo '{ "type": "commonjs" }' >"$STAGE/node/package.json"
echo '{ "type": "module" }' >"$STAGE/web/package.json"

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
sed "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" "$TEMPLATE/package.json" >"$STAGE/package.json"
cp "$TEMPLATE/README.md" "$STAGE/README.md"

rm -rf "$PKG"
mv "$STAGE" "$PKG"

# 5. The test build: the same crate with the `test-panic` feature, a debug build for speed.
if [ "$WITH_TEST_BUILD" = 1 ]; then
  log "compiling the test build (feature test-panic)"
  cargo_wasm "$ROOT/target/wasm-test" --features test-panic
  TEST_OUT="$ROOT/target/wasm-test/node"
  rm -rf "$TEST_OUT"
  "$WASM_BINDGEN" --target nodejs --out-dir "$TEST_OUT" "$ROOT/target/wasm-test/$TARGET/debug/finsam_wasm.wasm"
  echo '{ "type": "commonjs" }' >"$TEST_OUT/package.json"
fi

RAW=$(wc -c <"$PKG/web/finsam_wasm_bg.wasm")
GZ=$(gzip -9 -c "$PKG/web/finsam_wasm_bg.wasm" | wc -c)
echo "finsam-wasm: built $PKG (version $VERSION)"
echo "finsam-wasm: finsam_wasm_bg.wasm is $RAW bytes raw, $GZ bytes gzipped (gzip -9)"
