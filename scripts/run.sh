#!/usr/bin/env bash
# The main job on the embedded default: synthesize a small phone-aligned 16 kHz corpus from Debian's
# speech synthesizers, train the baseline frame classifier (3 x 1024 MLP) on it, and print its frame
# accuracy on the test split (held-out voices and texts). Installs what it needs first.
# Environment: MINUTES (training speech to synthesize, default 10), THREADS (default 2), OUT (default out/).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${MINUTES:-10}"
threads="${THREADS:-2}"
out="${OUT:-out}"
scripts/install-deps.sh
dotnet build Cli/Cli.csproj -c Release -v quiet -nologo
acoustic() { dotnet Cli/bin/Release/net10.0/acoustic.dll "$@"; }

corpus="$out/corpus-16k-${minutes}m"
if [ ! -f "$corpus/manifest.json" ]; then
  acoustic corpus synth --out "$corpus" --minutes "$minutes" --rate 16000 --jobs "$threads"
fi
acoustic corpus stats "$corpus"
acoustic train --corpus "$corpus" --out "$out/baseline-16k.adm" --threads "$threads"
acoustic eval --model "$out/baseline-16k.adm" --corpus "$corpus" --split test --threads "$threads"
