#!/usr/bin/env bash
# Test speech for the load benchmark: N utterances of 3-8 random digits at 16 kHz from festival's three installed
# voices (kal, kdl, slt), each followed by 0.6 s of silence so that every file ends in an endpoint.
# Usage: bench/load/make-audio.sh OUT_DIR [N=30]
set -euo pipefail
out="${1:?usage: make-audio.sh OUT_DIR [N]}"; n="${2:-30}"
words=(zero one two three four five six seven eight nine oh)
voices=("(voice_kal_diphone)" "(voice_ked_diphone)" "(voice_cmu_us_slt_arctic_hts)")
mkdir -p "$out"
RANDOM=7
for i in $(seq 1 "$n"); do
  len=$((3 + RANDOM % 6)); text=""
  for _ in $(seq 1 "$len"); do text+="${words[$((RANDOM % 11))]} "; done
  voice="${voices[$((i % 3))]}"
  f="$out/$(printf '%03d' "$i").wav"
  [[ -f "$f" ]] && continue
  echo "$text" | text2wave -eval "$voice" -F 16000 -o "$f.tmp.wav" 2>/dev/null \
    || echo "$text" | text2wave -F 16000 -o "$f.tmp.wav"
  sox "$f.tmp.wav" -r 16000 -c 1 -b 16 "$f" pad 0 0.6 && rm "$f.tmp.wav"
  echo "$text" > "${f%.wav}.txt"
done
ls "$out"/*.wav | wc -l
