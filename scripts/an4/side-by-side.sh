#!/usr/bin/env bash
# Debian's pocketsphinx 0.8 (its generic 16 kHz en-us model, CMUdict) and ours, side by side on the same real speech;
# one JSON with both systems' figures, and a table on stdout.
#
# Parts (PARTS, default all three):
#   an4-16k  AN4's standard test set (130 utterances, 10 speakers unseen in training), 16 kHz, with a bigram LM built
#            by `acoustic lm build` from AN4's training transcripts. pocketsphinx_batch reads AN4's raw big-endian files;
#            ours is `acoustic score --model MODEL16 --corpus CORPUS16 --split test --lm LM`.
#   an4-8k   the same test set through an 8 kHz telephone channel (CORPUS8, imported with --telephone), same LM; ours
#            with MODEL8; pocketsphinx on the same 8 kHz files upsampled to 16 kHz by sox (-D: no dither, repeatable),
#            for its 16 kHz model.
#   fsdd     the Free Spoken Digit Dataset (8 kHz, all 2,000 files, 4 speakers), one digit a file, ten-digit grammar;
#            ours is `acoustic fsdd-eval --model MODEL8` (its own figures: the served en-8k was trained on all of FSDD,
#            so this is not held-out speech for it; scripts/fsdd/loso.sh measures unseen speakers); pocketsphinx gets
#            each file upsampled to 16 kHz by sox and a JSGF grammar of the ten digits.
# Word errors are Levenshtein substitutions, deletions and insertions over lower-cased words, counted for pocketsphinx
# by side_by_side.py the way `acoustic score` counts them for ours. rtf_process is the wall clock of the whole process
# (start-up included) over the audio's duration, for both systems on one thread and under the same NICE; upsampling by
# sox is not counted. Ours decodes with the model's own tuned defaults: no decoding flags are passed. The machine's
# load at the start is recorded: other work running beside the bench slows both systems.
#
# Usage: scripts/an4/side-by-side.sh [--an4 DIR] [--fsdd DIR] [--model16 FILE] [--model8 FILE] [--corpus16 DIR]
#          [--corpus8 DIR] [--work DIR] [--out FILE] [--parts "an4-16k an4-8k fsdd"]
# Environment (the flags win): AN4 (default ../shared/data/an4 beside the repository), FSDD (../shared/data/fsdd),
#   MODEL16 (models/en-16k.admodel), MODEL8 (models/en-8k.admodel), CORPUS16 / CORPUS8 (our AN4 corpora; default
#   WORK/an4-16k and WORK/an4-8k; a folder without manifest.json is imported there first by `acoustic corpus import-an4`,
#   aligned with MODEL16, the 8 kHz one with --telephone), WORK (scratch, default /tmp/an4-side-by-side),
#   OUT (default bench/results/an4/side-by-side.json), PARTS (which parts, default "an4-16k an4-8k fsdd"),
#   BIN (an already built CLI folder; default: Cli is built into WORK/bin), NICE (prefix for heavy commands, default
#   "nice -n 10").
# Needs: dotnet, pocketsphinx + pocketsphinx-en-us, sox (an4-8k, fsdd), /usr/bin/python3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
an4="${AN4:-$repo/../shared/data/an4}"; fsdd="${FSDD:-$repo/../shared/data/fsdd}"
model16="${MODEL16:-$repo/models/en-16k.admodel}"; model8="${MODEL8:-$repo/models/en-8k.admodel}"
corpus16="${CORPUS16:-}"; corpus8="${CORPUS8:-}"
work="${WORK:-/tmp/an4-side-by-side}"; out="${OUT:-$repo/bench/results/an4/side-by-side.json}"
parts="${PARTS:-an4-16k an4-8k fsdd}"
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value (see the header of $0)" >&2; exit 2; }
  case "$1" in
    --an4) an4="$2" ;; --fsdd) fsdd="$2" ;; --model16) model16="$2" ;; --model8) model8="$2" ;;
    --corpus16) corpus16="$2" ;; --corpus8) corpus8="$2" ;; --work) work="$2" ;; --out) out="$2" ;; --parts) parts="$2" ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
read -r -a nice_cmd <<< "${NICE:-nice -n 10}"
python=/usr/bin/python3
ps_model=/usr/share/pocketsphinx/model/en-us

fail() { echo "side-by-side: $*" >&2; exit 2; }
has_part() { [[ " $parts " == *" $1 "* ]]; }
for p in $parts; do
  case "$p" in an4-16k|an4-8k|fsdd) ;; *) fail "unknown part '$p' in PARTS (an4-16k, an4-8k, fsdd)" ;; esac
