#!/usr/bin/env bash
# Builds the release dist/ and prints its size and speed (scripts/bench.mjs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"
bash scripts/build.sh
node scripts/bench.mjs
