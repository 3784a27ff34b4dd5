#!/usr/bin/env bash
# Builds the release dist/: the shell (home page) and one wasm per calculator
# page, joined by scripts/assemble.mjs so that a visitor downloads the wasm
# of the page they open and not the other three. Installs what is missing
# first (scripts/tools.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
PAGES=(unit-economics roi compensation equity)
log "release build: the shell (home page)"
trunk build --release --no-default-features
for page in "${PAGES[@]}"; do
  log "release build: #/$page"
  trunk build --release --no-default-features --features "$page" --dist "target/pages/$page"
done
node scripts/assemble.mjs dist target/pages "${PAGES[@]}"