done
[[ -n "${parts// /}" ]] || fail "PARTS is empty"

# --- Check everything up front, so that a missing piece fails in seconds, not after an hour.
command -v pocketsphinx_batch >/dev/null || fail "pocketsphinx_batch missing: apt-get install pocketsphinx pocketsphinx-en-us"
[[ -f "$ps_model/en-us/mdef" && -f "$ps_model/cmudict-en-us.dict" ]] \
  || fail "pocketsphinx's en-us model missing under $ps_model: apt-get install pocketsphinx-en-us"
[[ -x "$python" ]] || fail "$python missing: apt-get install python3"
[[ -n "${BIN:-}" ]] || command -v dotnet >/dev/null || fail "dotnet missing (or set BIN to a built CLI folder)"
if has_part an4-8k || has_part fsdd; then
  command -v sox >/dev/null || fail "sox missing (pocketsphinx gets 8 kHz audio upsampled to 16 kHz by it): apt-get install sox"
fi
if has_part an4-16k || has_part an4-8k; then
  [[ -f "$an4/etc/an4_test.transcription" && -f "$an4/etc/an4_train.transcription" && -d "$an4/wav/an4test_clstk" ]] \
    || fail "AN4 not found at $an4 (etc/ and wav/ expected; set AN4 or --an4)"
  an4="$(realpath "$an4")"
  [[ -f "$model16" ]] || fail "16 kHz model not found: $model16 (set MODEL16 or --model16)"
fi
if has_part an4-8k || has_part fsdd; then
  [[ -f "$model8" ]] || fail "8 kHz model not found: $model8 (set MODEL8 or --model8)"
fi
if has_part fsdd; then
  compgen -G "$fsdd/[0-9]_*_*.wav" >/dev/null || fail "FSDD not found at $fsdd ({digit}_{speaker}_{index}.wav expected; set FSDD or --fsdd)"
  fsdd="$(realpath "$fsdd")"
fi
mkdir -p "$work"
work="$(realpath "$work")"; out="$(realpath -m "$out")"
model16="$(realpath -m "$model16")"; model8="$(realpath -m "$model8")"
corpus16="$(realpath -m "${corpus16:-$work/an4-16k}")"; corpus8="$(realpath -m "${corpus8:-$work/an4-8k}")"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# Build once into the scratch folder, so that later builds of the repository do not change the tool mid-run.
bin="${BIN:-$work/bin}"
if [[ -z "${BIN:-}" ]]; then
  echo "== building the CLI into $bin" >&2
  "${nice_cmd[@]}" dotnet build "$repo/Cli" -c Release -o "$bin" -nologo -v q >&2
fi
[[ -f "$bin/acoustic.dll" ]] || fail "no acoustic.dll in $bin"
acoustic=(dotnet "$bin/acoustic.dll")

# Runs a command under NICE with stdout to $2 and stderr to WORK/$1.err; writes its exact command line to WORK/$1.cmd
# and its start and end times (wall clock of the whole process) to WORK/$1.wall.
timed() {
  local name="$1" stdout="$2"; shift 2
  local cmd=("${nice_cmd[@]}" "$@") start
  printf '%q ' "${cmd[@]}" | sed 's/ $//' > "$work/$name.cmd"
  rm -f "$work/$name.wall"
  start="$(date +%s.%N)"
  if ! "${cmd[@]}" > "$stdout" 2> "$work/$name.err"; then
    echo "side-by-side: failed: $(cat "$work/$name.cmd")" >&2
    tail -n 20 "$work/$name.err" >&2
    exit 1
  fi
  echo "$start $(date +%s.%N)" > "$work/$name.wall"
}

# Imports AN4 into corpus folder $1 (extra import options after it) unless it already has a manifest.
import_an4() {
  local corpus="$1"; shift
  [[ -f "$corpus/manifest.json" ]] && { echo "== using the corpus in $corpus" >&2; return; }
  echo "== importing AN4 into $corpus (aligned with $model16)" >&2
  rm -rf "$corpus"
  "${nice_cmd[@]}" "${acoustic[@]}" corpus import-an4 --an4 "$an4" --model "$model16" --out "$corpus" "$@" --json \
    > "$work/$(basename "$corpus").import.json"
}

