#!/usr/bin/env bash
# Builds a self-contained `acoustic` for a Linux x64 GPU machine, WITHOUT the bundled CPU libtorch
# (-p:TorchBackend=external): at run time it uses the CUDA libtorch of an installed PyTorch, found through
# LD_LIBRARY_PATH (see docs/gpu.md). Writes .gpu/acoustic-gpu.tar.xz (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf .gpu/publish
dotnet publish Cli/Cli.csproj -c Release -r linux-x64 --self-contained -p:TorchBackend=external -o .gpu/publish -v quiet -nologo
if ls .gpu/publish | grep -q '^libtorch_cpu.so'; then
  echo "error: the CPU libtorch ended up in the publish output" >&2
  exit 1
fi
tar -C .gpu -cJf .gpu/acoustic-gpu.tar.xz publish
rm -rf .gpu/publish  # only the archive travels (device trees are size-limited)
ls -la .gpu/acoustic-gpu.tar.xz
