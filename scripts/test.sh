#!/usr/bin/env bash
# Runs every test of Tally: formatting and lints, native tests (maths,
# parser, link codec, property tests), browser tests (wasm-bindgen-test in
# headless Chromium), and end-to-end tests (Playwright) against the release
# dist/ served under a sub-path with the README's CSP. Installs what is
# missing first; a second run installs nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver
# wasm-bindgen-test-runner gives ChromeDriver 5 s to bind its port, then
# fails the run: on a busy 2-core CI machine that was once not enough.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"

log "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

log "native tests"
cargo test

log "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

log "release build (scripts/build.sh)"
bash scripts/build.sh

# The README says the same commit builds the same files: a second build
# (cargo's part is cached; wasm-bindgen, wasm-opt, the minifiers and the
# assembly run again) must match the first byte for byte.
log "the same files again: a second release build, compared with dist/"
bash scripts/build.sh target/rebuilt
if ! diff -r --brief dist target/rebuilt; then
  log "a second build of the same commit gave other files (above)"
  exit 1
fi

log "end-to-end tests (Playwright, Debian Chromium)"
npx playwright test