# Writes a 16 kHz copy of each WAV listed in $3 (paths relative to $1, without .wav) under $2, for pocketsphinx; sox's
# notes (a few samples clipped by the resampler on loud telephone audio) go to $2.sox.log. No dither (-D): sox's
# default dither is random, and pocketsphinx's results moved by a few errors from one run to the next with it.
upsample() {
  local from="$1" to="$2" list="$3" id
  rm -rf "$to" "$to.sox.log"
  while read -r id; do
    mkdir -p "$to/$(dirname "$id")"
    sox -D "$from/$id.wav" -r 16000 "$to/$id.wav" 2>> "$to.sox.log"
  done < "$list"
}

# pocketsphinx_batch over the ids in WORK/$1.pocketsphinx.ctl, with the rest of its options after $1.
pocketsphinx() {
  local part="$1"; shift
  timed "$part.pocketsphinx" /dev/null pocketsphinx_batch -hmm "$ps_model/en-us" -dict "$ps_model/cmudict-en-us.dict" \
    -ctl "$work/$part.pocketsphinx.ctl" -hyp "$work/$part.pocketsphinx.hyp" -logfn "$work/$part.pocketsphinx.log" "$@"
}

if has_part an4-16k || has_part an4-8k; then
  lm="$work/an4-train.arpa"
  "${acoustic[@]}" lm build --text "$an4/etc/an4_train.transcription" --order 2 --out "$lm" --json > "$work/an4-train.lm.json"
fi

if has_part an4-16k; then
  import_an4 "$corpus16"
  echo "== an4-16k: pocketsphinx" >&2
  rm -f "$work/an4-16k.pocketsphinx.ctl"; grep . "$an4/etc/an4_test.fileids" > "$work/an4-16k.pocketsphinx.ctl"
  pocketsphinx an4-16k -lm "$lm" -cepdir "$an4/wav" -cepext .raw -adcin yes -input_endian big -samprate 16000
  echo "== an4-16k: ours" >&2
  timed an4-16k.ours "$work/an4-16k.ours.json" "${acoustic[@]}" score --model "$model16" --corpus "$corpus16" \
    --split test --lm "$lm" --json --threads 1
fi

if has_part an4-8k; then
  import_an4 "$corpus8" --telephone
  echo "== an4-8k: upsampling the telephone-channel test set for pocketsphinx" >&2
  "$python" -c 'import json, sys
m = json.load(open(sys.argv[1]))
if m["sample_rate"] != 8000: sys.exit(f"{sys.argv[1]}: sample rate {m['"'"'sample_rate'"'"']}, not 8000: is it a --telephone import?")
for u in m["utterances"]:
    if u["split"] == "test": print(u["audio_path"][:-len(".wav")])' "$corpus8/manifest.json" > "$work/an4-8k.pocketsphinx.ctl"
  upsample "$corpus8" "$work/an4-8k-upsampled" "$work/an4-8k.pocketsphinx.ctl"
  echo "== an4-8k: pocketsphinx" >&2
  pocketsphinx an4-8k -lm "$lm" -cepdir "$work/an4-8k-upsampled" -cepext .wav -adcin yes -adchdr 44 -samprate 16000
  echo "== an4-8k: ours" >&2
  timed an4-8k.ours "$work/an4-8k.ours.json" "${acoustic[@]}" score --model "$model8" --corpus "$corpus8" \
    --split test --lm "$lm" --json --threads 1
fi

if has_part fsdd; then
  echo "== fsdd: upsampling for pocketsphinx" >&2
  (cd "$fsdd" && ls | sed -n 's/^\([0-9]_[^_]*_[0-9]*\)\.wav$/\1/p' | sort) > "$work/fsdd.pocketsphinx.ctl"
  upsample "$fsdd" "$work/fsdd-upsampled" "$work/fsdd.pocketsphinx.ctl"
  printf '#JSGF V1.0;\ngrammar digits;\npublic <digit> = zero | one | two | three | four | five | six | seven | eight | nine;\n' \
    > "$work/digits.gram"
  echo "== fsdd: pocketsphinx" >&2
  pocketsphinx fsdd -jsgf "$work/digits.gram" -cepdir "$work/fsdd-upsampled" -cepext .wav -adcin yes -adchdr 44 -samprate 16000
  echo "== fsdd: ours" >&2
  timed fsdd.ours "$work/fsdd.ours.json" "${acoustic[@]}" fsdd-eval --model "$model8" --data "$fsdd" --json --threads 1
fi

"$python" "$repo/scripts/an4/side_by_side.py" --work "$work" --out "$out" --parts $parts --repo "$repo" \
  --an4 "$an4" --fsdd "$fsdd" --corpus16 "$corpus16" --corpus8 "$corpus8" --model16 "$model16" --model8 "$model8" \
  --load-at-start "$load_at_start" --nice "${nice_cmd[*]}"
