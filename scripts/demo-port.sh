#!/usr/bin/env bash
# Prints the port the demo should use:  demo-port.sh <check: 0|1> <default port>
# - VIGIL_DEMO_PORT set: that port, or exit 1 with a message if it is taken.
# - check (npm test): a free port from the OS, so the check never collides with a running demo.
# - otherwise the default, or, when it is taken, a free port with a message saying so (on stderr).
set -euo pipefail
check="$1"
default="$2"
say() { printf '[demo] %s\n' "$*" >&2; }
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -n "${VIGIL_DEMO_PORT:-}" ]; then
  if in_use "$VIGIL_DEMO_PORT"; then
    say "port $VIGIL_DEMO_PORT (VIGIL_DEMO_PORT) is already in use; choose another or unset it to get a free one"
    exit 1
  fi
  echo "$VIGIL_DEMO_PORT"
elif [ "$check" = 1 ]; then
  free_port
elif in_use "$default"; then
  port="$(free_port)"
  say "port $default is already in use (another demo?); using port $port instead"
  echo "$port"
else
  echo "$default"
fi
