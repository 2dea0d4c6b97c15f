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
suites=(test/unit/*.test.ts test/lsp/*.test.ts)
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
TMPDIR=$test_tmp node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-results/node-tests.tap \
  "${suites[@]}"
node_rc=$?
rm -rf "$test_tmp"
node_pass=$(grep -E '^# pass ' test-results/node-tests.tap | tail -1 | awk '{print $3}')
node_fail=$(grep -E '^# fail ' test-results/node-tests.tap | tail -1 | awk '{print $3}')
passed=$((passed + ${node_pass:-0}))
failed=$((failed + ${node_fail:-0}))
if [ $node_rc -ne 0 ] && [ "${node_fail:-0}" -eq 0 ]; then failed=$((failed + 1)); failures+=("node test runner exited $node_rc"); fi
[ "${node_fail:-0}" -gt 0 ] && failures+=("$node_fail node test(s)")

if [ "${VIGIL_SKIP_EDITORS:-0}" != 1 ]; then
  stage "demo (npm run demo -- --check: code-server opens the sample project, screenshot in test-results/demo.png)"
  bash scripts/demo.sh --check; record demo $?
fi

echo
[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "took $(($(date +%s) - t0))s"
echo "tests: $passed passed, $failed failed"
[ $failed -eq 0 ]
