#!/usr/bin/env bash
# Memory after abuse (issue 14): starts the embedded host (Gateway + silo, default models, fresh model store), samples
# its RSS every SAMPLE_SECONDS to bench/results/memory/NAME.csv, and runs four phases:
#   warmup  WARMUP_SECONDS of real-time streams that open and close (8 clients): the baseline is the median RSS of
#           its last 30 s;
#   abuse   bench/memory/abuse.py: oversized and over-long uploads, broken WAVs, 600 s uploads 8 at a time, phrase
#           lists at the limits, sockets opened and dropped (ROUNDS rounds; PARTS picks some of them);
#   settle  SETTLE_SECONDS idle: RSS after abuse;
#   churn   CHURN_SECONDS of streams opening and closing (CHURN_STREAMS real-time clients).
# bench/memory/report.py then writes NAME.json: baseline, peak, after abuse, end, churn slope (least squares after
# the churn's first minute, MB per 10 min), pass/fail against end <= 1.5 x baseline and slope <= 5 MB per 10 min.
# NAME-gc.csv has the runtime's own view every 15 s (its /metrics): large-object heap and gen2 after the last collection,
# their fragmentation, gen2 collections so far.
#
# Usage: bench/memory/run.sh NAME      (about 17 minutes with the defaults; run it with nohup, it writes as it goes)
# Environment: PORT (default 2890), AUDIO (WAV folder, default made by bench/load/make-audio.sh, or from
#   AN4 test (AN4, default ../shared/data/an4) by an4-audio.py where festival is missing), WARMUP_SECONDS (120),
#   SETTLE_SECONDS (60), CHURN_SECONDS (600), CHURN_STREAMS (6), ROUNDS (2), SAMPLE_SECONDS (2),
#   PARTS (abuse parts, default oversized,broken,long,phrases,sockets),
#   GATEWAY_ARGS (extra host options), and any DOTNET_* variable (e.g. DOTNET_GCConserveMemory=0 to compare).
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: bench/memory/run.sh NAME}"
port="${PORT:-2890}"
audio="${AUDIO:-/tmp/memory-bench/audio}"
work="${WORK:-/tmp/memory-bench}"
bin="$work/bin"
out=bench/results/memory
mkdir -p "$out" "$work"
if [[ ! -d "$audio" ]]; then
  if command -v text2wave >/dev/null; then bench/load/make-audio.sh "$audio" 30
  else python3 bench/memory/an4-audio.py "${AN4:-../shared/data/an4}" "$audio" 30; fi
fi
dotnet build Embedded -c Release -o "$bin/gateway" -nologo -v q >&2
dotnet build Cli -c Release -o "$bin/cli" -nologo -v q >&2

store=$(mktemp -d /tmp/memory-store-XXXXXX)
dotnet "$bin/gateway/AcousticDistill.Embedded.dll" --urls "http://127.0.0.1:$port" \
  --ModelStore:Path="$store" --Silo:SiloPort=$((port + 100)) --Silo:GatewayPort=$((port + 200)) \
  --Logging:LogLevel:Default=Warning ${GATEWAY_ARGS:-} > "$store/gateway.log" 2>&1 &
gateway=$!
phase_file="$work/phase"
# Written whole (rename), so a sampler never reads an empty phase.
phase() { echo "$1" > "$phase_file.new"; mv "$phase_file.new" "$phase_file"; echo "$(date -u +%T) $1" >&2; }
phase start
csv="$out/$name.csv"
( echo "t,phase,rss_mb"; t0=$(date +%s.%N)
  while kill -0 "$gateway" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2 / 1024}' "/proc/$gateway/status" 2>/dev/null || true)
    [[ -n "$rss" ]] && printf '%.1f,%s,%.1f\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$(cat "$phase_file")" "$rss"
    sleep "${SAMPLE_SECONDS:-2}"
  done ) > "$csv" &
sampler=$!
# (set -e and pipefail reach into these subshells: every command in them must not fail.)
( echo "t,phase,loh_mb,loh_fragmentation_mb,gen2_mb,gen2_fragmentation_mb,gen2_collections"; t0=$(date +%s)
  while kill -0 "$gateway" 2>/dev/null; do
    curl -sf "http://127.0.0.1:$port/metrics" 2>/dev/null | awk -v t=$(( $(date +%s) - t0 )) -v phase="$(cat "$phase_file")" '
      /^dotnet_gc_last_collection_heap_size_bytes.*"loh"/ { loh = $2 }
      /^dotnet_gc_last_collection_heap_fragmentation_size_bytes.*"loh"/ { lohf = $2 }
      /^dotnet_gc_last_collection_heap_size_bytes.*"gen2"/ { g2 = $2 }
      /^dotnet_gc_last_collection_heap_fragmentation_size_bytes.*"gen2"/ { g2f = $2 }
      /^dotnet_gc_collections_total.*"gen2"/ { n2 = $2 }
      END { if (loh != "") printf "%d,%s,%.1f,%.1f,%.1f,%.1f,%d\n", t, phase, loh / 1048576, lohf / 1048576, g2 / 1048576, g2f / 1048576, n2 }' || true  # not up yet: the next round
    sleep 15
  done ) > "$out/$name-gc.csv" &
gc_sampler=$!
trap 'kill $gateway $sampler $gc_sampler 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$store"' EXIT
# A busy machine may need minutes to start the host (JIT, models, silo).
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the host did not become healthy:" >&2; cat "$store/gateway.log" >&2; exit 1; }
curl -sf -X POST --data-binary @"$(ls "$audio"/*.wav | head -1)" "http://127.0.0.1:$port/v1/recognize" >/dev/null \
  || { echo "the warm-up recognition failed:" >&2; cat "$store/gateway.log" >&2; exit 1; }

streams() { dotnet "$bin/cli/acoustic.dll" bench stream --url "ws://127.0.0.1:$port/v1/stream" --audio "$audio" --reconnect \
  --ramp-seconds 5 --sample-seconds 30 --json "$@" > "$work/$(cat "$phase_file").json"; }
phase warmup
streams --streams 8 --seconds "${WARMUP_SECONDS:-120}"
phase abuse
python3 bench/memory/abuse.py 127.0.0.1 "$port" "$work/abuse" "${ROUNDS:-2}" "${PARTS:-oversized,broken,long,phrases,sockets}" \
  | tee "$out/$name-abuse.log" >&2
phase settle
sleep "${SETTLE_SECONDS:-60}"
phase churn
streams --streams "${CHURN_STREAMS:-6}" --seconds "${CHURN_SECONDS:-600}"
cp "$work/churn.json" "$out/$name-churn-streams.json"
phase end; sleep 3
python3 bench/memory/report.py "$csv" "$out/$name.json"
