#!/usr/bin/env bash
# Builds the release dist/: the shell (home page) and one wasm per calculator
# page, joined by scripts/assemble.mjs so that a visitor downloads the wasm
# of the page they open and not the other three. Installs what is missing
# first (scripts/tools.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
# One wasm per calculator page: the pages are Cargo.toml's default features,
# but for `home`, the shell's own page.
read -r -a FEATURES <<< "$(sed -n 's/^default = \[\(.*\)\]/\1/p' Cargo.toml | tr -d '",')"
PAGES=()
for feature in "${FEATURES[@]}"; do
  [ "$feature" = home ] || PAGES+=("$feature")
done
[ "${#PAGES[@]}" -gt 0 ] || { echo "no calculator among Cargo.toml's default features" >&2; exit 1; }
log "release build: the shell (home page)"
trunk build --release --no-default-features --features home
for page in "${PAGES[@]}"; do
  log "release build: #/$page"
  trunk build --release --no-default-features --features "$page" --dist "target/pages/$page"
done
node scripts/assemble.mjs dist target/pages "${PAGES[@]}"
