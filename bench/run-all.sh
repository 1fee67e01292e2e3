#!/usr/bin/env bash
# Every CPU benchmark of docs/BENCHMARKS.md in one go (the machine is shared and noisy: each script compares
# ours and the peer interleaved in the same run; read the ratios, not the absolute times).
# Needs Debian's python3-torch, python3-torchaudio and libopenblas0-pthread for the peers.
set -euo pipefail
cd "$(dirname "$0")/.."
for pkg in python3-torchaudio libopenblas0-pthread; do
  dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q "install ok installed" || {
    echo "installing $pkg (benchmark peer)" >&2
    apt-get install -y -qq "$pkg" >/dev/null
  }
done
mkdir -p bench/results
gcc -O2 -o /tmp/acoustic-clock bench/cpu/clock.c && /tmp/acoustic-clock | tee bench/results/clock.json
bench/fbank/run.sh 20
bench/train/run.sh 51200 2
