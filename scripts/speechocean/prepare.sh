#!/usr/bin/env bash
# A subset of one speechocean762 split as a Kaldi data directory with 16 kHz mono 16-bit WAVs, the input that
# pocketsphinx's 16 kHz en-us model (and scripts/speechocean/pocketsphinx.sh) expects.
#
# Takes every N-th utterance of the split in the file order of its `text`: lines 1, 1+N, 1+2N, ... (with the default
# N=10 the 1st, 11th, 21st, ... utterance; 250 of the test split's 2,500). Each one's Ogg Opus file (wav.scp's
# `WAVE/SPEAKER0003/000030012.WAV` is `audio/0003/000030012.opus` in the corpus folder) is decoded by
# `opusdec --rate 16000` to OUT/wav/<utt-id>.wav (a canonical 44-byte header, then 16-bit mono samples at 16 kHz;
# opusdec's dither is deterministic, so the files repeat bit for bit). OUT then holds:
#   wav.scp   `<utt-id> wav/<utt-id>.wav` (paths relative to OUT)
#   text      `<utt-id> <lower-case words>` (single spaces)
#   utt2spk   `<utt-id> <speaker>`
# Idempotent: WAVs already decoded are kept (each is written to a temporary name and renamed, so an interrupted run
# leaves no half-written WAV behind); the three Kaldi files are rewritten each time, and WAVs in OUT/wav that are no
# longer selected are left alone but are not listed.
#
# Usage: scripts/speechocean/prepare.sh [--data DIR] [--split test] [--every N] [--out DIR]
#   --data   the speechocean762 folder (README.md, audio/, test/, train/); default ../shared/data/speechocean762
#            beside the repository
#   --split  test or train (default test)
#   --every  N, take every N-th utterance (default 10; 1 takes all)
#   --out    the Kaldi data directory to write (default /tmp/speechocean762-<split>-every<N>)
# Environment: NICE (prefix for the decoding, default "nice -n 10").
# Needs: opusdec (apt-get install opus-tools), /usr/bin/python3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="$repo/../shared/data/speechocean762"; split=test; every=10; out=""
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value (see the header of $0)" >&2; exit 2; }
  case "$1" in
    --data) data="$2" ;; --split) split="$2" ;; --every) every="$2" ;; --out) out="$2" ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
read -r -a nice_cmd <<< "${NICE:-nice -n 10}"
python=/usr/bin/python3

fail() { echo "prepare: $*" >&2; exit 2; }
[[ "$every" =~ ^[1-9][0-9]*$ ]] || fail "--every must be a positive whole number, not '$every'"
[[ "$split" =~ ^[A-Za-z0-9_.-]+$ ]] || fail "--split must be a folder name such as test or train, not '$split'"
out="${out:-/tmp/speechocean762-$split-every$every}"
command -v opusdec >/dev/null || fail "opusdec missing: apt-get install opus-tools"
[[ -x "$python" ]] || fail "$python missing: apt-get install python3"
for f in text wav.scp utt2spk; do
  [[ -f "$data/$split/$f" ]] || fail "$data/$split/$f not found (set --data to the speechocean762 folder, --split)"
done
[[ -d "$data/audio" ]] || fail "$data/audio not found (set --data to the speechocean762 folder)"
data="$(realpath "$data")"
mkdir -p "$out/wav"
out="$(realpath "$out")"

# The selection, with each utterance's opus file: one `<utt-id> TAB <opus path>` line each, into
# OUT/.selection; the Kaldi files into OUT/*.tmp (renamed once every WAV is there).
"$python" - "$data" "$split" "$every" "$out" <<'EOF'
import os, re, sys
data, split, every, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
folder = os.path.join(data, split)

