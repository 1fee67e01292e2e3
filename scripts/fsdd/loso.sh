#!/usr/bin/env bash
# Leave-one-speaker-out digit accuracy on the Free Spoken Digit Dataset (real human speech, 8 kHz), ours beside
# Debian's pocketsphinx on the same files with the same ten-digit grammar.
#
# For each speaker S: FSDD is imported by forced alignment with a bootstrap 8 kHz model trained on a synthetic
# 8 kHz corpus (S = test split, every DEV_EVERY-th file of the others = dev), the synthetic train/dev utterances are
# included, an 8 kHz model is trained on that corpus (its class priors, counted on the train split, inside it), and S's files
# are decoded with a single-digit grammar. pocketsphinx_batch decodes S's files in one process (batch mode) with a
# JSGF grammar of the ten digits; its 16 kHz en-us model is run at 8 kHz (-samprate 8000 -nfft 256, filters up to
# 3500 Hz via a copied feat.params), the usual way to use it on telephone-band audio.
#
# Usage: scripts/fsdd/loso.sh [FSDD_DIR]   (default ../shared/data/fsdd relative to the repository)
# Environment: WORK (scratch, default /tmp/fsdd-loso), OUT (results, default bench/results/fsdd), SYNTH_MINUTES (30),
#   BOOT_EPOCHS (6), LAYERS (2), WIDTH (512), EPOCHS (6), LR (0.1), DEV_EVERY (10), SPEAKERS (default: all in FSDD),
#   RMS (level every FSDD file is scaled to, default 0.08; "none" to keep recorded levels),
#   REUSE_IMPORT=1 (keep an already imported fsdd-SPEAKER corpus in WORK; retrain on it),
#   TRAIN_ARGS (extra options for training each held-out speaker's model, e.g. "--online-mean 30"),
#   BOOT_MODEL (an existing 8 kHz aligner instead of the synthetic bootstrap) with INCLUDE_CORPUS (the 8 kHz corpus
#   whose train/dev utterances join each import instead of the synthetic one), e.g. the AN4 telephone-channel corpus
#   and aligner of scripts/models/build-an4.sh: the shipped en-8k recipe with one FSDD speaker held out, NICE (prefix for heavy commands, default "nice -n 19"), REUSE=1 (keep trained models in WORK; only re-decode and re-time).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
fsdd="$(realpath "${1:-$repo/../shared/data/fsdd}")"
work="${WORK:-/tmp/fsdd-loso}"
out="$(realpath -m "${OUT:-$repo/bench/results/fsdd}")"
synth_minutes="${SYNTH_MINUTES:-30}"
boot_epochs="${BOOT_EPOCHS:-6}"
layers="${LAYERS:-2}"; width="${WIDTH:-512}"; epochs="${EPOCHS:-6}"; lr="${LR:-0.1}"; dev_every="${DEV_EVERY:-10}"
nice_cmd="${NICE:-nice -n 19}"
read -r -a train_args <<< "${TRAIN_ARGS:-}"
# FSDD's speakers differ by ~17 dB in level; every FSDD file is brought to one RMS level for import and decoding.
rms="${RMS:-0.08}"
level=(); [[ "$rms" != none ]] && level=(--normalize-rms "$rms")
ps_model=/usr/share/pocketsphinx/model/en-us
[[ -d "$fsdd" ]] || { echo "FSDD not found at $fsdd" >&2; exit 2; }
command -v pocketsphinx_batch >/dev/null || { echo "pocketsphinx_batch missing: apt-get install pocketsphinx pocketsphinx-en-us" >&2; exit 2; }
mkdir -p "$work" "$out"

# Build once into the scratch folder, so later builds of the repository do not change the tool mid-run.
$nice_cmd dotnet build "$repo/Cli" -c Release -o "$work/bin" -nologo -v q >&2
acoustic() { $nice_cmd dotnet "$work/bin/acoustic.dll" "$@"; }
now() { date +%s.%N; }

speakers="${SPEAKERS:-$(ls "$fsdd" | sed -n 's/^[0-9]_\([^_]*\)_[0-9]*\.wav$/\1/p' | sort -u | tr '\n' ' ')}"
echo "FSDD: $fsdd; speakers: $speakers" >&2

# 1. Bootstrap model on synthetic 8 kHz speech (unless an aligner and the corpus to include are given).
include="${INCLUDE_CORPUS:-$work/synth8k}"
if [[ -n "${BOOT_MODEL:-}" ]]; then
  cp "$BOOT_MODEL" "$work/boot8k.adm"
elif [[ ! -f "$work/boot8k.adm" ]]; then
  acoustic corpus synth --out "$work/synth8k" --minutes "$synth_minutes" --rate 8000 --seed 7 --json > "$work/synth.json"
  acoustic train --corpus "$work/synth8k" --out "$work/boot8k.adm" --layers "$layers" --width "$width" \
    --epochs "$boot_epochs" --lr "$lr" --json > "$work/boot-train.json"
fi

# pocketsphinx's en-us model at 8 kHz: its feat.params asks for filters up to 6800 Hz, above Nyquist.
rm -rf "$work/ps-hmm8k" && cp -r "$ps_model/en-us" "$work/ps-hmm8k"
sed -i 's/^-upperf .*/-upperf 3500/' "$work/ps-hmm8k/feat.params"
printf '#JSGF V1.0;\ngrammar digits;\npublic <digit> = zero | one | two | three | four | five | six | seven | eight | nine;\n' > "$work/digits.gram"

for s in $speakers; do
  echo "== held-out speaker $s" >&2
  corpus="$work/fsdd-$s"; model="$work/fsdd-$s.adm"
  if [[ "${REUSE:-0}" != 1 || ! -f "$model" ]]; then
    if [[ "${REUSE_IMPORT:-0}" != 1 || ! -f "$corpus/manifest.json" ]]; then
      rm -rf "$corpus"
      acoustic corpus import-transcribed "$fsdd" --fsdd --model "$work/boot8k.adm" --out "$corpus" --test-speaker "$s" \
        --dev-every "$dev_every" --include-corpus "$include" "${level[@]}" --json > "$work/import-$s.json"
    fi
    acoustic train --corpus "$corpus" --out "$model" --layers "$layers" --width "$width" --epochs "$epochs" --lr "$lr" \
      "${train_args[@]}" --json > "$work/train-$s.json"
  fi
  start=$(now)
  acoustic fsdd-eval --model "$model" --data "$fsdd" --speaker "$s" "${level[@]}" --out "$out/ours-$s.json" > /dev/null
  echo "$start $(now)" > "$work/ours-$s.wall"

  ls "$fsdd" | sed -n "s/^\([0-9]_${s}_[0-9]*\)\.wav$/\1/p" > "$work/ps-$s.ctl"
  start=$(now)
  $nice_cmd pocketsphinx_batch -hmm "$work/ps-hmm8k" -dict "$ps_model/cmudict-en-us.dict" -jsgf "$work/digits.gram" \
    -ctl "$work/ps-$s.ctl" -cepdir "$fsdd" -cepext .wav -adcin yes -adchdr 44 -samprate 8000 -nfft 256 \
    -hyp "$work/ps-$s.hyp" -logfn "$work/ps-$s.log"
  echo "$start $(now)" > "$work/ps-$s.wall"
done

python3 "$repo/scripts/fsdd/summarize.py" --work "$work" --out "$out" --fsdd "$fsdd" --speakers $speakers \
  --config "rms=$rms layers=$layers width=$width epochs=$epochs lr=$lr synth_minutes=$synth_minutes boot_epochs=$boot_epochs dev_every=$dev_every train_args=${TRAIN_ARGS:-}"
