#!/usr/bin/env bash
# Open English, side by side: Debian's pocketsphinx (its 16 kHz en-us model) and ours (the shipped en-16k model,
# lexicon-tree search with its tuned open-vocabulary defaults) on the same WAV files, with the same general language
# model (Debian's en-us.lm.bin, 72,547 words) and the same dictionary (CMUdict), in one run, under the same NICE.
#
# Parts (PARTS, default both):
#   an4          AN4's test set (130 utterances, 10 speakers in no training data), 16 kHz; its headerless big-endian
#                audio written as WAV by sox; a Kaldi data directory made from an4_test.fileids / .transcription.
#   speechocean  every 10th utterance of speechocean762's test split (250 utterances, Mandarin-accented adults and
#                children), Ogg Opus decoded at 16 kHz by scripts/speechocean/prepare.sh.
# pocketsphinx: scripts/speechocean/pocketsphinx.sh (pocketsphinx_batch, -lm LM, -dict cmudict, nothing else).
# Ours: `acoustic score --model MODEL --kaldi-data DIR --lm LM --threads 1` (no decoding flags: the model's tuned
# open-vocabulary defaults). Both RTFs are whole-process wall clock over audio duration, start-up included; the table
# also gives ours' search-only RTF. Search error: ours again with the beam, word-end beam and max-active twice the tuned ones
# ("ours-wide"); the WER difference is what the narrower search loses. Writes WORK/<part>.{pocketsphinx,ours,ours-wide}.json
# and OUT (one JSON, all runs).
#
# Usage: scripts/open-vocabulary/side-by-side.sh
# Environment: AN4 (default ../shared/data/an4), SPEECHOCEAN (../shared/data/speechocean762), MODEL
#   (models/en-16k.admodel), LM (/usr/share/pocketsphinx/model/en-us/en-us.lm.bin), WORK (/tmp/open-vocabulary),
#   OUT (bench/results/open-vocabulary/side-by-side.json), PARTS ("an4 speechocean"), NICE ("nice -n 10").
# Needs: dotnet, pocketsphinx + pocketsphinx-en-us, sox, opus-tools, /usr/bin/python3 (scripts/install-deps.sh).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
an4="${AN4:-$repo/../shared/data/an4}"; speechocean="${SPEECHOCEAN:-$repo/../shared/data/speechocean762}"
model="${MODEL:-$repo/models/en-16k.admodel}"; lm="${LM:-/usr/share/pocketsphinx/model/en-us/en-us.lm.bin}"
work="${WORK:-/tmp/open-vocabulary}"; out="${OUT:-$repo/bench/results/open-vocabulary/side-by-side.json}"
parts="${PARTS:-an4 speechocean}"
read -r -a nice_cmd <<< "${NICE:-nice -n 10}"
fail() { echo "side-by-side: $*" >&2; exit 2; }
for p in $parts; do case "$p" in an4|speechocean) ;; *) fail "unknown part '$p' (an4, speechocean)" ;; esac; done
[[ " $parts " != *" an4 "* || -f "$an4/etc/an4_test.fileids" ]] || fail "AN4 not found at $an4"
[[ " $parts " != *" speechocean "* || -f "$speechocean/test/text" ]] || fail "speechocean762 not found at $speechocean"
[[ -f "$model" ]] || fail "model $model not found"
[[ -f "$lm" ]] || fail "language model $lm not found (apt-get install pocketsphinx-en-us)"
mkdir -p "$work" "$(dirname "$out")"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building the CLI" >&2
dotnet build "$repo/Cli/Cli.csproj" -c Release -v quiet -nologo -o "$work/bin" >&2
acoustic=(dotnet "$work/bin/acoustic.dll")

# AN4 test as a Kaldi data directory of 16 kHz WAV files (the same files for both systems).
prepare_an4() {
  local dir="$work/an4-test" id
  [[ -f "$dir/text" ]] && return
  rm -rf "$dir"; mkdir -p "$dir/wav"
  while read -r id; do
    [[ -n "$id" ]] || continue
    sox -t raw -r 16000 -e signed -b 16 -c 1 -B "$an4/wav/$id.raw" "$dir/wav/$(basename "$id").wav"
    echo "$(basename "$id") wav/$(basename "$id").wav" >> "$dir/wav.scp"
  done < "$an4/etc/an4_test.fileids"
  # "WORDS (utt-id)", with or without <s> … </s> around the words -> "utt-id words", lower case
  /usr/bin/python3 -c 'import re, sys
for line in open(sys.argv[1]):
    m = re.match(r"^\s*(?:<s>\s+)?(.*?)\s*(?:</s>)?\s*\((\S+)\)\s*$", line)
    if m: print(m.group(2), m.group(1).lower())' "$an4/etc/an4_test.transcription" > "$dir/text"
  awk '{ split($1, p, "-"); print $1, p[2] }' "$dir/wav.scp" > "$dir/utt2spk"
}

run_part() {
  local part="$1" data="$2" start end
  echo "== $part: pocketsphinx" >&2
  NICE="${nice_cmd[*]}" "$repo/scripts/speechocean/pocketsphinx.sh" --data "$data" --lm "$lm" \
    --out "$work/$part.pocketsphinx.json" --work "$work/$part.pocketsphinx" >&2
  echo "== $part: ours" >&2
  start="$(date +%s.%N)"
  "${nice_cmd[@]}" "${acoustic[@]}" score --model "$model" --kaldi-data "$data" --lm "$lm" --threads 1 --json \
    --hypotheses "$work/$part.ours.hypotheses.jsonl" > "$work/$part.ours.json"
  end="$(date +%s.%N)"
  echo "$start $end" > "$work/$part.ours.wall"
  echo "== $part: ours, beams twice as wide" >&2
  local beam web active
  active="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["decoding"]["max_active"] * 2)' "$work/$part.ours.json")"
  beam="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["decoding"]["beam"] * 2)' "$work/$part.ours.json")"
  web="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["decoding"]["word_end_beam"] * 2)' "$work/$part.ours.json")"
  start="$(date +%s.%N)"
  "${nice_cmd[@]}" "${acoustic[@]}" score --model "$model" --kaldi-data "$data" --lm "$lm" --threads 1 --json \
    --beam "$beam" --word-end-beam "$web" --max-active "$active" --hypotheses "$work/$part.ours-wide.hypotheses.jsonl" > "$work/$part.ours-wide.json"
  end="$(date +%s.%N)"
  echo "$start $end" > "$work/$part.ours-wide.wall"
}

if [[ " $parts " == *" an4 "* ]]; then prepare_an4; run_part an4 "$work/an4-test"; fi
if [[ " $parts " == *" speechocean "* ]]; then
  "$repo/scripts/speechocean/prepare.sh" --data "$speechocean" --split test --every 10 --out "$work/speechocean762-test-every10" >&2
  run_part speechocean "$work/speechocean762-test-every10"
fi
/usr/bin/python3 "$repo/scripts/open-vocabulary/summarize.py" --work "$work" --out "$out" --parts $parts \
  --model "$model" --lm "$lm" --load-at-start "$load_at_start" --commit "$(git -C "$repo" rev-parse --short HEAD)"
