#!/usr/bin/env bash
# Scaling of the live flow with silos (issue 6): the Redis-backed cluster with 1 silo, then with 2, each silo pinned
# to its own core (taskset), the Gateway (Orleans client) and the load generator in the same run on the same
# machine. For each, real-time streams are stepped up (STEPS) and the largest count served in real time is reported:
# partial-latency p95 <= 250 ms, no errors, and at least 95 % of the real-time audio delivered (clients wait for each
# reply, so a saturated service shows as clients falling behind rather than as latency). Writes
# bench/results/cluster/scaling.json (OUT_NAME) with every step.
# Environment: CONFIGS (silo counts, default "1 2"), STEPS (default "100 150 200 250 300 350"), SECONDS_PER_STEP
# (default 40), AUDIO (test speech folder), OUT_NAME (default scaling.json), ORLEANS_TLS (default 1: mutual TLS between
# silos and Gateway with certificates made for the run, as Redis clustering requires; 0: Orleans:Tls:Required=false).
set -euo pipefail
cd "$(dirname "$0")/../.."
steps="${STEPS:-100 150 200 250 300 350}"
seconds="${SECONDS_PER_STEP:-40}"
audio="${AUDIO:-/tmp/load-audio}"
bin=/tmp/acoustic-scaling-bin
out=bench/results/cluster
[[ -d "$audio" ]] || bench/load/make-audio.sh "$audio" 30
dotnet build Silo -c Release -o "$bin/silo" -nologo -v q >&2
dotnet build Gateway -c Release -o "$bin/gateway" -nologo -v q >&2
dotnet build Cli -c Release -o "$bin/cli" -nologo -v q >&2
mkdir -p "$out"
work=$(mktemp -d /tmp/scaling-XXXXXX)
if [[ "${ORLEANS_TLS:-1}" == 1 ]]; then
  scripts/tls/make-cluster-certs.sh "$work/tls" >&2
  tls=(--Orleans:Tls:CertificatePath="$work/tls/cluster.crt" --Orleans:Tls:KeyPath="$work/tls/cluster.key"
       --Orleans:Tls:CaCertificatePath="$work/tls/ca.crt")
else
  tls=(--Orleans:Tls:Required=false)
fi
pids=()
# A silo whose peer is gone may take long to stop gracefully: SIGTERM, then SIGKILL after 10 s.
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [[ $alive == 0 ]] && break; sleep 0.5
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'cleanup; rm -rf "$work"' EXIT

run_config() {  # $1 = silos
  local silos=$1 port_base=$((3100 + $1 * 100)) redis_port=$((6400 + $1))
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" > "$work/redis-$silos.log" 2>&1 &
  pids+=($!)
  sleep 0.5
  for i in $(seq 0 $((silos - 1))); do
    taskset -c "$i" dotnet "$bin/silo/AcousticDistill.Silo.dll" --urls "http://127.0.0.1:$((port_base + 10 + i))" \
      --Silo:Clustering=redis --Silo:Storage=redis --Redis:ConnectionString=127.0.0.1:$redis_port \
      --Silo:SiloPort=$((port_base + 20 + i)) --Silo:GatewayPort=$((port_base + 30 + i)) --Silo:ClusterId=scaling-$silos \
      --ModelStore:Path="$work/store-$silos" --Models:DefaultDirectory="$PWD/models" --Logging:LogLevel:Default=Warning \
      "${tls[@]}" > "$work/silo-$silos-$i.log" 2>&1 &
    pids+=($!)
  done
  dotnet "$bin/gateway/AcousticDistill.Gateway.dll" --urls "http://127.0.0.1:$port_base" --Gateway:Cluster=redis \
    --Redis:ConnectionString=127.0.0.1:$redis_port --Silo:ClusterId=scaling-$silos --Gateway:Limits:IdleTimeout=00:02:00 \
    --Security:MaxStreamsPerClient=0 --Logging:LogLevel:Default=Warning "${tls[@]}" > "$work/gateway-$silos.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port_base/v1/models" 2>/dev/null | grep -q '"serving_version":"' && break; sleep 0.5
  done
  # Warm up every silo's model loading with a few streams.
  dotnet "$bin/cli/acoustic.dll" bench stream --url "ws://127.0.0.1:$port_base/v1/stream" --audio "$audio" --streams 8 \
    --seconds 5 --ramp-seconds 0 > /dev/null 2>&1 || true
  for n in $steps; do
    dotnet "$bin/cli/acoustic.dll" bench stream --url "ws://127.0.0.1:$port_base/v1/stream" --audio "$audio" --streams "$n" \
      --seconds "$seconds" --ramp-seconds 5 --json > "$work/step-$silos-$n.json" 2>/dev/null || true
    python3 - "$work/step-$silos-$n.json" "$silos" "$n" >> "$work/steps.jsonl" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
n, seconds, ramp = int(sys.argv[3]), r["config"]["seconds"], r["config"]["ramp_seconds"]
expected = n * (seconds - ramp / 2)  # clients start evenly over the ramp
print(json.dumps({"silos": int(sys.argv[2]), "streams": n, "p95_ms": r["latency_ms"]["p95"], "p99_ms": r["latency_ms"]["p99"],
                  "errors": r["errors"], "chunks": r["chunks"], "audio_seconds": r["audio_seconds"],
                  "real_time_share": round(r["audio_seconds"] / expected, 3)}))
PY
    tail -n 1 "$work/steps.jsonl" >&2
    python3 -c "import json,sys; r=json.loads(open('$work/steps.jsonl').readlines()[-1]); sys.exit(0 if r['p95_ms']<=250 and r['errors']==0 and r['real_time_share']>=0.95 else 1)" || break
  done
  cleanup; pids=()
}

for silos in ${CONFIGS:-1 2}; do run_config "$silos"; done
python3 - "$work/steps.jsonl" "$out/${OUT_NAME:-scaling.json}" "$seconds" <<'PY'
import json, sys
steps = [json.loads(l) for l in open(sys.argv[1])]
best = {}
for s in steps:
    if s["p95_ms"] <= 250 and s["errors"] == 0 and s["real_time_share"] >= 0.95:
        best[s["silos"]] = max(best.get(s["silos"], 0), s["streams"])
result = {"seconds_per_step": int(sys.argv[3]), "steps": steps, "max_streams": best,
          "ratio_two_vs_one": round(best[2] / best[1], 2) if best.get(1) and best.get(2) else None}
json.dump(result, open(sys.argv[2], "w"), indent=2)
print(json.dumps(result["max_streams"]), "ratio", result["ratio_two_vs_one"])
PY
