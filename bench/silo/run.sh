#!/usr/bin/env bash
# Issue 4 figures: one scheduled re-distillation in the silo application (by stage), registry-call latency every
# 20 ms during the job, and silo RSS idle / while training. Writes bench/results/silo/redistill.json.
# Needs the Release CLI (dotnet build Cli -c Release) for the corpus and teachers; both are reused when present.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACOUSTIC="dotnet Cli/bin/Release/net10.0/acoustic.dll"
CORPUS=${CORPUS:-/tmp/silo-c5}
ENSEMBLE=${ENSEMBLE:-/tmp/silo-ens}
WORK=$(mktemp -d /tmp/silo-bench-XXXXXX)
[ -f "$CORPUS/manifest.json" ] || nice -n 19 $ACOUSTIC corpus synth --out "$CORPUS" --minutes 5 --seed 1
[ -f "$ENSEMBLE/ensemble.json" ] || nice -n 19 $ACOUSTIC ensemble train --corpus "$CORPUS" --members 2 --layers 2 \
  --width 256 --epochs 3 --out "$ENSEMBLE"
nice -n 19 dotnet build bench/silo/SiloBench -c Release -v q -nologo
nice -n 19 dotnet bench/silo/SiloBench/bin/Release/net10.0/silo-bench.dll "$CORPUS" "$ENSEMBLE" "$WORK" \
  bench/results/silo/redistill.json
rm -rf "$WORK"
