#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (Debian packages, NuGet restore), then prints
# "N passed, N failed, N skipped" alone on a line, taken from the TRX results, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
set +e
# -m:1: one test project at a time. The Gateway tests stream speech in real time and run a multi-process cluster;
# sharing two cores with the other projects' training tests made them miss real time.
dotnet test AcousticDistill.sln -c Release -m:1 --logger "trx" --results-directory "$results" "$@"
status=$?
set -e
passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # xunit's skipped tests count in total but not in executed.
  skipped=$((skipped + $(value total) - $(value executed)))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
