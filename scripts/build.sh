#!/usr/bin/env bash
# Builds the release dist/: the shell (home page) and one wasm per calculator
# page, joined by scripts/assemble.mjs so that a visitor downloads the wasm
# of the page they open and not the other three. Installs what is missing
# first (scripts/tools.sh).
#
# Usage: scripts/build.sh [dist folder]  (default dist/; scripts/test.sh
# builds a second time into another folder and compares the two)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
OUT="${1:-dist}"
# One wasm per calculator page: the pages are Cargo.toml's default features,
# but for `home`, the shell's own page.
read -r -a FEATURES <<< "$(sed -n 's/^default = \[\(.*\)\]/\1/p' Cargo.toml | tr -d '",')"
PAGES=()
for feature in "${FEATURES[@]}"; do
  [ "$feature" = home ] || PAGES+=("$feature")
done
[ "${#PAGES[@]}" -gt 0 ] || { echo "no calculator among Cargo.toml's default features" >&2; exit 1; }
# The wasm names no folder of this machine (the crate registry, the Rust
# toolchain, this clone) in its panic messages: the same commit builds the
# same files, under the same names, on any machine and in any folder, and
# tells nobody where it was built. These flags replace those of
# .cargo/config.toml for the target, so its `--cfg erase_components` is
# repeated here.
REGISTRY="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --remap-path-prefix=$REGISTRY=crates --remap-path-prefix=$(rustc --print sysroot)=rust --remap-path-prefix=$ROOT=tally"
# npm's wasm-opt (binaryen compiled to wasm, run by node) once died of a
# SIGSEGV on a wasm it had optimized many times before and optimized again
# at once, 40 times in a row: a build that fails that way is run once more
# (cargo's part is cached). Any other failure stands.
release_build() { # trunk build arguments...
  local out status=0
  out=$(mktemp)
  trunk build --release "$@" 2>&1 | tee "$out" || status=$?
  if [ "$status" -ne 0 ] && grep -q "wasm-opt call.*signal: 11 (SIGSEGV)" "$out"; then
    log "wasm-opt crashed (SIGSEGV): building once more"
    status=0
    trunk build --release "$@" || status=$?
  fi
  rm -f "$out"
  return "$status"
}
log "release build: the shell (home page)"
release_build --no-default-features --features home --dist "$OUT"
for page in "${PAGES[@]}"; do
  log "release build: #/$page"
  release_build --no-default-features --features "$page" --dist "target/pages/$(basename "$OUT")/$page"
done
node scripts/assemble.mjs "$OUT" "target/pages/$(basename "$OUT")" "${PAGES[@]}"
