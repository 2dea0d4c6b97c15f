#!/usr/bin/env bash
# Installs the real editors the e2e tests drive: Debian's chromium, neovim and ripgrep, and code-server
# (VS Code in the browser) into .vigil-cache/code-server. Idempotent: a second run only checks.
# Desktop VS Code/Electron cannot be downloaded on these machines; code-server comes from the npm registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VIGIL_CACHE_DIR:-$ROOT/.vigil-cache}"
CS_VERSION="4.100.3" # newest code-server whose engines.node is 20 (4.104+ need Node 22)
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
START=$(date +%s)

say() { printf '[setup-editors] %s\n' "$*"; }

# --- Debian packages (only what is missing) ---------------------------------------------------------
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for pkg in chromium libkrb5-dev ripgrep neovim; do
  have_pkg "$pkg" || need+=("$pkg")
done
if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  say "apt-get install: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Other processes may hold the dpkg lock for a while; wait for it instead of failing.
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  say "apt packages present: chromium libkrb5-dev ripgrep neovim"
fi

# --- code-server ------------------------------------------------------------------------------------
installed_version() {
  node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ -x "$CS_BIN" ] && [ "$(installed_version)" = "$CS_VERSION" ]; then
  say "code-server $CS_VERSION present in $CS_DIR"
else
  say "installing code-server@$CS_VERSION into $CS_DIR (about a minute)"
  mkdir -p "$CS_DIR"
  # @vscode/ripgrep's postinstall downloads rg from the internet, which is unreachable here; it first looks for
  # this tarball in $TMPDIR, so hand it Debian's rg.
  RG_TMP="$(mktemp -d)"
  RG_CACHE="$RG_TMP/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE" "$RG_TMP/rg"
  cp "$(command -v rg)" "$RG_TMP/rg/rg"
  tar -C "$RG_TMP/rg" -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  [ -f "$CS_DIR/package.json" ] || printf '{ "name": "vigil-editor-cache", "private": true }\n' >"$CS_DIR/package.json"
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`.
  (
    cd "$CS_DIR"
    TMPDIR="$RG_TMP" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error --save-exact "code-server@$CS_VERSION"
  ) >"$CACHE/code-server-install.log" 2>&1 || {
    say "code-server install failed; last lines of $CACHE/code-server-install.log:"
    tail -n 40 "$CACHE/code-server-install.log" >&2
    rm -rf "$RG_TMP"
    exit 1
  }
  rm -rf "$RG_TMP"
  [ -x "$CS_BIN" ] || { say "code-server binary missing after install: $CS_BIN" >&2; exit 1; }
  say "code-server $(installed_version) installed"
fi

# playwright-core is a devDependency of the project (drives chromium); it is not downloaded here.
if [ ! -d "$ROOT/node_modules/playwright-core" ]; then
  say "note: node_modules/playwright-core missing; run 'npm ci' in $ROOT"
fi

say "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
say "neovim:   $(nvim --version 2>/dev/null | head -1)"
say "done in $(($(date +%s) - START)) s"
