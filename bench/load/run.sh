#!/usr/bin/env bash
# Load benchmark of the live flow: starts the embedded host (Gateway + silo, default models, fresh model store), streams
# test speech to it from `acoustic bench stream` clients, and writes the report to bench/results/load/NAME.json.
# Every client stream comes from 127.0.0.1, so the per-client limit (Security:MaxStreamsPerClient) is switched off.
#
# Usage: bench/load/run.sh NAME [bench stream options...]
#   bench/load/run.sh realtime-100 --streams 100 --seconds 300            # >= 100 real-time streams, 5 minutes
#   bench/load/run.sh fast-1 --streams 1 --seconds 60 --fast               # one stream as fast as possible (RTF)
#   bench/load/run.sh soak --streams 40 --seconds 600 --reconnect          # streams opening and closing, 10 minutes
# Environment: AUDIO (folder of WAVs; default: made by make-audio.sh in /tmp/load-audio), PORT (default 2790),
#   SERVER_CPUS / CLIENT_CPUS (taskset CPU lists, e.g. 1 and 0, to pin the Gateway and the clients),
#   GATEWAY_ARGS (extra host options, e.g. "--Transcription:LanguageModels:en-16k=$PWD/samples/an4/an4-train-bigram.arpa"
#   to serve the AN4 task on en-16k).
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: bench/load/run.sh NAME [bench stream options...]}"; shift
port="${PORT:-2790}"
audio="${AUDIO:-/tmp/load-audio}"
bin=/tmp/acoustic-load-bin
[[ -d "$audio" ]] || bench/load/make-audio.sh "$audio" 30
dotnet build Embedded -c Release -o "$bin/gateway" -nologo -v q >&2
dotnet build Cli -c Release -o "$bin/cli" -nologo -v q >&2
# In a background job the function runs in a subshell; exec makes $! the program itself.
pin() { local cpus="$1"; shift; if [[ -n "$cpus" ]]; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi; }

store=$(mktemp -d /tmp/load-store-XXXXXX)
pin "${SERVER_CPUS:-}" dotnet "$bin/gateway/AcousticDistill.Embedded.dll" --urls "http://127.0.0.1:$port" \
  --ModelStore:Path="$store" --Silo:SiloPort=$((port + 100)) --Silo:GatewayPort=$((port + 200)) \
  --Gateway:Limits:IdleTimeout=00:02:00 --Security:MaxStreamsPerClient=0 --Logging:LogLevel:Default=Warning ${GATEWAY_ARGS:-} \
  > "$store/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$store"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { cat "$store/gateway.log" >&2; exit 1; }
# Warm up: load both models before measuring.
curl -sf -X POST --data-binary @"$(ls "$audio"/*.wav | head -1)" "http://127.0.0.1:$port/v1/recognize" >/dev/null

mkdir -p bench/results/load
(pin "${CLIENT_CPUS:-}" dotnet "$bin/cli/acoustic.dll" bench stream --url "ws://127.0.0.1:$port/v1/stream" --audio "$audio" \
  --server-pid "$gateway" --metrics-url "http://127.0.0.1:$port/metrics" --out "bench/results/load/$name.json" --json "$@")
