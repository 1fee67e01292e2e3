#!/usr/bin/env bash
# Training throughput of the 3 x 1024 MLP (batch 256, SGD, per-batch splicing), ours vs PyTorch, at a
# thread budget of 1 and of 2, interleaved in one run so both see the same machine load.
# PyTorch is Debian's python3-torch; with libopenblas0-pthread its BLAS has its own threads, so the budget is
# enforced on both torch (set_num_threads) and OpenBLAS (OPENBLAS_NUM_THREADS). Also measured: PyTorch's
# default here (torch 1 thread, OpenBLAS on both cores), the configuration the issue quotes.
# Usage: bench/train/run.sh [FRAMES] [ROUNDS]   → bench/results/train.json
set -euo pipefail
cd "$(dirname "$0")/../.."
frames="${1:-51200}"
rounds="${2:-2}"
dotnet build Cli/Cli.csproj -c Release -v quiet -nologo >/dev/null
acoustic() { dotnet Cli/bin/Release/net10.0/acoustic.dll "$@"; }
dpkg-query -W -f='${Status}\n' libopenblas0-pthread 2>/dev/null | grep -q "install ok installed" \
  || echo "warning: libopenblas0-pthread is not installed; PyTorch runs on the reference BLAS" >&2
results=()
for round in $(seq 1 "$rounds"); do
  for threads in 1 2; do
    results+=("$(acoustic bench train --threads "$threads" --frames "$frames" --repeats 2 --with-distillation)")
    results+=("$(OPENBLAS_NUM_THREADS=$threads /usr/bin/python3 bench/train/torch_mlp.py --threads "$threads" --frames "$frames" --repeats 2)")
  done
  results+=("$(/usr/bin/python3 bench/train/torch_mlp.py --threads 1 --frames "$frames" --repeats 2 | sed 's/"peer": "pytorch"/"peer": "pytorch-default-blas-threads"/')")
done
mkdir -p bench/results
printf '%s\n' "${results[@]}" | /usr/bin/python3 -c '
import json, sys
runs = [json.loads(line) for line in sys.stdin if line.strip()]
best = {}
for r in runs:
    key = (r["peer"], r["threads"])
    best[key] = max(best.get(key, 0), r["frames_per_second"])
summary = {f"{p}_{t}t": round(v) for (p, t), v in sorted(best.items())}
for t in (1, 2):
    summary[f"ratio_{t}t"] = round(best[("acoustic", t)] / best[("pytorch", t)], 3)
summary["ratio_2t_vs_pytorch_default"] = round(best[("acoustic", 2)] / best[("pytorch-default-blas-threads", 1)], 3)
summary["distill_speed_ratio"] = [round(r["distill_speed_ratio"], 3) for r in runs if r.get("distill_speed_ratio")]
json.dump({"summary": summary, "runs": runs}, open("bench/results/train.json", "w"), indent=1)
print(json.dumps(summary, indent=1))
'
