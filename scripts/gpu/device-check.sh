#!/usr/bin/env bash
# Runs on a GPU machine with PyTorch installed (python3 -c 'import torch' works there), from the repo root,
# with .gpu/acoustic-gpu.tar.xz (scripts/gpu/publish.sh) and .gpu/corpus.tar.xz (a corpus folder, tarred)
# beside it. Measures GPU training throughput against the same machine's CPU and runs the small study on CUDA.
# Writes JSON results into ${OUT:-out/gpu}.
set -euo pipefail
out="${OUT:-out/gpu}"
mkdir -p "$out" /tmp/acoustic /tmp/corpus
tar -C /tmp/acoustic -xJf .gpu/acoustic-gpu.tar.xz
tar -C /tmp/corpus -xJf .gpu/corpus.tar.xz
corpus=$(dirname "$(find /tmp/corpus -name manifest.json | head -n 1)")
torch_lib=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')/lib
export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
acoustic=/tmp/acoustic/publish/acoustic
nvidia-smi -L | tee "$out/gpu.txt"
python3 -c 'import torch; print("pytorch", torch.__version__)' | tee -a "$out/gpu.txt"
cores=$(nproc)

# Same command, two devices: the 3 x 1024 MLP, batch 256, SGD, plain and distillation loss.
# BENCH=0 skips the throughput runs; STUDY_MEMBERS lists the ensemble sizes of the study runs (default 4).
if [ "${BENCH:-1}" = 1 ]; then
"$acoustic" bench train --device cuda --frames 512000 --repeats 3 --with-distillation | tee "$out/bench-train-cuda.json"
"$acoustic" bench train --device cpu --threads "$cores" --frames 51200 --repeats 2 --with-distillation | tee "$out/bench-train-cpu.json"
# Larger batches, to show where the GPU saturates.
"$acoustic" bench train --device cuda --frames 1024000 --repeats 2 --batch 1024 | tee "$out/bench-train-cuda-b1024.json"
fi

# The small study end to end on CUDA (same corpus and command as the CPU run in docs/RESULTS.md).
for members in ${STUDY_MEMBERS:-4}; do
  /usr/bin/time -v "$acoustic" study --corpus "$corpus" --scale small --members "$members" --device cuda --threads "$cores" \
    --out "/tmp/study-$members" --json > "$out/study-cuda-n$members.json" 2> "$out/study-cuda-n$members.log" \
    || { tail -n 40 "$out/study-cuda-n$members.log"; exit 1; }
  grep -E "Elapsed|Maximum resident" "$out/study-cuda-n$members.log" || true
  cp "/tmp/study-$members/study.md" "$out/study-cuda-n$members.md"
  cat "$out/study-cuda-n$members.md"
done
