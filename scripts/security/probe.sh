#!/usr/bin/env bash
# Runs the security review's probes (issue 14) and prints their table; exits non-zero if any probe fails.
#   scripts/security/probe.sh                  starts the embedded host (Embedded/: Gateway + silo, Release), probes it, stops it
#   scripts/security/probe.sh URL [OPTIONS]    probes a Gateway already running at URL (options: probe.py --help)
# The probes try a rollback from a foreign origin: against a vulnerable Gateway that changes the serving model.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then
  exec /usr/bin/python3 scripts/security/probe.py "$@"
fi
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
store=$(mktemp -d)
dotnet build Embedded -c Release -v q -nologo >/dev/null
dotnet run --project Embedded -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$port" --ModelStore:Path="$store" >"$log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -rf "$log" "$store"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 $gateway 2>/dev/null || { echo "the Gateway did not start:"; tail -n 30 "$log"; exit 1; }
  sleep 1
done
rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$(pgrep -P $gateway -n || echo $gateway)/status" 2>/dev/null || echo "?"; }
echo "Gateway at http://127.0.0.1:$port (RSS $(rss))"
set +e
/usr/bin/python3 scripts/security/probe.py "http://127.0.0.1:$port"
status=$?
echo "Gateway RSS after the probes: $(rss)"
exit $status
