#!/usr/bin/env bash
# Compares single-threaded fbank speed: torchaudio's kaldi.fbank vs our FilterbankExtractor, on the same
# 60 s 16 kHz speech WAV (generated here with espeak-ng, not committed). Writes bench/results/fbank.json.
# Usage: bench/fbank/run.sh [repeats]   (default 10; best of N is reported, the machine may be noisy)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wav="$work/speech60.wav"

/usr/bin/python3 bench/fbank/torchaudio_fbank.py --make-speech "$wav" --seconds 60
dotnet build Cli -c Release -v quiet -nologo >&2
torch_json="$(/usr/bin/python3 bench/fbank/torchaudio_fbank.py --wav "$wav" --bins 40 --repeats "$repeats")"
ours_json="$(DOTNET_TieredPGO=1 Cli/bin/Release/net10.0/acoustic bench fbank --wav "$wav" --bins 40 --repeats "$repeats" --json)"

mkdir -p bench/results
/usr/bin/python3 - "$torch_json" "$ours_json" > bench/results/fbank.json <<'PY'
import json, platform, sys
torch, ours = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({
    "audio": "60 s espeak-ng speech, 16 kHz, 40 mel bins, dither 0",
    "machine": platform.processor() or platform.machine(),
    "torchaudio": torch,
    "ours": ours,
    "speedup_vs_torchaudio": ours["times_real_time"] / torch["times_real_time"],
}, indent=2))
PY
cat bench/results/fbank.json
