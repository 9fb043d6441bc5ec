#!/usr/bin/env bash
# Reproduces the GPU figures of docs/results.md and docs/performance.md on a CUDA machine with PyTorch and no .NET:
#   scripts/pack-gpu-bundle.sh                                        # on a machine with the .NET SDK
#   PHASES="bottleneck lifelong" scripts/gpu/results.sh gpu-bundle/pogema-linux-x64.tar.gz OUT   # on the GPU machine
# Phases (PHASES, default: all of them, in this order); every step is time-bounded, so a machine lent for a few
# minutes still returns whatever finished:
#   bench       pogema bench with 16 threads (environment throughput, one environment beside it, memcpy bandwidth);
#   bottleneck  srmt, rmt, attention, gru, empty x sparse, moving-negative rewards, trained side by side on GPU 0 to
#               BN_STEPS agent-steps (at most BN_SECONDS; SIGINT makes a run write its checkpoint), then each
#               evaluated on the SRMT generalization preset on the CPU;
#   lifelong    SRMT with the lifelong-mazes preset on the last GPU for LL_SECONDS (meanwhile, when the bottleneck
#               phase runs too), then evaluated with astar and pibt on the first LL_MAPS maps of the mazes, random and
#               warehouse sets;
#   nccl        with two GPUs: NCCL check, then the lifelong preset on 1 GPU, on 2 GPUs (environments split) and on
#               2 GPUs with --replicate-envs, NCCL_SECONDS each.
# Results: OUT/bottleneck.tar.gz (runs with their small checkpoints, evaluations, logs) and OUT/other.tar.gz
# (everything else, without the large lifelong checkpoints).
set -u
bundle=$1; out=$2
phases=${PHASES:-bench bottleneck lifelong nccl}
bn_steps=${BN_STEPS:-20000000}; bn_seconds=${BN_SECONDS:-330}
ll_seconds=${LL_SECONDS:-360}; ll_maps=${LL_MAPS:-16}
nccl_seconds=${NCCL_SECONDS:-120}; bench_seconds=${BENCH_SECONDS:-200}
mkdir -p "$out" && out=$(cd "$out" && pwd)
work=$(mktemp -d); tar -xzf "$bundle" -C "$work"
P="$work/pogema/pogema"
export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")'):${LD_LIBRARY_PATH:-}"
export NCCL_NVLS_ENABLE=0
gpus=$(nvidia-smi -L | wc -l); last_gpu=$((gpus - 1))
cd "$out"
{ date -u; nproc; nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; } > machine.txt
stamp() { echo "$(date -u +%T) $*" | tee -a phases.txt; }
has() { case " $phases " in *" $1 "*) return 0;; *) return 1;; esac; }

if has bench; then
  stamp bench
  timeout "$bench_seconds" "$P" bench --seconds 0.5 --threads 16 --rounds 3 --slices 1,16 --markdown bench.md --json bench.json > bench.log 2>&1
fi

lifelong_eval() {
  local ck=runs/ll-srmt/policy.pgm policies=astar,pibt limit
  [ -f "$ck" ] && policies="$ck,astar,pibt"
  for set in mazes random warehouse; do
    # the warehouse set is one map with 128 seeds: limit the seeds instead
    limit=(--max-maps "$ll_maps"); [ "$set" = warehouse ] && limit=(--seeds "0..$((ll_maps - 1))")
    timeout 150 "$P" eval --policy "$policies" --maps $set "${limit[@]}" --threads 8 --no-plot \
      --output "eval-ll-$set" > "eval-ll-$set.log" 2>&1 &
  done
  wait
}

if has lifelong; then
  stamp lifelong
  (CUDA_VISIBLE_DEVICES=$last_gpu timeout -s INT -k 30 "$ll_seconds" "$P" train --preset lifelong-mazes --device cuda \
    --name ll-srmt --set env.worker_threads=6 --set run.torch_threads=2 > train-ll-srmt.log 2>&1
   CUDA_VISIBLE_DEVICES=$last_gpu lifelong_eval) &
fi

if has bottleneck; then
  stamp bottleneck
  for core in srmt rmt attention gru empty; do
    for reward in sparse moving-negative; do
      (CUDA_VISIBLE_DEVICES=0 timeout -s INT -k 30 "$bn_seconds" "$P" train --preset bottleneck --device cuda \
        --name "bn-$core-$reward" --set model.core=$core --set run.reward=$reward --set run.total_steps=$bn_steps \
        --set env.worker_threads=1 --set run.torch_threads=1 --set run.eval_seeds=1 > "train-bn-$core-$reward.log" 2>&1
       ck="runs/bn-$core-$reward/checkpoint.pgm"
       [ -f "$ck" ] && timeout 150 "$P" eval --policy "$ck@cpu" --preset bottleneck --threads 1 --no-plot \
         --output "eval-bn-$core-$reward" > "eval-bn-$core-$reward.log" 2>&1) &
    done
  done
fi
wait

if has nccl && [ "$gpus" -ge 2 ]; then
  stamp nccl
  timeout 60 "$P" dist-check --gpus 2 > dist-check.log 2>&1
  timeout -s INT -k 20 "$nccl_seconds" "$P" train --preset lifelong-mazes --device cuda --seed 1 --name gpu1 > train-gpu1.log 2>&1
  timeout -s INT -k 20 "$nccl_seconds" "$P" train --preset lifelong-mazes --device cuda --seed 1 --name gpu2 --gpus 2 > train-gpu2.log 2>&1
  timeout -s INT -k 20 "$nccl_seconds" "$P" train --preset lifelong-mazes --device cuda --seed 1 --name gpu2r --gpus 2 --replicate-envs > train-gpu2r.log 2>&1
fi
stamp done
tar -czf bottleneck.tar.gz runs/bn-* eval-bn-* train-bn-* 2>/dev/null
tar -czf other.tar.gz --exclude='*.pgm*' machine.txt phases.txt bench.* runs/ll-srmt runs/gpu1 runs/gpu2 runs/gpu2r \
  eval-ll-* train-ll-* train-gpu* dist-check.log 2>/dev/null
ls -la "$out"
