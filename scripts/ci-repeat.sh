#!/usr/bin/env bash
# Runs the CI entry point (.ci/run) N times in a row, each time from a fresh clone of HEAD (as it was at the start), and stops at the first red
# run: a flaky test is a failing test. Prints one line per run (result line of the suite, wall time) and a summary.
# Usage: scripts/ci-repeat.sh [N=10]   Environment: WORK (scratch, default /tmp/ci-repeat), KEEP=1 keeps the clones.
# The clones sit beside ../shared when WORK is inside the repository's parent folder, so the real-speech tests run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
# Every run tests the same commit, even if the repository moves on meanwhile.
rev="$(git -C "$repo" rev-parse HEAD)"
work="$(realpath -m "${WORK:-/tmp/ci-repeat}")"
mkdir -p "$work"
log="$work/results.txt"
: > "$log"
for i in $(seq 1 "$runs"); do
  clone="$work/clone-$i"
  rm -rf "$clone"
  git clone -q "$repo" "$clone"
  git -C "$clone" checkout -q "$rev"
  start=$(date +%s)
  if (cd "$clone" && .ci/run > "$work/run-$i.log" 2>&1); then status=green; else status=red; fi
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$work/run-$i.log" | tail -n 1 || true)"
  echo "run $i/$runs: $status, ${line:-no result line}, $(( $(date +%s) - start )) s" | tee -a "$log"
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$clone"
  if [[ "$status" == red ]]; then
    grep -E '\[FAIL\]' "$work/run-$i.log" | sort -u | tee -a "$log" || true
    echo "stopped: run $i of $runs failed (log: $work/run-$i.log)" | tee -a "$log"
    exit 1
  fi
done
echo "all $runs runs green (commit ${rev:0:7})" | tee -a "$log"
