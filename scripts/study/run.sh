#!/usr/bin/env bash
# The distillation study on real speech (docs/RESULTS.md, "The study at scale"), resumable: run it again after any stop
# (Ctrl+C, a kill, a reboot, another machine with the same WORK folder) and it continues from its last checkpoint.
#   1. a synthetic corpus (festival, flite, espeak-ng voices; its test voices are the held-out synthetic test set);
#   2. AN4 aligned by the shipped en-16k model, with the synthetic train and dev utterances copied in
#      (train = AN4 train speakers but every 8th + synthetic voices; dev = those 9 AN4 speakers + 2 synthetic voices;
#      test = AN4 test speakers, never used for a choice);
#   3. `acoustic study` over SEEDS, with WER on AN4 test through the decoder (AN4 training-transcript bigram).
# Usage: scripts/study/run.sh            (background: nohup scripts/study/run.sh > study.log 2>&1 &)
# Environment: SCALE (full; medium for a 2-core CPU), SEEDS (1,2,3), SYN_MINUTES (synthetic training minutes: 150 for
#   full, which with AN4's 0.61 h gives >= 3 h; 40 for medium), WORK (/tmp/study-$SCALE), THREADS (1), DEVICE (cpu),
#   NICE ("nice -n 10"), AN4 (../shared/data/an4 beside the repository).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${SCALE:-full}"; seeds="${SEEDS:-1,2,3}"; threads="${THREADS:-1}"; device="${DEVICE:-cpu}"
default_minutes=150; [[ "$scale" == full ]] || default_minutes=40
minutes="${SYN_MINUTES:-$default_minutes}"
work="$(realpath -m "${WORK:-/tmp/study-$scale}")"
an4="$(realpath -m "${AN4:-$repo/../shared/data/an4}")"
nice_cmd="${NICE:-nice -n 10}"
[[ -d "$an4/etc" ]] || { echo "AN4 not found at $an4 (set AN4=...)" >&2; exit 2; }
mkdir -p "$work"
if [[ ! -f "$work/bin/acoustic.dll" ]]; then
  $nice_cmd dotnet build "$repo/Cli" -c Release -o "$work/bin" -nologo -v q >&2
fi
acoustic() { $nice_cmd dotnet "$work/bin/acoustic.dll" "$@"; }
step() { echo "== $(date +%H:%M:%S) $*" >&2; }
if [[ ! -f "$work/syn-16k/manifest.json" ]]; then
  step "synthetic corpus: $minutes min of training speech"
  rm -rf "$work/syn-16k"
  acoustic corpus synth --out "$work/syn-16k" --rate 16000 --minutes "$minutes" --seed 7 --json > "$work/syn-16k.json"
fi
if [[ ! -f "$work/an4-syn-16k/manifest.json" ]]; then
  step "AN4 aligned by models/en-16k.admodel, synthetic train and dev copied in"
  rm -rf "$work/an4-syn-16k"
  acoustic corpus import-an4 --an4 "$an4" --model "$repo/models/en-16k.admodel" --include-corpus "$work/syn-16k" \
    --out "$work/an4-syn-16k" --json > "$work/an4-syn-16k.json"
fi
if [[ -f "$work/study/study-manifest.json" ]]; then
  step "resuming the $scale study in $work/study"
  acoustic study --resume "$work/study" --seeds "$seeds" --threads "$threads" --device "$device" --json > "$work/summary.json"
else
  step "starting the $scale study in $work/study"
  acoustic study --corpus "$work/an4-syn-16k" --scale "$scale" --seeds "$seeds" --out "$work/study" \
    --lm "$repo/samples/an4/an4-train-bigram.arpa" --held-out-corpus "$work/syn-16k" \
    --threads "$threads" --device "$device" --json > "$work/summary.json"
fi
step "done: $work/study/summary.json, study.md"
