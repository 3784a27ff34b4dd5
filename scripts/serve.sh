#!/usr/bin/env bash
# Builds Tally (release) and serves it on localhost. Installs what is missing
# on first use (see scripts/tools.sh); a second run installs nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
PORT=${PORT:-8080}
log "Tally will be at http://127.0.0.1:$PORT/#/unit-economics (Ctrl-C to stop)"
exec trunk serve --release --port "$PORT" --address 127.0.0.1