def table(name):
    """utt-id -> rest of the line (split at the first tab or space), in file order; a repeated id fails."""
    rows = {}
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = re.split(r"[\t ]", line, maxsplit=1)
            if len(parts) != 2 or not parts[1].strip():
                sys.exit(f"prepare: {folder}/{name}:{number}: expected '<utt-id> <value>', got '{line}'")
            if parts[0] in rows:
                sys.exit(f"prepare: {folder}/{name}:{number}: utterance {parts[0]} listed twice")
            rows[parts[0]] = parts[1].strip()
    return rows

text, wavs, speakers = table("text"), table("wav.scp"), table("utt2spk")
ids = list(text)[::every]          # lines 1, 1+N, 1+2N, ... of `text`
selection, kaldi_text, kaldi_scp, kaldi_spk = [], [], [], []
for u in ids:
    if u not in wavs or u not in speakers:
        sys.exit(f"prepare: utterance {u} of {folder}/text is missing from wav.scp or utt2spk")
    m = re.fullmatch(r"WAVE/SPEAKER(\w+)/(\w+)\.WAV", wavs[u], flags=re.IGNORECASE)
    if not m:
        sys.exit(f"prepare: {folder}/wav.scp: cannot map '{wavs[u]}' (utterance {u}) to audio/<speaker>/<utt>.opus")
    opus = os.path.join(data, "audio", m.group(1), m.group(2) + ".opus")
    if not os.path.isfile(opus):
        sys.exit(f"prepare: {opus} not found (utterance {u})")
    selection.append(f"{u}\t{opus}")
    kaldi_text.append(f"{u} {' '.join(text[u].lower().split())}")
    kaldi_scp.append(f"{u} wav/{u}.wav")
    kaldi_spk.append(f"{u} {speakers[u]}")
for name, rows in ((".selection", selection), ("text.tmp", kaldi_text), ("wav.scp.tmp", kaldi_scp),
                   ("utt2spk.tmp", kaldi_spk)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("".join(r + "\n" for r in rows))
print(f"prepare: {len(ids)} of {len(text)} utterances of {folder} (every {every}-th line, from the first)", file=sys.stderr)
EOF

decoded=0; kept=0
while IFS=$'\t' read -r id opus; do
  wav="$out/wav/$id.wav"
  if [[ -s "$wav" ]]; then kept=$((kept + 1)); continue; fi
  if ! "${nice_cmd[@]}" opusdec --quiet --rate 16000 "$opus" "$wav.part.wav" 2> "$out/wav/$id.opusdec.err"; then
    echo "prepare: failed: opusdec --rate 16000 $opus $wav" >&2
    cat "$out/wav/$id.opusdec.err" >&2
    exit 1
  fi
  rm -f "$out/wav/$id.opusdec.err"
  mv "$wav.part.wav" "$wav"
  decoded=$((decoded + 1))
done < "$out/.selection"

# Every WAV must be what pocketsphinx is told it gets (-adcin yes -adchdr 44 -samprate 16000): PCM, mono, 16-bit,
# 16 kHz, its samples starting right after a 44-byte header.
"$python" - "$out" <<'EOF'
import os, struct, sys
out = sys.argv[1]
for line in open(os.path.join(out, ".selection"), encoding="utf-8"):
    u = line.split("\t")[0]
    path = os.path.join(out, "wav", u + ".wav")
    with open(path, "rb") as f:
        head = f.read(44)
    size = os.path.getsize(path)
    ok = (len(head) == 44 and head[0:4] == b"RIFF" and head[8:16] == b"WAVEfmt " and head[36:40] == b"data"
          and struct.unpack("<IHHIIHH", head[16:36]) == (16, 1, 1, 16000, 32000, 2, 16)
          and struct.unpack("<I", head[40:44])[0] == size - 44)
    if not ok:
        sys.exit(f"prepare: {path} is not a 44-byte-header 16 kHz mono 16-bit PCM WAV: delete it and rerun")
EOF
for f in text wav.scp utt2spk; do mv "$out/$f.tmp" "$out/$f"; done
rm -f "$out/.selection"
echo "prepare: $(wc -l < "$out/text") utterances in $out ($decoded decoded now, $kept already there)" >&2
