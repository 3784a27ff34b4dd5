#!/usr/bin/env bash
# Installs the pinned build and test tools into a per-user cache keyed by
# version, outside the clone, so a fresh clone (or CI) on the same machine
# reuses them and a new machine builds them once. Sourced by the other
# scripts; every step is skipped when its tool is already there.
#
# Everything comes from package registries (crates.io, npm, Debian apt):
# Trunk is told never to download (Trunk.toml: offline = true).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${TALLY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/tally-tools}

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4
# wasm-bindgen-cli must equal the wasm-bindgen crate the app links against.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")

log() { printf '\033[1m[tally]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# Cargo builds of the tools themselves: no LTO and many codegen units make
# them about 3x faster to compile and they work the same.
cargo_tool() { # dir crate version extra-args...
  local dir=$1 crate=$2 version=$3
  shift 3
  if [ ! -f "$dir/.installed" ]; then
    log "building $crate $version into $dir (once per machine; takes minutes)"
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --root "$dir" "$crate@$version" "$@"
    touch "$dir/.installed"
  fi
  PATH="$dir/bin:$PATH"
}

ensure_trunk() {
  cargo_tool "$TOOLS/trunk-$TRUNK_VERSION" trunk "$TRUNK_VERSION" \
    --locked --no-default-features --features rustls
}

ensure_wasm_bindgen() {
  # Not --locked: the CLI's own lock file names a crate version crates.io lacks.
  cargo_tool "$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION" wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
}

# An npm package's commands, installed into the cache by version.
npm_tool() { # package version
  local dir="$TOOLS/$1-$2"
  if [ ! -f "$dir/.installed" ]; then
    log "installing $1 $2 from npm into $dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent "$1@$2"
    touch "$dir/.installed"
  fi
  PATH="$dir/node_modules/.bin:$PATH"
}

ensure_wasm_opt() {
  # Debian's binaryen (108) emits wasm that throws at start-up in Chromium;
  # npm's binaryen runs wasm-opt on node and works.
  npm_tool binaryen "$BINARYEN_VERSION"
}

ensure_terser() {
  # Minifies the shipped JavaScript (wasm-bindgen's glue and snippets, the
  # start-up script, head.js): scripts/assemble.mjs.
  npm_tool terser "$TERSER_VERSION"
}

ensure_apt() { # packages...
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_node_modules() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
    [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm dev-dependencies (npm ci)"
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
}

# The tools needed to build the app.
ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
  ensure_terser
  export PATH
}

# Plus what the browser test layers need.
ensure_test_tools() {
  ensure_build_tools
  ensure_apt chromium chromium-driver
  ensure_node_modules
  export PATH
}
