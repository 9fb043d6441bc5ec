#!/usr/bin/env sh
# Packs a self-contained `pogema` for a Linux x64 CUDA machine that has PyTorch but no .NET.
# The build leaves out the CPU libtorch (-p:TorchBackend=system); on the target, TorchSharp loads the
# libtorch (CUDA) of the local PyTorch install through LD_LIBRARY_PATH.
#
# Output: gpu-bundle/pogema-linux-x64.tar.gz (about 40 MB). On the CUDA machine:
#   tar -xzf pogema-linux-x64.tar.gz
#   export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")'):$LD_LIBRARY_PATH"
#   ./pogema/pogema train --preset bottleneck --device cuda
set -eu
cd "$(dirname "$0")/.."
out=gpu-bundle
rm -rf "$out/pogema"
mkdir -p "$out"
dotnet publish src/Pogema.Cli -c Release -r linux-x64 --self-contained -p:TorchBackend=system -o "$out/pogema"
tar -C "$out" -czf "$out/pogema-linux-x64.tar.gz" pogema
echo "packed $out/pogema-linux-x64.tar.gz ($(du -h "$out/pogema-linux-x64.tar.gz" | cut -f1))"
