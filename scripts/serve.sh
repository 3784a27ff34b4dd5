#!/usr/bin/env bash
# Builds Tally (release, one wasm per page: scripts/build.sh) and serves
# dist/ on localhost under /tally/, the way a static host's sub-folder
# would, with the README's Content-Security-Policy. Installs what is
# missing on first use (see scripts/tools.sh); a second run installs nothing.
# (For quick UI work, `trunk serve` builds one wasm with every page and
# rebuilds on save.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
bash scripts/build.sh
PORT=${PORT:-8080}
log "Tally is at http://127.0.0.1:$PORT/tally/#/unit-economics (Ctrl-C to stop)"
exec node tests/e2e/server.mjs "$PORT" dist
