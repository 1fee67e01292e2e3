#!/usr/bin/env bash
# Debian's pocketsphinx (pocketsphinx_batch, its generic 16 kHz en-us acoustic model) over the WAVs of a Kaldi data
# directory, scored by word errors: a reproducible pocketsphinx baseline, e.g. on speechocean762 prepared by
# scripts/speechocean/prepare.sh.
#
# The WAVs must be 16 kHz mono 16-bit PCM with a 44-byte header (checked before decoding); pocketsphinx_batch reads
# them as audio with `-adcin yes -adchdr 44 -samprate 16000 -cepext .wav`, so the header is skipped, not decoded.
# Default language model and dictionary: the general English ones of pocketsphinx-en-us (en-us.lm.bin, a trigram LM,
# and cmudict-en-us.dict); the model's own feat.params apply; no other decoding flags are passed.
# rtf_process is the wall clock of the whole pocketsphinx_batch process (start-up and loading the LM included) over
# the audio's duration; it decodes on one thread, under NICE. The machine's load at the start is recorded: other work
# beside it slows it down. Word errors: Levenshtein over lower-cased words, fillers and pronunciation-variant
# suffixes dropped from the hypotheses (scripts/speechocean/pocketsphinx_score.py, which takes the counting from
# scripts/an4/side_by_side.py).
#
# Usage: scripts/speechocean/pocketsphinx.sh --data KALDI_DIR [--lm FILE] [--dict FILE] [--out FILE] [--work DIR]
#   --data  a Kaldi data directory: wav.scp (`<utt-id> <file>.wav`, paths relative to it or absolute) and text
#   --lm    language model (default /usr/share/pocketsphinx/model/en-us/en-us.lm.bin; ARPA or Sphinx binary)
#   --dict  pronunciation dictionary (default /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict)
#   --out   result JSON (default bench/results/speechocean762/pocketsphinx-general-lm.json in the repository); the
#           per-utterance hypotheses go beside it, as <out without .json>.hypotheses.jsonl
#   --work  scratch folder for pocketsphinx's control file, hypotheses, log and command line (default
#           /tmp/speechocean762-pocketsphinx/<name of out without .json>)
# Environment: NICE (prefix for pocketsphinx_batch, default "nice -n 10").
# Needs: pocketsphinx + pocketsphinx-en-us (apt-get install pocketsphinx pocketsphinx-en-us), /usr/bin/python3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
ps_model=/usr/share/pocketsphinx/model/en-us
data=""; lm="$ps_model/en-us.lm.bin"; dict="$ps_model/cmudict-en-us.dict"
out="$repo/bench/results/speechocean762/pocketsphinx-general-lm.json"; work=""
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value (see the header of $0)" >&2; exit 2; }
  case "$1" in
    --data) data="$2" ;; --lm) lm="$2" ;; --dict) dict="$2" ;; --out) out="$2" ;; --work) work="$2" ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
read -r -a nice_cmd <<< "${NICE:-nice -n 10}"
python=/usr/bin/python3
hmm="$ps_model/en-us"

fail() { echo "pocketsphinx: $*" >&2; exit 2; }
[[ -n "$data" ]] || fail "--data KALDI_DIR is required (see the header of $0)"
[[ -f "$data/wav.scp" && -f "$data/text" ]] || fail "$data is not a Kaldi data directory (wav.scp and text expected)"
command -v pocketsphinx_batch >/dev/null || fail "pocketsphinx_batch missing: apt-get install pocketsphinx pocketsphinx-en-us"
[[ -f "$hmm/mdef" ]] || fail "pocketsphinx's en-us model missing under $hmm: apt-get install pocketsphinx-en-us"
[[ -f "$lm" ]] || fail "language model not found: $lm"
[[ -f "$dict" ]] || fail "dictionary not found: $dict"
[[ -x "$python" ]] || fail "$python missing: apt-get install python3"
[[ "$out" == *.json ]] || fail "--out must end in .json, not '$out'"
name="$(basename "$out" .json)"
work="${work:-/tmp/speechocean762-pocketsphinx/$name}"
data="$(realpath "$data")"; lm="$(realpath "$lm")"; dict="$(realpath "$dict")"
out="$(realpath -m "$out")"; jsonl="${out%.json}.hypotheses.jsonl"
mkdir -p "$work"; work="$(realpath "$work")"
rm -f "$work/ps.ctl" "$work/ps.hyp" "$work/ps.log" "$work/ps.cmd" "$work/ps.wall"

"$python" "$repo/scripts/speechocean/pocketsphinx_score.py" ctl --data "$data" --ctl "$work/ps.ctl"

cmd=("${nice_cmd[@]}" pocketsphinx_batch -hmm "$hmm" -lm "$lm" -dict "$dict" -ctl "$work/ps.ctl"
     -cepext .wav -adcin yes -adchdr 44 -samprate 16000 -hyp "$work/ps.hyp" -logfn "$work/ps.log")
printf '%q ' "${cmd[@]}" | sed 's/ $//' > "$work/ps.cmd"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== pocketsphinx_batch over $(wc -l < "$work/ps.ctl") WAVs of $data (load $load_at_start; log $work/ps.log)" >&2
start="$(date +%s.%N)"
if ! "${cmd[@]}" > "$work/ps.stdout" 2>&1; then
  echo "pocketsphinx: failed: $(cat "$work/ps.cmd")" >&2
  tail -n 20 "$work/ps.log" "$work/ps.stdout" >&2
  exit 1
fi
echo "$start $(date +%s.%N)" > "$work/ps.wall"
grep -q "ERROR" "$work/ps.log" && { echo "pocketsphinx: its log has errors:" >&2; grep "ERROR" "$work/ps.log" | head >&2; exit 1; }

"$python" "$repo/scripts/speechocean/pocketsphinx_score.py" score --data "$data" --hyp "$work/ps.hyp" \
  --log "$work/ps.log" --wall "$work/ps.wall" --cmd "$work/ps.cmd" --out "$out" --jsonl "$jsonl" --lm "$lm" \
  --dict "$dict" --hmm "$hmm" --load-at-start "$load_at_start" --nice "${nice_cmd[*]}" \
  --task "$(basename "$data"): pocketsphinx_batch, $(basename "$lm"), $(basename "$dict")"
