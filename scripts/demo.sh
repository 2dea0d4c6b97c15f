#!/usr/bin/env bash
# `npm run demo`: builds and packages Vigil, installs it into a local code-server (VS Code in the browser) and
# opens a fresh copy of examples/vulnerable-app with server.js open, so the findings show as squiggles.
#   scripts/demo.sh            serve on http://127.0.0.1:${VIGIL_DEMO_PORT:-8123} until Ctrl+C (8123 taken: a free port)
#   scripts/demo.sh --check    start on a free port, screenshot the workbench with its squiggles into
#                              test-results/demo.png, exit (so it runs beside an interactive demo)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECK=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "demo.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
say() { printf '[demo] %s\n' "$*"; }
cd "$ROOT"

if [ ! -f node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
bash scripts/setup-editors.sh
say "building and packaging the extension"
npm run --silent package >/dev/null
CODE_SERVER="${VIGIL_CACHE_DIR:-$ROOT/.vigil-cache}/code-server/node_modules/.bin/code-server"

# 8123 by default; a free port for --check, or when 8123 is taken (scripts/demo-port.sh says which and why).
PORT="$(bash "$ROOT/scripts/demo-port.sh" "$CHECK" 8123)"

# Everything the demo writes (code-server's home, settings, extensions, the project copy) stays in one temp dir.
DEMO_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vigil-demo-XXXXXX")"
PROJECT="$DEMO_DIR/vulnerable-app"
cp -R "$ROOT/examples/vulnerable-app" "$PROJECT"
for d in home config data cache state user-data/User extensions; do mkdir -p "$DEMO_DIR/$d"; done
cat >"$DEMO_DIR/code-server.yaml" <<YAML
bind-addr: 127.0.0.1:$PORT
auth: none
cert: false
YAML
cat >"$DEMO_DIR/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "chat.disableAIFeatures": true,
  "editor.minimap.enabled": false,
  "git.enabled": false
}
JSON
export HOME="$DEMO_DIR/home" XDG_CONFIG_HOME="$DEMO_DIR/config" XDG_DATA_HOME="$DEMO_DIR/data" XDG_CACHE_HOME="$DEMO_DIR/cache" XDG_STATE_HOME="$DEMO_DIR/state"
CS_ARGS=(--config "$DEMO_DIR/code-server.yaml" --user-data-dir "$DEMO_DIR/user-data" --extensions-dir "$DEMO_DIR/extensions")
"$CODE_SERVER" "${CS_ARGS[@]}" --install-extension "$ROOT/dist/vigil.vsix" --force >"$DEMO_DIR/install.log" 2>&1 || {
  cat "$DEMO_DIR/install.log" >&2
  exit 1
}

# Own process group (setsid), so one kill also ends the extension host and the language server.
setsid "$CODE_SERVER" "${CS_ARGS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$PROJECT" >"$DEMO_DIR/code-server.log" 2>&1 &
CS_PID=$!
cleanup() {
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  sleep 0.5
  kill -KILL -- "-$CS_PID" 2>/dev/null || true
  if [ -z "${VIGIL_KEEP_TMP:-}" ]; then rm -rf "$DEMO_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$CS_PID" 2>/dev/null; then
    say "code-server exited; its log:" >&2
    cat "$DEMO_DIR/code-server.log" >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { say "code-server did not answer on port $PORT" >&2; exit 1; }

# The workbench URL: open the project folder, and server.js in it (the `payload` openFile entry).
URL="$(node -e '
  const [port, folder, file] = process.argv.slice(1);
  const payload = JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${port}${file}`]]);
  console.log(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
' "$PORT" "$PROJECT" "$PROJECT/server.js")"

if [ "$CHECK" = 1 ]; then
  mkdir -p "$ROOT/test-results"
  say "checking: screenshot of the workbench with Vigil's squiggles -> test-results/demo.png"
  node --import tsx "$ROOT/test/e2e/demo-screenshot.ts" "$URL" "$ROOT/test-results/demo.png" || {
    say "the check failed; code-server log:" >&2
    tail -n 40 "$DEMO_DIR/code-server.log" >&2
    exit 1
  }
  say "check passed"
  exit 0
fi

cat <<MSG

  ============================================================================
   Vigil demo is running. Open this in your browser:

     http://127.0.0.1:$PORT/?folder=$PROJECT

   (server.js opens by itself with this link:)
     $URL

   Try: hover a squiggle, press Ctrl+. for the quick fixes, or run
   "Vigil: Scan Workspace" from the command palette (Ctrl+Shift+P).
   Press Ctrl+C here to stop.
  ============================================================================

MSG
wait "$CS_PID"
