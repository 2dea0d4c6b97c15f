#!/usr/bin/env bash
# `npm test`: everything CI runs, from a fresh clone. Installs what it needs (npm packages; Debian packages and
# code-server for the real-editor tests via scripts/setup-editors.sh), then type-checks, lints, builds, packages,
# and runs the unit, rule, LSP, reliability, CLI and real-editor suites. Ends with one "N passed, N failed" line.
# VIGIL_SKIP_EDITORS=1 skips the code-server and neovim suites (for a quick local run).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mkdir -p test-results
passed=0
failed=0
failures=()

t0=$(date +%s)
# Each stage's start, in seconds since the run began: where CI's time goes, read off its log.
stage() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$1" $(($(date +%s) - t0)); }
record() { # name exit-code
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

stage "dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
fi
if [ "${VIGIL_SKIP_EDITORS:-0}" != 1 ]; then
  bash scripts/setup-editors.sh || { echo "editor setup failed"; exit 1; }
fi

stage "type-check"
npx tsc -p . --noEmit; record typecheck $?

stage "lint"
npx eslint .; record lint $?

stage "build and package"
npm run --silent package >/dev/null; rc=$?; record package $rc
[ $rc -eq 0 ] || { echo "packaging failed; later stages need dist/"; }

stage "rule fixtures (npm run test:rules)"
npm run --silent test:rules; record rules $?

stage "generated docs are up to date"
node --import tsx scripts/taint-coverage-table.ts --check; record taint-docs $?
node --import tsx scripts/config-rules-table.ts --check; record config-docs $?
node --import tsx scripts/dependency-rules-table.ts --check; record dependency-docs $?

stage "node test suites"
# The unit suites hold no editor, server or timing: two files at a time, one per core of CI's two (the fixture-wide
# equivalence suites are CPU-bound). The LSP, reliability, CLI and editor suites start servers and editors that
# wait for each other: one at a time.
unit_suites=(test/unit/*.test.ts)
suites=(test/lsp/*.test.ts)
for d in test/reliability test/cli; do
  compgen -G "$d/*.test.ts" >/dev/null && suites+=("$d"/*.test.ts)
done
if [ "${VIGIL_SKIP_EDITORS:-0}" != 1 ]; then
  for d in test/e2e test/electron test/nvim; do
    compgen -G "$d/*.e2e.ts" >/dev/null && suites+=("$d"/*.e2e.ts)
  done
fi
# The suites make temp folders (workspaces, git repositories, editor profiles) and many do not remove them: give the
# run its own temp folder and remove it whole, so repeated runs do not fill /tmp.
test_tmp=$(mktemp -d "${TMPDIR:-/tmp}/vigil-tests-XXXXXX")
rm -f test-results/node-tests*.tap
node_rc=0
run_suites() { # concurrency tap-name files...
  local concurrency=$1 tap=$2
  shift 2
  TMPDIR=$test_tmp node --import tsx --test --test-concurrency="$concurrency" \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="test-results/$tap" \
    "$@" || node_rc=$?
}
run_suites 2 node-tests-unit.tap "${unit_suites[@]}"
run_suites 1 node-tests.tap "${suites[@]}"
rm -rf "$test_tmp"
node_pass=0
node_fail=0
for tap in test-results/node-tests-unit.tap test-results/node-tests.tap; do
  p=$(grep -E '^# pass ' "$tap" 2>/dev/null | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail ' "$tap" 2>/dev/null | tail -1 | awk '{print $3}')
  node_pass=$((node_pass + ${p:-0}))
  node_fail=$((node_fail + ${f:-0}))
done
passed=$((passed + node_pass))
failed=$((failed + node_fail))
if [ $node_rc -ne 0 ] && [ "$node_fail" -eq 0 ]; then failed=$((failed + 1)); failures+=("node test runner exited $node_rc"); fi
[ "$node_fail" -gt 0 ] && failures+=("$node_fail node test(s)")

if [ "${VIGIL_SKIP_EDITORS:-0}" != 1 ]; then
  stage "demo (npm run demo -- --check: code-server opens the sample project, screenshot in test-results/demo.png)"
  bash scripts/demo.sh --check; record demo $?
fi

echo
[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "took $(($(date +%s) - t0))s"
echo "tests: $passed passed, $failed failed"
[ $failed -eq 0 ]
