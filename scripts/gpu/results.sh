#!/usr/bin/env bash
# Reproduces the GPU figures of docs/results.md and docs/performance.md on a CUDA machine with PyTorch and no .NET:
#   scripts/pack-gpu-bundle.sh                                   # on a machine with the .NET SDK
#   scripts/gpu/results.sh gpu-bundle/pogema-linux-x64.tar.gz OUT [TRAIN_SECONDS]   # on the GPU machine
# Every phase is time-bounded, so a machine lent for a few minutes still returns whatever finished:
#   1. pogema bench with 16 threads (environment throughput beside one environment and memcpy bandwidth);
#   2. Bottleneck: srmt, rmt, attention, gru, empty x sparse, moving-negative rewards, trained side by side on GPU 0
#      for TRAIN_SECONDS (SIGINT makes each write its checkpoint); lifelong SRMT on the last GPU meanwhile;
#   3. evaluation: every Bottleneck checkpoint on the SRMT generalization preset; astar and pibt (and the lifelong
#      checkpoint, on a few maps) on the mazes set;
#   4. with two or more GPUs: NCCL check, then the lifelong preset on 1 and on 2 GPUs for the same wall time.
set -u
bundle=$1; out=$2; train_seconds=${3:-150}
mkdir -p "$out" && out=$(cd "$out" && pwd)
work=$(mktemp -d); tar -xzf "$bundle" -C "$work"
P="$work/pogema/pogema"
export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")'):${LD_LIBRARY_PATH:-}"
export NCCL_NVLS_ENABLE=0
gpus=$(nvidia-smi -L | wc -l); last_gpu=$((gpus - 1))
cd "$out"
{ date -u; nproc; nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; } > machine.txt
stamp() { echo "$(date -u +%T) $*" | tee -a phases.txt; }

stamp bench
timeout 180 "$P" bench --seconds 1 --threads 16 --markdown bench.md --json bench.json > bench.log 2>&1

stamp train
for core in srmt rmt attention gru empty; do
  for reward in sparse moving-negative; do
    CUDA_VISIBLE_DEVICES=0 timeout -s INT -k 30 "$train_seconds" "$P" train --preset bottleneck --device cuda \
      --name "bn-$core-$reward" --set model.core=$core --set run.reward=$reward \
      --set env.worker_threads=1 --set run.torch_threads=1 > "train-bn-$core-$reward.log" 2>&1 &
  done
done
CUDA_VISIBLE_DEVICES=$last_gpu timeout -s INT -k 30 "$train_seconds" "$P" train --preset lifelong-mazes --device cuda \
  --name ll-srmt --set env.worker_threads=4 --set run.torch_threads=2 > train-ll-srmt.log 2>&1 &
wait

stamp eval
for core in srmt rmt attention gru empty; do
  for reward in sparse moving-negative; do
    ck="runs/bn-$core-$reward/checkpoint.pgm"
    [ -f "$ck" ] && timeout 70 "$P" eval --policy "$ck" --preset bottleneck --threads 2 --no-plot \
      --output "eval-bn-$core-$reward" > "eval-bn-$core-$reward.log" 2>&1 &
  done
done
timeout 70 "$P" eval --policy astar,pibt --maps mazes --threads 6 --output eval-mazes-classical > eval-mazes-classical.log 2>&1 &
[ -f runs/ll-srmt/checkpoint.pgm ] && timeout 70 "$P" eval --policy runs/ll-srmt/checkpoint.pgm,astar,pibt --maps mazes \
  --max-maps 8 --agents 8,16,32,64 --threads 6 --output eval-mazes-srmt > eval-mazes-srmt.log 2>&1 &
wait

if [ "$gpus" -ge 2 ]; then
  stamp nccl
  timeout 60 "$P" dist-check --gpus 2 > dist-check.log 2>&1
  timeout -s INT -k 20 60 "$P" train --preset lifelong-mazes --device cuda --seed 1 --name gpu1 > train-gpu1.log 2>&1
  timeout -s INT -k 20 60 "$P" train --preset lifelong-mazes --device cuda --seed 1 --name gpu2 --gpus 2 > train-gpu2.log 2>&1
fi
stamp done
# Two archives: everything of the Bottleneck runs (their checkpoints are tiny), and the rest without checkpoints.
tar -czf bottleneck.tar.gz runs/bn-* eval-bn-* train-bn-* 2>/dev/null
tar -czf other.tar.gz --exclude='*.pgm*' machine.txt phases.txt bench.* runs/ll-srmt runs/gpu1 runs/gpu2 \
  eval-mazes-* train-ll-* train-gpu* dist-check.log 2>/dev/null
