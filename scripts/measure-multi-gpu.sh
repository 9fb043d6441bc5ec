#!/usr/bin/env sh
# Measures data-parallel training on a machine with (at least) 2 CUDA GPUs, PyTorch installed and the
# self-contained build from scripts/pack-gpu-bundle.sh unpacked. One step per call, so that each fits in a
# time-limited job:
#
#   scripts/measure-multi-gpu.sh check     # NCCL collectives + replica identity (dist-check, then train --check-replicas)
#   scripts/measure-multi-gpu.sh gpu1      # lifelong-mazes on 1 GPU for $STEPS agent-steps
#   scripts/measure-multi-gpu.sh gpu2      # the same run on 2 GPUs
#   scripts/measure-multi-gpu.sh summary   # agent-steps/s, scaling efficiency, learning curves side by side
#
# Environment: POGEMA (the executable, default gpu-bundle/pogema/pogema), STEPS (default 6000000),
# RUNS (runs folder, default runs-scaling), SEED (default 1), POGEMA_TORCH_LIB (PyTorch's lib folder, found through
# python3 by default), COPY_TO (a folder that receives each run's metrics.csv, train.log, config.yaml and plot).
# Runs are named gpu1 / gpu2 / check inside RUNS; summary reads RUNS (point RUNS at a COPY_TO folder to summarize
# copies).
set -eu
cd "$(dirname "$0")/.."
pogema=${POGEMA:-gpu-bundle/pogema/pogema}
steps=${STEPS:-6000000}
runs=${RUNS:-runs-scaling}
seed=${SEED:-1}

# A copied archive (scripts/pack-gpu-bundle.sh makes gpu-bundle/pogema-linux-x64.tar.gz) is unpacked on first use.
if [ ! -x "$pogema" ] && [ -f gpu-bundle/pogema-linux-x64.tar.gz ]; then
  tar -C gpu-bundle -xzf gpu-bundle/pogema-linux-x64.tar.gz
fi

if [ -z "${POGEMA_TORCH_LIB:-}" ]; then
  POGEMA_TORCH_LIB=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")')
fi
export LD_LIBRARY_PATH="$POGEMA_TORCH_LIB${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

train() {
  name=$1
  shift
  rm -rf "$runs/$name"
  "$pogema" train --preset lifelong-mazes --device cuda --seed "$seed" --name "$name" \
    --set "run.runs_dir=$runs" --set "run.checkpoint_every=1000000" "$@"
  if [ -n "${COPY_TO:-}" ]; then
    # Keep the small outputs (not the checkpoint) somewhere that outlives this machine.
    mkdir -p "$COPY_TO/$name"
    cp "$runs/$name/metrics.csv" "$runs/$name/train.log" "$runs/$name/config.yaml" "$COPY_TO/$name/"
    cp "$runs/$name/learning_curve.png" "$COPY_TO/$name/" 2>/dev/null || true
  fi
}

case "${1:-}" in
  check)
    "$pogema" dist-check --gpus 2
    # 5 updates of 512 environments x 64 agents x 8 steps (262,144 agent-steps each), every optimizer step checked.
    train check --gpus 2 --check-replicas --set run.total_steps=1310720 --set run.eval_seeds=1
    ;;
  gpu1)
    train gpu1 --set "run.total_steps=$steps"
    ;;
  gpu2)
    train gpu2 --gpus 2 --set "run.total_steps=$steps"
    ;;
  summary)
    for run in gpu1 gpu2; do
      # Mean agent-steps/s over the updates after the first three (start-up, CUDA kernel selection).
      awk -F, -v run="$run" 'NR > 4 { s += $3; n++ } END { if (n) printf "%s: %.0f agent-steps/s over %d updates\n", run, s / n, n }' "$runs/$run/metrics.csv"
    done
    awk -F, 'FNR == 1 { file++ } FNR > 4 { s[file] += $3; n[file]++ }
      END { if (n[1] && n[2]) printf "2 GPUs / 1 GPU: %.2fx, scaling efficiency %.0f%%\n", (s[2]/n[2]) / (s[1]/n[1]), 50 * (s[2]/n[2]) / (s[1]/n[1]) }' \
      "$runs/gpu1/metrics.csv" "$runs/gpu2/metrics.csv"
    echo "learning curves (env_steps, throughput, episode_return) every ~10% of the run:"
    for run in gpu1 gpu2; do
      echo "$run"
      awk -F, 'NR > 1 { rows[NR] = $2 "  " $11 "  " $7; last = NR } END { step = int((last - 1) / 10); if (step < 1) step = 1; for (i = 2; i <= last; i += step) { print "  " rows[i]; shown = i } if (shown != last) print "  " rows[last] }' "$runs/$run/metrics.csv"
    done
    ;;
  *)
    echo "usage: $0 check|gpu1|gpu2|summary" >&2
    exit 2
    ;;
esac
