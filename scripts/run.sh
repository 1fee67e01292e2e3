#!/usr/bin/env bash
# The main job on the embedded default, both flows:
#  1. learning: synthesize a small phone-aligned 16 kHz corpus from Debian's speech synthesizers, train the baseline
#     frame classifier (3 x 1024 MLP) on it, and print its frame accuracy on the test split (held-out voices, texts);
#  2. live: start the embedded host (Embedded/: the Gateway with a co-hosted silo, default models of both families,
#     the default task: open English with the general LM), transcribe real speech (three AN4 test utterances, speakers
#     no model was trained on) and synthesized digits through POST /v1/recognize and through the Vosk-compatible
#     WebSocket, list the models, and end with real read English that is neither digits nor AN4 prompts
#     (samples/speechocean762: Mandarin-accented speakers), what was said beside what was heard.
# Installs what it needs first. Environment: MINUTES (training speech to synthesize, default 10), THREADS (default 2),
# OUT (default out/), PORT (Gateway, default 2700), SERVE=1 (keep the Gateway running at the end; Ctrl+C stops it).
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

echo "== live flow: Gateway (embedded) on http://127.0.0.1:${PORT:-2700}" >&2
port="${PORT:-2700}"
dotnet build Embedded/Embedded.csproj -c Release -v quiet -nologo
dotnet Embedded/bin/Release/net10.0/AcousticDistill.Embedded.dll --urls "http://127.0.0.1:$port" \
  --ModelStore:Path="$(realpath -m "$out/model-store")" --Logging:LogLevel:Default=Warning \
  --Transcription:LanguageModelCache="$(realpath -m "$out/language-models")" > "$out/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
# Each sample's transcript is in its folder's README table; POST /v1/recognize without a phrase list: the default task.
transcribe_samples() {
  local folder="$1" wav said heard
  for wav in "$folder"/*.wav; do
    said="$(sed -n "s/^| \`$(basename "$wav")\` | [^|]* | \(.*\) |$/\1/p" "$folder/README.md")"
    heard="$(curl -sf -X POST --data-binary @"$wav" "http://127.0.0.1:$port/v1/recognize" | python3 -c 'import json, sys; print(json.load(sys.stdin)["text"])')"
    printf '  %-18s said: %-46s heard: %s\n' "$(basename "$wav" .wav)" "$said" "$heard"
  done
}
echo "Real speech: CMU AN4 test speakers (samples/an4), POST /v1/recognize (open vocabulary; the first request loads the general LM):"
transcribe_samples samples/an4
echo "seven one four two" | text2wave -F 16000 -o "$out/digits.wav"
echo "POST /v1/recognize (spoken: seven one four two):"
curl -sf -X POST --data-binary @"$out/digits.wav" "http://127.0.0.1:$port/v1/recognize"; echo
echo "Vosk-protocol client on /v1/stream:"
/usr/bin/python3 scripts/vosk-client.py "$out/digits.wav" "ws://127.0.0.1:$port/v1/stream" | tail -n 2
echo "GET /v1/models:"
curl -sf "http://127.0.0.1:$port/v1/models" | python3 -c 'import json, sys
for f in json.load(sys.stdin)["families"]:
    print("  %s: %d Hz, serving %s, dev frame accuracy %.4f" % (f["family"], f["sample_rate"], (f["serving_version"] or "-")[:12], f["dev_frame_accuracy"] or 0))'
echo "Real read English, not digits, not AN4 (samples/speechocean762: Mandarin-accented adults), open vocabulary:"
transcribe_samples samples/speechocean762
if [ "${SERVE:-0}" = 1 ]; then
  echo "Serving: demo page http://127.0.0.1:$port/ , WebSocket ws://127.0.0.1:$port/v1/stream (Ctrl+C stops)"
  wait "$gateway"
fi
