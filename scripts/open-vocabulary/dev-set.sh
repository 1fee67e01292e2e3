#!/usr/bin/env bash
# The open-vocabulary dev set, on which `acoustic model tune-decoding` chooses each model's open-vocabulary defaults:
# AN4's dev speakers (carved from AN4 train by `acoustic corpus import-an4`; 117 utterances of spelled words, numbers
# and commands) together with every 20th utterance of speechocean762's *train* split (125 read English sentences,
# Mandarin-accented adults and children) — general read English beside the command task, so the language-model weight
# is not chosen for AN4's letters alone. Never a test split. Written as one Kaldi data directory (absolute WAV paths).
#
# Usage: scripts/open-vocabulary/dev-set.sh --an4-corpus DIR [--out DIR]
#   --an4-corpus  an AN4 corpus imported by `acoustic corpus import-an4` (its manifest.json lists the dev split);
#                 16 kHz, or 8 kHz (--telephone) for the en-8k family — the speechocean762 part is then resampled by sox
#   --out         default /tmp/open-vocabulary-dev-<rate>
# Environment: SPEECHOCEAN (default ../shared/data/speechocean762).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
speechocean="${SPEECHOCEAN:-$repo/../shared/data/speechocean762}"
corpus=""; out=""
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; exit 2; }
  case "$1" in --an4-corpus) corpus="$2" ;; --out) out="$2" ;; *) echo "unknown option $1" >&2; exit 2 ;; esac
  shift 2
done
[[ -f "$corpus/manifest.json" ]] || { echo "dev-set: --an4-corpus must be an imported AN4 corpus (no manifest.json in '$corpus')" >&2; exit 2; }
corpus="$(cd "$corpus" && pwd)"
rate="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["sample_rate"])' "$corpus/manifest.json")"
out="${out:-/tmp/open-vocabulary-dev-$rate}"
"$repo/scripts/speechocean/prepare.sh" --data "$speechocean" --split train --every 20 --out "$out/speechocean762-train-every20" >&2
rm -f "$out/wav.scp" "$out/text" "$out/utt2spk"
/usr/bin/python3 - "$corpus" "$out" "$rate" <<'PY'
import json, os, subprocess, sys
corpus, out, rate = sys.argv[1], sys.argv[2], int(sys.argv[3])
manifest = json.load(open(os.path.join(corpus, "manifest.json")))
with open(os.path.join(out, "wav.scp"), "w") as scp, open(os.path.join(out, "text"), "w") as text, open(os.path.join(out, "utt2spk"), "w") as spk:
    for u in manifest["utterances"]:
        if u["split"] == "dev":
            scp.write(f"an4-{u['id']} {os.path.join(corpus, u['audio_path'])}\n")
            text.write(f"an4-{u['id']} {u['text']}\n")
            spk.write(f"an4-{u['id']} an4-{u['speaker']}\n")
    so = os.path.join(out, "speechocean762-train-every20")
    texts = dict(line.split(" ", 1) for line in open(os.path.join(so, "text")) if line.strip())
    speakers = dict(line.split() for line in open(os.path.join(so, "utt2spk")) if line.strip())
    for line in open(os.path.join(so, "wav.scp")):
        utt, path = line.split()
        wav = os.path.join(so, path)
        if rate != 16000:
            resampled = os.path.join(so, f"wav-{rate}", os.path.basename(path))
            os.makedirs(os.path.dirname(resampled), exist_ok=True)
            if not os.path.exists(resampled):
                subprocess.run(["sox", "-D", wav, "-r", str(rate), resampled], check=True)
            wav = resampled
        scp.write(f"so762-{utt} {wav}\n")
        text.write(f"so762-{utt} {texts[utt]}")
        spk.write(f"so762-{utt} so762-{speakers[utt]}\n")
PY
echo "dev-set: $(wc -l < "$out/text") utterances in $out ($rate Hz)" >&2
