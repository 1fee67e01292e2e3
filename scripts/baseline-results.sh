#!/usr/bin/env bash
# Reproduces the baseline figures of docs/RESULTS.md: a 60-minute synthetic corpus at 16 kHz and at 8 kHz,
# the 3 x 1024 MLP trained on each, frame accuracy on the test split (held-out voices and texts).
# Usage: scripts/baseline-results.sh [OUT_DIR] (default out/baseline); THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/baseline}"
threads="${THREADS:-2}"
scripts/install-deps.sh
dotnet build Cli/Cli.csproj -c Release -v quiet -nologo
acoustic() { dotnet Cli/bin/Release/net10.0/acoustic.dll "$@"; }
mkdir -p "$out"
for rate in 16000 8000; do
  corpus="$out/corpus-$rate"
  [ -f "$corpus/manifest.json" ] || acoustic corpus synth --out "$corpus" --minutes 60 --rate "$rate" --seed 1 --jobs "$threads" --json > "$out/synth-$rate.json"
  acoustic corpus stats "$corpus" --json > "$out/stats-$rate.json"
  acoustic train --corpus "$corpus" --out "$out/mlp3x1024-$rate.adm" --layers 3 --width 1024 --threads "$threads" --json > "$out/train-$rate.json"
  acoustic eval --model "$out/mlp3x1024-$rate.adm" --corpus "$corpus" --split test --threads "$threads" --json > "$out/eval-$rate.json"
  grep -E '"frame_accuracy"' "$out/eval-$rate.json"
done
