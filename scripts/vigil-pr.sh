#!/usr/bin/env bash
# Vigil on a pull request (the script of the repository's action.yml; runs locally too):
#   1. scans what the change touched: SARIF for code scanning (vigil.sarif) and the Markdown report (vigil-report.md);
#   2. posts the report as one comment on the pull request, or updates the comment it posted before (found by the
#      hidden marker on its first line, among comments written by a bot), with `gh api`;
#   3. exits as the scan did: 1 when the change introduced a finding at or above VIGIL_FAIL_ON.
#
# Environment:
#   VIGIL_BASE_REF   the branch the pull request targets, e.g. main (required); origin/<it> is used when it exists
#   VIGIL_FAIL_ON    severity that fails the check (default: high; `none` never fails)
#   VIGIL_CLI        the command that runs Vigil (default: npx --yes vigil-scanner@$VIGIL_VERSION)
#   VIGIL_VERSION    the vigil-scanner version npx installs (default: latest)
#   VIGIL_PR_NUMBER  the pull request to comment on; without it (or GITHUB_REPOSITORY) no comment is posted
#   GITHUB_REPOSITORY owner/name; GH_TOKEN the token gh uses (in Actions: the job's GITHUB_TOKEN)
# Every value arrives through the environment and is used quoted, never pasted into code.
set -euo pipefail

base="${VIGIL_BASE_REF:?set VIGIL_BASE_REF to the branch the pull request targets, e.g. main}"
fail_on="${VIGIL_FAIL_ON:-high}"
read -r -a vigil <<<"${VIGIL_CLI:-npx --yes vigil-scanner@${VIGIL_VERSION:-latest}}"
marker='<!-- vigil-pr-report -->'

ref="$base"
if git rev-parse --verify --quiet "refs/remotes/origin/$base^{commit}" >/dev/null; then ref="origin/$base"; fi

# Both reports are written outside the checkout and moved in after both scans: an untracked file counts as changed,
# so the second scan would read the first one's report (SARIF holds each rule's example code) as part of the change.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"${vigil[@]}" scan --changed-since "$ref" --format sarif --output "$out/vigil.sarif" --fail-on none --quiet
status=0
"${vigil[@]}" scan --changed-since "$ref" --format markdown --output "$out/vigil-report.md" --fail-on "$fail_on" --quiet || status=$?
mv -f "$out/vigil.sarif" vigil.sarif
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "vigil-pr: the scan failed (exit $status); no comment posted" >&2
  exit "$status"
fi
mv -f "$out/vigil-report.md" vigil-report.md

if [ -n "${VIGIL_PR_NUMBER:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
  comments="repos/$GITHUB_REPOSITORY/issues/$VIGIL_PR_NUMBER/comments"
  # Only a bot's comment is ours to update: anyone can paste the marker into a comment of their own.
  id="$(gh api --paginate "$comments" --jq ".[] | select(.user.type == \"Bot\" and (.body | startswith(\"$marker\"))) | .id" | head -n 1)" || id=""
  if [ -n "$id" ]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@vigil-report.md >/dev/null ||
      echo "vigil-pr: warning: could not update the report comment (a fork's pull request has a read-only token)" >&2
  else
    gh api --method POST "$comments" -F body=@vigil-report.md >/dev/null ||
      echo "vigil-pr: warning: could not post the report comment (a fork's pull request has a read-only token)" >&2
  fi
fi
exit "$status"
