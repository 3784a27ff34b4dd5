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

log "end-to-end tests (Playwright, Debian Chromium)"
npx playwright test
